'use client';
// The trainee's rating of one sample: a choice among the question's anchors and an optional note.
// Controlled, so the choice and the note survive an error; a rating is final once submitted.
import { type ReactNode, useActionState, useState } from 'react';
import { FormMessage, SubmitButton, TextAreaField, fieldError } from '@/app/_components/form';
import { AnchorChoice } from '../_components/anchor-choice';
import { rateSampleAction, type RateSampleState } from '../actions';

export function RateForm({ sampleId, anchors }: { sampleId: string; anchors: readonly ReactNode[] }) {
  const [state, action] = useActionState(rateSampleAction, { status: 'idle' } as RateSampleState);
  const [rating, setRating] = useState('');
  const [note, setNote] = useState('');
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="sampleId" value={sampleId} />
      <AnchorChoice legend="Your rating" name="rating" anchors={anchors} value={rating} onChange={setRating} error={fieldError(state, 'rating')} />
      <TextAreaField label="Note (optional)" name="note" id="rating-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} hint="For yourself: what made you choose this rating." error={fieldError(state, 'note')} />
      <p className="text-xs text-slate-600">Your rating is final: once you submit it you see the reference and your peers’ ratings.</p>
      <SubmitButton pendingText="Submitting…">Submit my rating</SubmitButton>
    </form>
  );
}
