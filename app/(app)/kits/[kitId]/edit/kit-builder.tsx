'use client';
// The kit builder: details and weighted skills, a plan of sections and questions, live coverage,
// a bank search and "suggest a kit". State is the pure reducer in kit-draft.ts; the draft is
// autosaved with its revision (use-kit-autosave.ts), so a concurrent save by someone else is
// reported (load theirs / keep mine) rather than overwritten, and leaving with unsaved edits asks.
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useReducer, useTransition } from 'react';
import { ConflictNotice, SelectField, TextField } from '@/app/_components/form';
import { buttonClass } from '@/app/_components/ui';
import { computeCoverage } from '@/lib/kits/coverage';
import type { KitQuestionSummary } from '@/lib/kits/schemas';
import { LEVEL_LABELS, LEVELS, type Level } from '@/lib/questions/schemas';
import { publishKitAction, saveKitDraftAction, suggestKitAction } from '../../actions';
import { CoveragePanel } from './coverage-panel';
import { type BuilderMeta, type BuilderSection, type BuilderWeight, draftContent, initialDraftState, isDirty, kitDraftReducer, type SuggestMode } from './kit-draft';
import { SectionEditor } from './plan-panel';
import { QuestionSearchPanel } from './question-search-panel';
import { hasUnsavedWork, useKitAutosave, useLeaveGuard } from './use-kit-autosave';
import { type SkillTaxonomy, WeightsEditor } from './weights-panel';

export interface BuilderProps {
  kitId: string;
  revision: number;
  version: number;
  meta: BuilderMeta;
  weights: BuilderWeight[];
  sections: BuilderSection[];
  taxonomy: SkillTaxonomy[];
}

let keySeed = 0;
const newKey = () => `k${Date.now().toString(36)}${(keySeed++).toString(36)}`;

export function KitBuilder(props: BuilderProps) {
  const [state, dispatch] = useReducer(kitDraftReducer, props, initialDraftState);
  const [publishing, startPublishing] = useTransition();
  const { saveNow, settle, revision, latest } = useKitAutosave(props.kitId, state, dispatch, saveKitDraftAction);
  const allowLeave = useLeaveGuard(hasUnsavedWork(state));

  const { meta, weights, sections, save } = state;
  const skillName = useMemo(() => new Map(props.taxonomy.flatMap((c) => c.skills.map((s) => [s.id, s.name] as const))), [props.taxonomy]);
  const items = useMemo(() => sections.flatMap((s) => s.items), [sections]);
  const coverage = useMemo(
    () =>
      computeCoverage({
        targetMinutes: meta.targetMinutes || 0,
        weights: weights.map((w) => ({ ...w, name: skillName.get(w.skillId) ?? 'Unknown skill' })),
        items: items.map((i) => ({ key: i.key, title: i.title, minutes: i.minutes, primarySkillId: i.primarySkillId, skillIds: i.skillIds })),
      }),
    [meta.targetMinutes, weights, items, skillName],
  );

  const publish = () =>
    startPublishing(async () => {
      await settle();
      // Save pending edits first, so they are kept even if publishing is refused.
      if (isDirty(latest()) && (await saveNow()) === 'conflict') return;
      dispatch({ type: 'saveStarted' });
      // One transaction saves this content and publishes it; a refusal rolls both back, so the
      // revision the builder holds stays the current one and the next save is not a "conflict".
      const result = await publishKitAction({ kitId: props.kitId, revision: revision(), draft: draftContent(latest()) });
      if (result?.status === 'error') {
        const fields = result.fields && Object.fromEntries(Object.entries(result.fields).map(([k, v]) => [k.replace(/^draft\./, ''), v]));
        dispatch({ type: 'saveFailed', message: result.message, code: result.code, fields, current: result.current });
      }
    });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 's') {
        event.preventDefault();
        void saveNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [saveNow]);

  const suggest = useCallback(
    async (mode: SuggestMode) => {
      const result = await suggestKitAction({
        level: meta.level,
        budgetMinutes: meta.targetMinutes,
        weights: weights.map(({ skillId, weight }) => ({ skillId, weight })),
        existing: mode === 'add' ? items.map((i) => ({ questionId: i.questionId, primarySkillId: i.primarySkillId, minutes: i.minutes })) : [],
      });
      if (result.status !== 'success') return result.status === 'error' ? result.message : null;
      dispatch({ type: 'applySuggestion', mode, sectionKey: newKey(), items: result.data!.items.map((s) => ({ ...s, key: newKey() })) });
      return null;
    },
    [meta.level, meta.targetMinutes, weights, items],
  );

  const fieldError = (name: string) => (save.kind === 'error' ? save.fields?.[name]?.[0] : undefined);
  const overBy = coverage.totalMinutes - coverage.targetMinutes;
  const dirty = isDirty(state);
  const busy = publishing || save.kind === 'saving';

  return (
    <div className="space-y-6">
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6">
        <p className="text-sm" role="status" aria-live="polite">
          {save.kind === 'saving' && <span className="text-slate-700">Saving…</span>}
          {save.kind === 'idle' && (dirty ? <span className="text-amber-900">Unsaved changes</span> : <span className="text-green-800">All changes saved</span>)}
          {save.kind === 'error' && <span className="text-red-800">{save.message}</span>}
        </p>
        <span className="sr-only" aria-live="assertive">
          {state.announcement}
        </span>
        <div className="ml-auto flex gap-2">
          <Link href={`/kits/${props.kitId}`} className={buttonClass('ghost')}>
            Back to kit
          </Link>
          <button type="button" className={buttonClass('secondary')} onClick={() => void saveNow()} disabled={busy || save.kind === 'conflict'}>
            Save draft
          </button>
          <button type="button" className={buttonClass('primary')} onClick={publish} disabled={busy || save.kind === 'conflict'}>
            Publish version {props.version}
          </button>
        </div>
        {save.kind === 'conflict' ? (
          <div className="w-full">
            <ConflictNotice
              message={save.message}
              onLoadTheirs={() => {
                allowLeave();
                window.location.reload();
              }}
              onKeepMine={save.theirs === null ? () => window.location.reload() : () => dispatch({ type: 'keepMine' })}
            />
          </div>
        ) : null}
      </div>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="details-heading" className="text-base font-semibold">
              Details
            </h2>
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              <TextField label="Kit name" name="name" id="kit-name" value={meta.name} error={fieldError('name')} onChange={(e) => dispatch({ type: 'meta', patch: { name: e.target.value } })} />
              <TextField
                label="Role title"
                name="roleTitle"
                id="kit-role-title"
                value={meta.roleTitle}
                error={fieldError('roleTitle')}
                onChange={(e) => dispatch({ type: 'meta', patch: { roleTitle: e.target.value } })}
              />
              <SelectField label="Level" name="level" id="kit-level" value={meta.level} error={fieldError('level')} onChange={(e) => dispatch({ type: 'meta', patch: { level: e.target.value as Level } })}>
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {LEVEL_LABELS[l]}
                  </option>
                ))}
              </SelectField>
              <TextField
                label="Target minutes"
                name="targetMinutes"
                id="kit-target-minutes"
                type="number"
                value={String(meta.targetMinutes)}
                error={fieldError('targetMinutes')}
                onChange={(e) => dispatch({ type: 'meta', patch: { targetMinutes: Number(e.target.value) || 0 } })}
              />
            </div>
          </section>

          <WeightsEditor weights={weights} taxonomy={props.taxonomy} skillName={skillName} error={fieldError('weights')} onChange={(next) => dispatch({ type: 'weights', weights: next })} />

          <section aria-labelledby="plan-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="plan-heading" className="text-base font-semibold">
                Plan
              </h2>
              <p className={`text-sm font-medium ${overBy > 0 ? 'text-red-700' : 'text-slate-700'}`}>
                {coverage.totalMinutes} of {coverage.targetMinutes} min{overBy > 0 ? ` · ${overBy} min over` : ''}
              </p>
            </div>
            <p className="mt-1 text-xs text-slate-600">
              Reorder by dragging the handle, or focus it and press Space, then the arrow keys, then Space. The Up and Down buttons work too.
            </p>
            {fieldError('sections') ? <p className="mt-2 text-sm text-red-700">{fieldError('sections')}</p> : null}
            <div className="mt-4 space-y-5">
              {sections.map((section, sectionIndex) => (
                <SectionEditor
                  key={section.key}
                  section={section}
                  sectionIndex={sectionIndex}
                  sections={sections}
                  skillName={skillName}
                  swapKey={state.swapKey}
                  onRename={(title) => dispatch({ type: 'renameSection', sectionKey: section.key, title })}
                  onRemoveSection={sections.length > 1 ? () => dispatch({ type: 'removeSection', sectionKey: section.key }) : undefined}
                  onReorder={(from, to) => dispatch({ type: 'reorder', sectionKey: section.key, from, to })}
                  onMove={(index, delta) => dispatch({ type: 'reorder', sectionKey: section.key, from: index, to: index + delta })}
                  onMoveToSection={(itemKey, sectionKey) => dispatch({ type: 'moveToSection', itemKey, sectionKey })}
                  onMinutes={(itemKey, minutes) => dispatch({ type: 'minutes', itemKey, minutes })}
                  onRemove={(itemKey) => dispatch({ type: 'removeItem', itemKey })}
                  onSwap={(itemKey) => dispatch({ type: 'startSwap', itemKey })}
                />
              ))}
            </div>
            <button type="button" className={buttonClass('secondary', 'mt-4')} onClick={() => dispatch({ type: 'addSection', key: newKey() })}>
              Add section
            </button>
          </section>
        </div>

        <div className="space-y-6">
          <CoveragePanel coverage={coverage} />
          <QuestionSearchPanel
            kitLevel={meta.level}
            weightedSkillIds={weights.map((w) => w.skillId)}
            inKit={new Set(items.map((i) => i.questionId))}
            skillName={skillName}
            swapping={state.swapKey ? (items.find((i) => i.key === state.swapKey) ?? null) : null}
            onCancelSwap={() => dispatch({ type: 'cancelSwap' })}
            onAdd={(question: KitQuestionSummary) => dispatch({ type: 'addQuestion', item: { ...question, key: newKey() } })}
            onSuggest={suggest}
            hasPlan={items.length > 0}
          />
        </div>
      </div>
    </div>
  );
}
