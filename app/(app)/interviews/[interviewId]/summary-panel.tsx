'use client';
// The overall recommendation, the summary and the submit button — disabled, with the reason,
// until the interview has started; submit refusals sit beside it, apart from the autosave status.
import Link from 'next/link';
import { TextAreaField } from '@/app/_components/form';
import { buttonClass } from '@/app/_components/ui';
import { type FieldValue, type Flat, valueOf } from '@/lib/scorecards/draft';
import { RECOMMENDATION_LABELS, RECOMMENDATIONS } from '@/lib/scorecards/labels';

export function SummaryPanel({
  applicationId,
  local,
  readOnly,
  fieldErrors,
  submittedMessage,
  submitError,
  started,
  scheduledAt,
  submitDisabled,
  onChange,
  onSubmit,
}: {
  /** Where the panel's feedback is read once this card is in (the debrief page). */
  applicationId: string;
  local: Flat;
  readOnly: boolean;
  fieldErrors: Record<string, string[]>;
  /** Shown once submitted. */
  submittedMessage: string;
  submitError: string;
  started: boolean;
  scheduledAt: string;
  submitDisabled: boolean;
  onChange: (key: string, value: FieldValue) => void;
  onSubmit: () => void;
}) {
  const startsAt = new Date(scheduledAt).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <fieldset disabled={readOnly} aria-describedby={fieldErrors.recommendation ? 'recommendation-error' : undefined}>
        <legend className="font-semibold">Overall recommendation</legend>
        <div className="mt-2 grid grid-cols-2 gap-1">
          {RECOMMENDATIONS.map((r) => {
            const checked = valueOf(local, 'recommendation') === r;
            return (
              <label key={r} className={`cursor-pointer rounded border px-2 py-1.5 text-center text-sm ${checked ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 hover:bg-slate-50'}`}>
                <input type="radio" className="sr-only" name="recommendation" checked={checked} onChange={() => onChange('recommendation', r)} />
                {RECOMMENDATION_LABELS[r]}
              </label>
            );
          })}
        </div>
        {fieldErrors.recommendation ? (
          <p id="recommendation-error" className="mt-1 text-xs text-red-700">
            {fieldErrors.recommendation[0]}
          </p>
        ) : null}
      </fieldset>
      <div className="mt-3">
        <TextAreaField label="Summary" name="summary" id="summary" rows={5} readOnly={readOnly} value={String(valueOf(local, 'summary') ?? '')} onChange={(e) => onChange('summary', e.target.value)} />
      </div>
      {readOnly ? (
        <>
          <p role="status" className="mt-3 text-sm text-green-800">
            {submittedMessage || 'This scorecard is submitted.'}
          </p>
          <Link href={`/applications/${applicationId}/debrief`} className={buttonClass('secondary', 'mt-3 w-full')}>
            Read the panel’s feedback
          </Link>
        </>
      ) : (
        <>
          {submitError ? (
            <p role="alert" className="mt-3 text-sm text-red-800">
              {submitError}
            </p>
          ) : null}
          {started ? null : (
            <p id="not-started" className="mt-3 text-sm text-slate-700">
              This interview has not started yet (it starts{' '}
              <time dateTime={scheduledAt} suppressHydrationWarning>
                {startsAt}
              </time>
              ). Your notes are saved as you type; you can submit once it has started.
            </p>
          )}
          <button type="button" className={buttonClass('primary', 'mt-3 w-full')} onClick={onSubmit} disabled={submitDisabled || !started} aria-describedby={started ? undefined : 'not-started'}>
            Submit scorecard
          </button>
        </>
      )}
    </div>
  );
}
