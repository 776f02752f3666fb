'use client';
// The hiring manager's decision. Controlled fields: a refused save (too short a rationale, or a
// decision someone else recorded meanwhile) keeps the outcome and every word typed.
import { startTransition, useActionState, useState } from 'react';
import { FormMessage, TextAreaField, fieldError } from '@/app/_components/form';
import { buttonClass } from '@/app/_components/ui';
import { DECISION_OUTCOME_LABELS, DECISION_OUTCOMES, type DecisionOutcome, RATIONALE_MIN } from '@/lib/decisions/schemas';
import type { DecisionRecord } from '@/lib/decisions/queries';
import type { ActionState } from '@/lib/http';
import { recordDecisionAction } from './actions';

const idle: ActionState = { status: 'idle' };

export function DecisionForm({ applicationId, latestRevision }: { applicationId: string; latestRevision: number }) {
  const [outcome, setOutcome] = useState<DecisionOutcome | ''>('');
  const [rationale, setRationale] = useState('');
  const [state, action, pending] = useActionState(async (prev: ActionState, formData: FormData) => {
    const next = await recordDecisionAction(prev, formData);
    if (next.status === 'success') {
      setOutcome('');
      setRationale('');
    }
    return next;
  }, idle);
  const outcomeError = fieldError(state, 'outcome');
  // A decision recorded meanwhile (409): shown here, and the next attempt is based on it.
  const meanwhile = state.status === 'error' && state.code === 'conflict' && Array.isArray(state.current) ? (state.current as DecisionRecord[])[0] : undefined;
  return (
    <form
      // Submitted by hand, not through `action`: React resets a form after its action, which
      // would uncheck the chosen outcome (a controlled radio) whenever the decision is refused.
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => action(formData));
      }}
      className="space-y-4"
      noValidate
    >
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      {/* The decision this one is based on: if another lands first, this one is refused (409), not silently stacked. */}
      <input type="hidden" name="expectedRevision" value={Math.max(meanwhile?.revision ?? 0, latestRevision)} />
      {meanwhile ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p>
            Recorded meanwhile by {meanwhile.decidedBy ?? 'a former member'}: <strong>{DECISION_OUTCOME_LABELS[meanwhile.outcome]}</strong>
          </p>
          {meanwhile.rationale ? <p className="mt-1 whitespace-pre-line">{meanwhile.rationale}</p> : null}
        </div>
      ) : null}
      <fieldset aria-describedby={outcomeError ? 'outcome-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">Outcome</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          {DECISION_OUTCOMES.map((o) => (
            <label key={o} className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm">
              <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} className="size-4" />
              {DECISION_OUTCOME_LABELS[o]}
            </label>
          ))}
        </div>
        {outcomeError ? (
          <p id="outcome-error" className="mt-1 text-sm text-red-700">
            {outcomeError}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label="Rationale"
        name="rationale"
        rows={5}
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
        hint={`At least ${RATIONALE_MIN} characters: what in the evidence decided it. Kept with the decision, shown to those who can read the debrief, and erased with the candidate’s personal data.`}
        error={fieldError(state, 'rationale')}
      />
      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass('primary')}>
        {pending ? 'Recording…' : 'Record decision'}
      </button>
    </form>
  );
}
