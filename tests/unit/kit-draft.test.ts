import { describe, expect, it } from 'vitest';
import {
  type BuilderItem,
  type DraftState,
  draftContent,
  initialDraftState,
  isDirty,
  kitDraftReducer,
  shouldAutosave,
} from '@/app/(app)/kits/[kitId]/edit/kit-draft';

const item = (n: number, skill = 's1', minutes = 10): BuilderItem => ({
  key: `i${n}`,
  questionId: `q${n}`,
  questionVersionId: `v${n}`,
  title: `Question ${n}`,
  minutes,
  level: 'mid',
  kind: 'technical',
  primarySkillId: skill,
  skillIds: [skill],
});

const start = (items: BuilderItem[] = [item(1), item(2)]): DraftState =>
  initialDraftState({
    meta: { name: 'Kit', roleTitle: 'Backend', level: 'mid', targetMinutes: 60, description: '' },
    weights: [{ skillId: 's1', weight: 10 }],
    sections: [{ key: 'a', title: 'Questions', items }],
    revision: 3,
  });

const titles = (s: DraftState) => s.sections.map((x) => x.items.map((i) => i.title));

describe('kit draft reducer', () => {
  it('counts edits, so a save that answers after newer edits leaves the draft dirty', () => {
    let s = start();
    expect(isDirty(s)).toBe(false);
    s = kitDraftReducer(s, { type: 'meta', patch: { name: 'Kit two' } });
    expect(isDirty(s) && shouldAutosave(s)).toBe(true);
    s = kitDraftReducer(s, { type: 'saveStarted' });
    expect(shouldAutosave(s)).toBe(false);
    const sentAt = s.edits;
    s = kitDraftReducer(s, { type: 'minutes', itemKey: 'i1', minutes: 15 });
    s = kitDraftReducer(s, { type: 'saveSucceeded', revision: 4, edits: sentAt });
    expect(s.revision).toBe(4);
    expect(isDirty(s)).toBe(true);
    expect(shouldAutosave(s)).toBe(true);
    s = kitDraftReducer(s, { type: 'saveStarted' });
    s = kitDraftReducer(s, { type: 'saveSucceeded', revision: 5, edits: s.edits });
    expect(isDirty(s)).toBe(false);
  });

  it('tells a conflict by its code, not its message, and "keep mine" bases the next save on their revision', () => {
    let s = kitDraftReducer(start(), { type: 'meta', patch: { roleTitle: 'Platform' } });
    s = kitDraftReducer(s, { type: 'saveStarted' });
    s = kitDraftReducer(s, { type: 'saveFailed', message: 'Any wording at all', code: 'conflict', current: { revision: 7 } });
    expect(s.save).toEqual({ kind: 'conflict', message: 'Any wording at all', theirs: 7 });
    expect(shouldAutosave(s)).toBe(false);
    s = kitDraftReducer(s, { type: 'keepMine' });
    expect(s.revision).toBe(7);
    expect(s.save.kind).toBe('idle');
    expect(shouldAutosave(s)).toBe(true);

    const refused = kitDraftReducer(kitDraftReducer(start(), { type: 'saveStarted' }), { type: 'saveFailed', message: 'Someone else saved this kit', code: 'validation_failed', fields: { name: ['Too short'] } });
    expect(refused.save).toEqual({ kind: 'error', message: 'Someone else saved this kit', fields: { name: ['Too short'] } });
  });

  it('does not retry a refused save until the next edit', () => {
    let s = kitDraftReducer(start(), { type: 'meta', patch: { name: 'K' } });
    s = kitDraftReducer(s, { type: 'saveStarted' });
    s = kitDraftReducer(s, { type: 'saveFailed', message: 'Please correct the highlighted fields.', code: 'validation_failed' });
    expect(isDirty(s)).toBe(true);
    expect(shouldAutosave(s)).toBe(false);
    s = kitDraftReducer(s, { type: 'meta', patch: { name: 'Kit' } });
    expect(shouldAutosave(s)).toBe(true);
  });

  it('reorders, moves between sections and keeps the last section', () => {
    let s = kitDraftReducer(start([item(1), item(2), item(3)]), { type: 'reorder', sectionKey: 'a', from: 0, to: 2 });
    expect(titles(s)).toEqual([['Question 2', 'Question 3', 'Question 1']]);
    expect(s.announcement).toBe('Moved “Question 1” to position 3 of 3.');
    expect(kitDraftReducer(s, { type: 'reorder', sectionKey: 'a', from: 0, to: 3 })).toBe(s);
    s = kitDraftReducer(s, { type: 'addSection', key: 'b' });
    s = kitDraftReducer(s, { type: 'moveToSection', itemKey: 'i2', sectionKey: 'b' });
    expect(titles(s)).toEqual([['Question 3', 'Question 1'], ['Question 2']]);
    s = kitDraftReducer(s, { type: 'removeSection', sectionKey: 'a' });
    expect(titles(s)).toEqual([['Question 2', 'Question 3', 'Question 1']]);
    expect(kitDraftReducer(s, { type: 'removeSection', sectionKey: 'b' })).toBe(s);
  });

  it('swaps in place, adds to the last section, and never adds a question twice', () => {
    let s = kitDraftReducer(start(), { type: 'startSwap', itemKey: 'i1' });
    s = kitDraftReducer(s, { type: 'addQuestion', item: item(9) });
    expect(titles(s)).toEqual([['Question 9', 'Question 2']]);
    expect(s.swapKey).toBeNull();
    s = kitDraftReducer(s, { type: 'addQuestion', item: item(4) });
    expect(titles(s)).toEqual([['Question 9', 'Question 2', 'Question 4']]);
    expect(kitDraftReducer(s, { type: 'addQuestion', item: { ...item(4), key: 'other' } })).toBe(s);
  });

  it('adds a suggestion to the plan unless "replace" is chosen explicitly', () => {
    const s = start();
    const added = kitDraftReducer(s, { type: 'applySuggestion', mode: 'add', sectionKey: 'new', items: [item(2), item(5), item(6)] });
    expect(titles(added)).toEqual([['Question 1', 'Question 2', 'Question 5', 'Question 6']]);
    const replaced = kitDraftReducer(s, { type: 'applySuggestion', mode: 'replace', sectionKey: 'new', items: [item(5)] });
    expect(replaced.sections).toEqual([{ key: 'new', title: 'Suggested plan', items: [item(5)] }]);
    const nothing = kitDraftReducer(s, { type: 'applySuggestion', mode: 'add', sectionKey: 'new', items: [item(1)] });
    expect(isDirty(nothing)).toBe(false);
    expect(nothing.announcement).toMatch(/^No question to add/);
  });

  it('sends the draft in the shape saveKitDraft and publishKit take', () => {
    expect(draftContent(start([item(1, 's1', 12)]))).toEqual({
      name: 'Kit',
      roleTitle: 'Backend',
      level: 'mid',
      targetMinutes: 60,
      description: '',
      weights: [{ skillId: 's1', weight: 10 }],
      sections: [{ title: 'Questions', items: [{ questionVersionId: 'v1', minutes: 12 }] }],
    });
  });
});
