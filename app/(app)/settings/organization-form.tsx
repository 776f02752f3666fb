'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { updateOrganizationAction } from './actions';

const idle: ActionState = { status: 'idle' };

export function OrganizationSettingsForm({ name, leadsScoreIndependently, candidateRetentionMonths }: { name: string; leadsScoreIndependently: boolean; candidateRetentionMonths: number | null }) {
  const [state, action] = useActionState(updateOrganizationAction, idle);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <TextField label="Organization name" name="name" defaultValue={name} required error={fieldError(state, 'name')} />
      <div className="flex items-start gap-3">
        <input
          id="leadsScoreIndependently"
          name="leadsScoreIndependently"
          type="checkbox"
          defaultChecked={leadsScoreIndependently}
          className="mt-1 size-4 rounded border-slate-300"
          aria-describedby="leadsScoreIndependently-hint"
        />
        <div>
          <label htmlFor="leadsScoreIndependently" className="text-sm font-medium text-slate-800">
            Hold admins and hiring managers to independent scoring
          </label>
          <p id="leadsScoreIndependently-hint" className="text-sm text-slate-600">
            When on, they too see other interviewers’ feedback on a candidate only after submitting their own.
          </p>
        </div>
      </div>
      <TextField
        label="Keep rejected and withdrawn candidates for (months)"
        name="candidateRetentionMonths"
        type="number"
        inputMode="numeric"
        min={1}
        max={120}
        defaultValue={candidateRetentionMonths ?? ''}
        hint="1–120. Once every application of a candidate has been rejected or withdrawn this long, their personal data is erased (their anonymous ratings stay). Leave blank to keep candidates until erased by hand."
        error={fieldError(state, 'candidateRetentionMonths')}
      />
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
