'use client';
// The question in front of the panel: its prompt and guidance, the four rubric anchors as the
// rating control, the notes on the answer; and the list of all questions to move between them.
import type { Ref } from 'react';
import { TextAreaField } from '@/app/_components/form';
import { buttonClass } from '@/app/_components/ui';
import { fieldKey, type Flat, valueOf } from '@/lib/scorecards/draft';
import { RATING_LABELS } from '@/lib/scorecards/labels';
import type { LiveItem, RenderedItem } from './live-types';

export type Score = 1 | 2 | 3 | 4;

export function QuestionList({ items, current, local, onSelect }: { items: LiveItem[]; current: number; local: Flat; onSelect: (index: number) => void }) {
  return (
    <nav aria-label="Questions" className="order-2 lg:order-1">
      <ol className="space-y-1">
        {items.map((it, i) => {
          const rating = valueOf(local, fieldKey.questionRating(it.id));
          const hasNotes = String(valueOf(local, fieldKey.note(it.id)) ?? '').trim() !== '';
          return (
            <li key={it.id}>
              <button
                type="button"
                onClick={() => onSelect(i)}
                aria-current={i === current ? 'step' : undefined}
                className={`w-full rounded-md px-2 py-1.5 text-left text-sm ${i === current ? 'bg-brand-50 font-medium text-brand-800' : 'hover:bg-slate-100'}`}
              >
                {i + 1}. {it.title}
                <span className="block text-xs text-slate-600">
                  {it.minutes} min{rating ? ` · rated ${rating}` : ''}
                  {hasNotes ? ' · notes' : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

const GUIDANCE = [
  ['Listen for', 'listenFor'],
  ['Red flags', 'redFlags'],
  ['Follow-ups', 'followUps'],
] as const;

export function QuestionPanel({
  item,
  content,
  index,
  count,
  ratedSkillName,
  local,
  readOnly,
  notesRef,
  onRate,
  onNotes,
  onMove,
}: {
  item: LiveItem;
  /** The prompt, guidance and anchors, rendered from Markdown on the server. */
  content: RenderedItem;
  index: number;
  count: number;
  /** The kit skill the question's rating also sets (its primary skill), if the kit weighs it. */
  ratedSkillName: string | undefined;
  local: Flat;
  readOnly: boolean;
  notesRef: Ref<HTMLTextAreaElement>;
  onRate: (score: Score) => void;
  onNotes: (text: string) => void;
  onMove: (index: number) => void;
}) {
  const rating = valueOf(local, fieldKey.questionRating(item.id));
  return (
    <section aria-labelledby="question-heading" className="order-1 min-w-0 space-y-4 lg:order-2">
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">
          Question {index + 1} of {count} · {item.minutes} min
        </p>
        <h2 id="question-heading" className="mt-1 text-lg font-semibold">
          {item.title}
        </h2>
        {content.prompt}
        <div className="mt-4 grid gap-3 text-sm sm:grid-cols-3">
          {GUIDANCE.map(([title, field]) => (
            <div key={field}>
              <h3 className="font-medium">{title}</h3>
              <ul className="list-disc pl-5 text-slate-700">
                {item[field].map((line, i) => (
                  <li key={line}>{content[field][i]}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </div>

      <fieldset className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" disabled={readOnly}>
        <legend className="px-1 text-sm font-semibold">
          Rate this answer{ratedSkillName ? ` (sets ${ratedSkillName})` : ''} — keys 1–4
        </legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2 xl:grid-cols-4">
          {item.rubric.map((anchor, i) => {
            const score = (i + 1) as Score;
            const checked = rating === score;
            return (
              <label key={score} className={`flex min-w-0 cursor-pointer flex-col gap-1 rounded-md border p-3 text-sm ${checked ? 'border-brand-600 bg-brand-50 ring-1 ring-brand-600' : 'border-slate-200 hover:border-slate-400'}`}>
                <span className="flex items-center gap-2 font-semibold">
                  <input type="radio" name={`qr-${item.id}`} value={score} checked={checked} onChange={() => onRate(score)} className="size-4" />
                  {score} — {RATING_LABELS[score]}
                </span>
                {/* Long unbroken words (URLs, identifiers) wrap inside the card instead of overflowing it. */}
                <span className="break-words text-slate-700 [overflow-wrap:anywhere]">{content.rubric[i] ?? anchor}</span>
              </label>
            );
          })}
        </div>
      </fieldset>

      <TextAreaField
        label="Notes on this answer (key N)"
        name={`notes-${item.id}`}
        id={`notes-${item.id}`}
        ref={notesRef}
        rows={8}
        readOnly={readOnly}
        value={String(valueOf(local, fieldKey.note(item.id)) ?? '')}
        onChange={(e) => onNotes(e.target.value)}
      />
      <div className="flex justify-between">
        <button type="button" className={buttonClass('secondary')} disabled={index === 0} onClick={() => onMove(index - 1)}>
          ← Previous (K)
        </button>
        <button type="button" className={buttonClass('secondary')} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
          Next (J) →
        </button>
      </div>
    </section>
  );
}
