// The kit builder's state as a pure reducer: the draft's content, the revision it is based on,
// and where saving stands. Components only render it; autosave and timers live in hooks
// (use-kit-autosave.ts). Edits are counted, so a save that finishes while the user kept typing
// leaves the draft dirty instead of marking newer edits as saved.
import type { FieldErrors } from '@/lib/errors';
import type { KitQuestionSummary } from '@/lib/kits/schemas';
import type { Level } from '@/lib/questions/schemas';
import { plural } from '@/lib/text';

export interface BuilderItem extends KitQuestionSummary {
  key: string;
  reason?: string;
}
export interface BuilderSection {
  key: string;
  title: string;
  items: BuilderItem[];
}
export interface BuilderWeight {
  skillId: string;
  weight: number;
}
export interface BuilderMeta {
  name: string;
  roleTitle: string;
  level: Level;
  targetMinutes: number;
  description: string;
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving'; edits: number }
  | { kind: 'error'; message: string; fields?: FieldErrors }
  /** Someone else saved: `theirs` is their revision, for "keep mine". */
  | { kind: 'conflict'; message: string; theirs: number | null };

export interface DraftState {
  meta: BuilderMeta;
  weights: BuilderWeight[];
  sections: BuilderSection[];
  /** The server revision this content was last saved at (or loaded from). */
  revision: number;
  /** Edits made so far, and how many of them the server has. Dirty while they differ. */
  edits: number;
  savedEdits: number;
  /** The edit count of the last save attempt, so a refused save is not retried until the next edit. */
  attemptedEdits: number;
  save: SaveState;
  swapKey: string | null;
  announcement: string;
}

export type SuggestMode = 'add' | 'replace';

export type DraftAction =
  | { type: 'meta'; patch: Partial<BuilderMeta> }
  | { type: 'weights'; weights: BuilderWeight[] }
  | { type: 'renameSection'; sectionKey: string; title: string }
  | { type: 'addSection'; key: string }
  | { type: 'removeSection'; sectionKey: string }
  | { type: 'reorder'; sectionKey: string; from: number; to: number }
  | { type: 'moveToSection'; itemKey: string; sectionKey: string }
  | { type: 'minutes'; itemKey: string; minutes: number }
  | { type: 'removeItem'; itemKey: string }
  | { type: 'addQuestion'; item: BuilderItem }
  | { type: 'startSwap'; itemKey: string }
  | { type: 'cancelSwap' }
  | { type: 'applySuggestion'; items: BuilderItem[]; mode: SuggestMode; sectionKey: string }
  | { type: 'saveStarted' }
  | { type: 'saveSucceeded'; revision: number; edits: number }
  | { type: 'saveFailed'; message: string; code?: string; fields?: FieldErrors; current?: unknown }
  | { type: 'keepMine' };

export function initialDraftState(input: { meta: BuilderMeta; weights: BuilderWeight[]; sections: BuilderSection[]; revision: number }): DraftState {
  return { ...input, edits: 0, savedEdits: 0, attemptedEdits: 0, save: { kind: 'idle' }, swapKey: null, announcement: '' };
}

export const isDirty = (state: DraftState) => state.edits !== state.savedEdits;

/** Autosave may start: unsaved edits it has not tried yet, nothing in flight, no open conflict. */
export const shouldAutosave = (state: DraftState) =>
  isDirty(state) && state.edits !== state.attemptedEdits && state.save.kind !== 'saving' && state.save.kind !== 'conflict';

/** The draft content as saveKitDraft and publishKit take it. */
export function draftContent(state: DraftState) {
  return {
    ...state.meta,
    weights: state.weights.map(({ skillId, weight }) => ({ skillId, weight })),
    sections: state.sections.map((s) => ({ title: s.title, items: s.items.map((i) => ({ questionVersionId: i.questionVersionId, minutes: i.minutes })) })),
  };
}

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

const allItems = (sections: BuilderSection[]) => sections.flatMap((s) => s.items);

function edit(state: DraftState, patch: Partial<DraftState>): DraftState {
  return { ...state, ...patch, edits: state.edits + 1 };
}

function mapItems(sections: BuilderSection[], fn: (item: BuilderItem) => BuilderItem | null): BuilderSection[] {
  return sections.map((s) => ({ ...s, items: s.items.flatMap((i) => fn(i) ?? []) }));
}

export function kitDraftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'meta':
      return edit(state, { meta: { ...state.meta, ...action.patch } });
    case 'weights':
      return edit(state, { weights: action.weights });
    case 'renameSection':
      return edit(state, { sections: state.sections.map((s) => (s.key === action.sectionKey ? { ...s, title: action.title } : s)) });
    case 'addSection':
      return edit(state, { sections: [...state.sections, { key: action.key, title: `Section ${state.sections.length + 1}`, items: [] }] });
    case 'removeSection': {
      // The last section stays, and a removed section's questions move to the first remaining one.
      const removed = state.sections.find((s) => s.key === action.sectionKey);
      if (!removed || state.sections.length < 2) return state;
      const rest = state.sections.filter((s) => s !== removed);
      return edit(state, { sections: rest.map((s, i) => (i === 0 ? { ...s, items: [...s.items, ...removed.items] } : s)) });
    }
    case 'reorder': {
      const section = state.sections.find((s) => s.key === action.sectionKey);
      if (!section || action.to < 0 || action.to >= section.items.length || action.from === action.to) return state;
      const item = section.items[action.from]!;
      return edit(state, {
        sections: state.sections.map((s) => (s === section ? { ...s, items: move(s.items, action.from, action.to) } : s)),
        announcement: `Moved “${item.title}” to position ${action.to + 1} of ${section.items.length}.`,
      });
    }
    case 'moveToSection': {
      const item = allItems(state.sections).find((i) => i.key === action.itemKey);
      if (!item) return state;
      return edit(state, {
        sections: state.sections.map((s) => {
          const items = s.items.filter((i) => i.key !== action.itemKey);
          return { ...s, items: s.key === action.sectionKey ? [...items, item] : items };
        }),
      });
    }
    case 'minutes':
      return edit(state, { sections: mapItems(state.sections, (i) => (i.key === action.itemKey ? { ...i, minutes: action.minutes } : i)) });
    case 'removeItem': {
      const item = allItems(state.sections).find((i) => i.key === action.itemKey);
      if (!item) return state;
      return edit(state, {
        sections: mapItems(state.sections, (i) => (i.key === action.itemKey ? null : i)),
        swapKey: state.swapKey === action.itemKey ? null : state.swapKey,
        announcement: `Removed “${item.title}”.`,
      });
    }
    case 'addQuestion': {
      if (allItems(state.sections).some((i) => i.questionId === action.item.questionId)) return state;
      if (state.swapKey && allItems(state.sections).some((i) => i.key === state.swapKey)) {
        return edit(state, {
          sections: mapItems(state.sections, (i) => (i.key === state.swapKey ? action.item : i)),
          swapKey: null,
          announcement: `Swapped in “${action.item.title}”.`,
        });
      }
      const last = state.sections.length - 1;
      return edit(state, {
        sections: state.sections.map((s, i) => (i === last ? { ...s, items: [...s.items, action.item] } : s)),
        announcement: `Added “${action.item.title}”, ${action.item.minutes} minutes.`,
      });
    }
    case 'startSwap':
      return { ...state, swapKey: action.itemKey };
    case 'cancelSwap':
      return { ...state, swapKey: null };
    case 'applySuggestion': {
      // "Add" keeps the plan and appends to its last section; only an explicit "Replace" discards it.
      if (action.mode === 'replace') {
        return edit(state, {
          sections: [{ key: action.sectionKey, title: 'Suggested plan', items: action.items }],
          swapKey: null,
          announcement: `Replaced the plan with ${plural(action.items.length, 'suggested question')}. Review, swap or remove any of them.`,
        });
      }
      const present = new Set(allItems(state.sections).map((i) => i.questionId));
      const added = action.items.filter((i) => !present.has(i.questionId));
      const last = state.sections.length - 1;
      const announcement = added.length
        ? `Added ${plural(added.length, 'suggested question')} to “${state.sections[last]!.title}”. Review, swap or remove any of them.`
        : 'No question to add: the plan already fills the time for its weights, or the bank has nothing more for them.';
      if (!added.length) return { ...state, announcement };
      return edit(state, { sections: state.sections.map((s, i) => (i === last ? { ...s, items: [...s.items, ...added] } : s)), announcement });
    }
    case 'saveStarted':
      return { ...state, attemptedEdits: state.edits, save: { kind: 'saving', edits: state.edits } };
    case 'saveSucceeded':
      return { ...state, revision: action.revision, savedEdits: Math.max(state.savedEdits, action.edits), save: { kind: 'idle' } };
    case 'saveFailed': {
      if (action.code === 'conflict') {
        const theirs = (action.current as { revision?: unknown } | undefined)?.revision;
        return { ...state, save: { kind: 'conflict', message: action.message, theirs: typeof theirs === 'number' ? theirs : null } };
      }
      return { ...state, save: { kind: 'error', message: action.message, fields: action.fields } };
    }
    case 'keepMine': {
      // Overwrite their save on purpose: adopt their revision and mark the content for saving again.
      if (state.save.kind !== 'conflict' || state.save.theirs === null) return state;
      return { ...state, revision: state.save.theirs, edits: state.edits + 1, save: { kind: 'idle' } };
    }
  }
}
