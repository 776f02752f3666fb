'use client';
// Adding questions: "suggest a kit" (adding to the plan, or replacing it only when asked), and a
// bank search pre-filtered to the kit's skills and level. Every filter in force is named on
// screen and can be cleared, including the swapped question's skill in swap mode.
import { useCallback, useEffect, useState, useTransition } from 'react';
import { buttonClass } from '@/app/_components/ui';
import type { KitQuestionSummary } from '@/lib/kits/schemas';
import { KIND_LABELS, LEVEL_LABELS, type Level } from '@/lib/questions/schemas';
import type { QuestionSearchRow } from '@/lib/questions/queries';
import { searchKitQuestionsAction } from '../../actions';
import type { BuilderItem, SuggestMode } from './kit-draft';
import { inputClass } from './weights-panel';

export const searchRowToSummary = (row: QuestionSearchRow): KitQuestionSummary => ({
  questionId: row.id,
  questionVersionId: row.versionId,
  title: row.title,
  minutes: row.minutes,
  level: row.level,
  kind: row.kind,
  primarySkillId: row.primarySkillId,
  skillIds: row.skillIds,
});

export function QuestionSearchPanel(props: {
  kitLevel: Level;
  weightedSkillIds: string[];
  inKit: Set<string>;
  skillName: Map<string, string>;
  swapping: BuilderItem | null;
  onCancelSwap: () => void;
  onAdd: (question: KitQuestionSummary) => void;
  onSuggest: (mode: SuggestMode) => Promise<string | null>;
  hasPlan: boolean;
}) {
  const [q, setQ] = useState('');
  const [kitSkillsOnly, setKitSkillsOnly] = useState(true);
  const [kitLevelOnly, setKitLevelOnly] = useState(true);
  // Swap mode narrows the search to the swapped question's skill until the user clears it.
  const [swapSkillCleared, setSwapSkillCleared] = useState<string | null>(null);
  const [rows, setRows] = useState<QuestionSearchRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const [suggesting, startSuggesting] = useTransition();

  const swapSkillId = props.swapping && swapSkillCleared !== props.swapping.key ? props.swapping.primarySkillId : null;
  const skillFilter = swapSkillId ? [swapSkillId] : kitSkillsOnly ? props.weightedSkillIds : [];
  const filterKey = JSON.stringify([q, skillFilter, kitLevelOnly ? props.kitLevel : null]);

  const run = useCallback(() => {
    startLoading(async () => {
      const [query, skill, level] = JSON.parse(filterKey) as [string, string[], string | null];
      const result = await searchKitQuestionsAction({ q: query, skill, level: level ? [level] : [] });
      if (result.status === 'success') {
        setRows(result.data!.rows);
        setTotal(result.data!.total);
        setError(null);
      } else if (result.status === 'error') setError(result.message);
    });
  }, [filterKey]);

  useEffect(() => {
    const timer = setTimeout(run, 250);
    return () => clearTimeout(timer);
  }, [run]);

  const suggest = (mode: SuggestMode) => startSuggesting(async () => setError(await props.onSuggest(mode)));
  const noWeights = props.weightedSkillIds.length === 0;
  const swapSkillName = swapSkillId ? (props.skillName.get(swapSkillId) ?? 'this skill') : null;

  // What is narrowing the results, each with a way to clear it, for the filter line and the empty state.
  const activeFilters: { label: string; clear: () => void }[] = [];
  if (swapSkillId) activeFilters.push({ label: `${swapSkillName} only (the swapped question’s skill)`, clear: () => setSwapSkillCleared(props.swapping!.key) });
  else if (kitSkillsOnly && props.weightedSkillIds.length) activeFilters.push({ label: 'the kit’s skills only', clear: () => setKitSkillsOnly(false) });
  if (kitLevelOnly) activeFilters.push({ label: `${LEVEL_LABELS[props.kitLevel]} level only`, clear: () => setKitLevelOnly(false) });

  return (
    <section aria-labelledby="add-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="add-heading" className="text-base font-semibold">
        Add questions
      </h2>
      {props.hasPlan ? (
        <div className="mt-3 grid gap-2 sm:grid-cols-2 xl:grid-cols-1 2xl:grid-cols-2">
          <button type="button" className={buttonClass('secondary')} disabled={suggesting || noWeights} onClick={() => suggest('add')}>
            {suggesting ? 'Suggesting…' : 'Suggest more questions'}
          </button>
          <button type="button" className={buttonClass('ghost')} disabled={suggesting || noWeights} onClick={() => suggest('replace')}>
            Replace the plan with a suggestion
          </button>
        </div>
      ) : (
        <button type="button" className={buttonClass('secondary', 'mt-3 w-full')} disabled={suggesting || noWeights} onClick={() => suggest('add')}>
          {suggesting ? 'Suggesting…' : 'Suggest a kit'}
        </button>
      )}
      <p className="mt-1 text-xs text-slate-600">
        Fills the remaining time with questions on the weighted skills, minutes in proportion to the weights, at the kit’s level first.
        {props.hasPlan ? ' “Suggest more” keeps your plan; only “Replace” discards it.' : ''}
      </p>
      {props.swapping ? (
        <div role="status" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Choose a question to swap in for “{props.swapping.title}”.{' '}
          <button type="button" className="underline" onClick={props.onCancelSwap}>
            Cancel swap
          </button>
        </div>
      ) : null}
      <div className="mt-4 space-y-2">
        <label htmlFor="kit-search" className="block text-sm font-medium">
          Search the bank
        </label>
        <input id="kit-search" type="search" className={inputClass} value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. idempotency, joins, kubernetes" />
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {swapSkillId ? (
            <p className="flex items-center gap-1.5">
              Skill: {swapSkillName} (swapped question’s skill)
              <button type="button" className="underline" onClick={() => setSwapSkillCleared(props.swapping!.key)}>
                Show all skills
              </button>
            </p>
          ) : (
            <span className="flex flex-wrap items-center gap-1.5">
              <label className="flex items-center gap-1.5">
                <input type="checkbox" checked={kitSkillsOnly} onChange={(e) => setKitSkillsOnly(e.target.checked)} className="size-4" />
                Kit’s skills only
              </label>
              {/* With no weighted skills there is nothing to narrow to: say so instead of silently showing everything. */}
              {noWeights && kitSkillsOnly ? <span className="text-xs text-slate-600">(the kit has no skills yet, so every skill shows)</span> : null}
            </span>
          )}
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={kitLevelOnly} onChange={(e) => setKitLevelOnly(e.target.checked)} className="size-4" />
            {LEVEL_LABELS[props.kitLevel]} level only
          </label>
        </div>
      </div>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div aria-busy={loading} className="mt-3">
        {rows === null ? (
          <p className="text-sm text-slate-600">Loading questions…</p>
        ) : rows.length === 0 ? (
          <div className="text-sm text-slate-600">
            <p>
              No questions match{q.trim() ? ` “${q.trim()}”` : ''}
              {activeFilters.length ? ` with ${activeFilters.map((f) => f.label).join(' and ')}.` : '.'}
            </p>
            {activeFilters.length ? (
              <ul className="mt-1 flex flex-wrap gap-2">
                {activeFilters.map((f) => (
                  <li key={f.label}>
                    <button type="button" className={buttonClass('ghost', 'px-2 py-1 text-xs')} onClick={f.clear}>
                      Clear “{f.label}”
                    </button>
                  </li>
                ))}
              </ul>
            ) : q.trim() ? (
              <p className="mt-1">Try other words.</p>
            ) : null}
          </div>
        ) : (
          <>
            <p className="text-xs text-slate-600" aria-live="polite">
              {total} matching{total > rows.length ? `, showing ${rows.length}` : ''}
            </p>
            <ul className="mt-2 max-h-[28rem] space-y-2 overflow-y-auto pr-1">
              {rows.map((row) => {
                const added = props.inKit.has(row.id);
                return (
                  <li key={row.id} className="rounded-md border border-slate-200 p-2.5">
                    <p className="text-sm font-medium">{row.title}</p>
                    <p className="mt-1 text-xs text-slate-600">
                      {props.skillName.get(row.primarySkillId)} · {LEVEL_LABELS[row.level]} · {KIND_LABELS[row.kind]} · {row.minutes} min
                    </p>
                    <button
                      type="button"
                      className={buttonClass(added ? 'ghost' : 'secondary', 'mt-2 px-2.5 py-1 text-xs')}
                      disabled={added}
                      onClick={() => props.onAdd(searchRowToSummary(row))}
                    >
                      {added ? 'In the kit' : props.swapping ? 'Swap in' : 'Add'}
                      <span className="sr-only"> “{row.title}”</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
