'use client';
import { useActionState, useState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { createCandidateAction, moveApplicationAction, reopenScorecardAction, scheduleInterviewAction } from './actions';

export function NewCandidateForm({ openings }: { openings: { id: string; title: string }[] }) {
  const [state, action] = useActionState(createCandidateAction, { status: 'idle' } as ActionState<{ candidateId: string }>);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <TextField label="Name" name="name" id="c-name" required error={fieldError(state, 'name')} />
      <TextField label="Email" name="email" id="c-email" type="email" required error={fieldError(state, 'email')} />
      <TextField label="Location" name="location" id="c-location" error={fieldError(state, 'location')} />
      <TextField label="Source" name="source" id="c-source" error={fieldError(state, 'source')} hint="Referral, LinkedIn, careers page…" />
      <SelectField label="Apply to opening" name="openingId" id="c-opening" defaultValue="" error={fieldError(state, 'openingId')}>
        <option value="">No opening yet</option>
        {openings.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingText="Adding…">Add candidate</SubmitButton>
    </form>
  );
}

export function MoveApplicationForm({ applicationId, stage, label }: { applicationId: string; stage: string; label: string }) {
  const [state, action] = useActionState(moveApplicationAction, { status: 'idle' } as ActionState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <label htmlFor={`stage-${applicationId}`} className="text-sm">
        Stage for {label}
      </label>
      <select id={`stage-${applicationId}`} name="stage" defaultValue={stage} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
        {['active', 'hired', 'rejected', 'withdrawn'].map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pendingText="Moving…" className="py-1">
        Move
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function ScheduleInterviewForm({
  applicationId,
  stages,
  members,
}: {
  applicationId: string;
  stages: { id: string; name: string; durationMinutes: number }[];
  members: { userId: string; name: string }[];
}) {
  const [state, action] = useActionState(scheduleInterviewAction, { status: 'idle' } as ActionState);
  const [stageId, setStageId] = useState(stages[0]?.id ?? '');
  const duration = stages.find((s) => s.id === stageId)?.durationMinutes ?? 60;
  return (
    <form
      action={action}
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        // The browser knows its time zone; the server turns the local time into an instant with it.
        (e.currentTarget.elements.namedItem('timezoneOffset') as HTMLInputElement).value = String(new Date().getTimezoneOffset());
      }}
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="timezoneOffset" defaultValue="0" />
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Stage" name="openingStageId" id={`i-stage-${applicationId}`} value={stageId} onChange={(e) => setStageId(e.target.value)} error={fieldError(state, 'openingStageId')}>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Date and time" name="scheduledAt" id={`i-when-${applicationId}`} type="datetime-local" required error={fieldError(state, 'scheduledAt')} />
        <TextField label="Minutes" name="durationMinutes" id={`i-min-${applicationId}`} type="number" key={duration} defaultValue={duration} error={fieldError(state, 'durationMinutes')} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Panel</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {members.map((m) => (
            <label key={m.userId} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="panelUserIds" value={m.userId} className="size-4" />
              {m.name}
            </label>
          ))}
        </div>
        {fieldError(state, 'panelUserIds') ? <p className="text-sm text-red-700">{fieldError(state, 'panelUserIds')}</p> : null}
      </fieldset>
      <SubmitButton pendingText="Scheduling…">Schedule interview</SubmitButton>
    </form>
  );
}

export function ReopenScorecardForm({ scorecardId, interviewer }: { scorecardId: string; interviewer: string }) {
  const [state, action] = useActionState(reopenScorecardAction, { status: 'idle' } as ActionState);
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-xs font-medium text-brand-700">Reopen {interviewer}’s scorecard</summary>
      <form action={action} className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="scorecardId" value={scorecardId} />
        <FormMessage state={state} />
        <TextField label="Reason (recorded in the audit log)" name="reason" id={`reason-${scorecardId}`} required error={fieldError(state, 'reason')} />
        <SubmitButton variant="secondary" pendingText="Reopening…" className="py-1 text-xs">
          Reopen scorecard
        </SubmitButton>
      </form>
    </details>
  );
}
