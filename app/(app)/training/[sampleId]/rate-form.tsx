'use client';
// The trainee's rating of one sample: a choice among the question's anchors and an optional note.
// Controlled, so the choice and the note survive an error; a rating is final once submitted.
import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton, TextAreaField, fieldError } from '@/app/_components/form';
import { RUBRIC_LABELS } from '@/lib/questions/schemas';
import { rateSampleAction, type RateSampleState } from '../actions';

export function RateForm({ sampleId, anchors }: { sampleId: string; anchors: readonly string[] }) {
  const [state, action] = useActionState(rateSampleAction, { status: 'idle' } as RateSampleState);
  const [rating, setRating] = useState('');
  const [note, setNote] = useState('');
  const ratingError = fieldError(state, 'rating');
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="sampleId" value={sampleId} />
      <fieldset aria-describedby={ratingError ? 'rating-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">Your rating</legend>
        <div className="mt-2 space-y-2">
          {anchors.map((anchor, i) => {
            const value = String(i + 1);
            return (
              <label key={value} className="flex cursor-pointer gap-3 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type="radio" name="rating" value={value} checked={rating === value} onChange={() => setRating(value)} className="mt-0.5" />
                <span>
                  <span className="font-medium text-slate-900">{RUBRIC_LABELS[i]}</span>
                  <span className="block text-slate-700">{anchor}</span>
                </span>
              </label>
            );
          })}
        </div>
        {ratingError ? (
          <p id="rating-error" className="mt-1 text-sm text-red-700">
            {ratingError}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField label="Note (optional)" name="note" id="rating-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} hint="For yourself: what made you choose this rating." error={fieldError(state, 'note')} />
      <p className="text-xs text-slate-600">Your rating is final: once you submit it you see the reference and your peers’ ratings.</p>
      <SubmitButton pendingText="Submitting…">Submit my rating</SubmitButton>
    </form>
  );
}
