'use client';
import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { updateOrganizationAction } from './actions';

const idle: ActionState = { status: 'idle' };

export function OrganizationSettingsForm({ name, leadsScoreIndependently, candidateRetentionMonths }: { name: string; leadsScoreIndependently: boolean; candidateRetentionMonths: number | null }) {
  const [state, action] = useActionState(updateOrganizationAction, idle);
  // Controlled: React resets an uncontrolled form after its action, which would throw away what
  // was typed whenever the save is refused.
  const [nameValue, setName] = useState(name);
  const [strict, setStrict] = useState(leadsScoreIndependently);
  const [retention, setRetention] = useState(candidateRetentionMonths === null ? '' : String(candidateRetentionMonths));
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <TextField label="Organization name" name="name" value={nameValue} onChange={(e) => setName(e.target.value)} required error={fieldError(state, 'name')} />
      <div className="flex items-start gap-3">
        <input
          id="leadsScoreIndependently"
          name="leadsScoreIndependently"
          type="checkbox"
          checked={strict}
          onChange={(e) => setStrict(e.target.checked)}
          className="mt-1 size-4 rounded border-slate-300"
          aria-describedby="leadsScoreIndependently-hint"
        />
        <div>
          <label htmlFor="leadsScoreIndependently" className="text-sm font-medium text-slate-800">
            Hold leads on a panel to independent scoring
          </label>
          <p id="leadsScoreIndependently-hint" className="text-sm text-slate-600">
            Leads are members who may see all submitted feedback (admins, hiring managers, recruiters). When on, a lead who sits on a candidate’s panel reads the others’ feedback on that candidate only after submitting their own; leads on none of the candidate’s panels still read it.
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
        value={retention}
        onChange={(e) => setRetention(e.target.value)}
        hint="1–120. Once every application of a candidate has been rejected or withdrawn this long, their personal data is erased (their anonymous ratings stay). Leave blank to keep candidates until erased by hand."
        error={fieldError(state, 'candidateRetentionMonths')}
      />
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
