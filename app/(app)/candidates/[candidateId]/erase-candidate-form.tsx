'use client';
// The confirm step before erasing a candidate: the admin types "erase" or the pseudonym shown.
import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { eraseCandidateAction } from '../data-rights-actions';

const idle: ActionState = { status: 'idle' };

export function EraseCandidateForm({ candidateId, pseudonym }: { candidateId: string; pseudonym: string }) {
  const [state, action] = useActionState(eraseCandidateAction, idle);
  // Controlled, so a refused confirmation stays in the field beside its message.
  const [confirmation, setConfirmation] = useState('');
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <p className="text-sm text-slate-700">
        Removes their name, contact details and notes, and every summary, note and reason written about them. Their ratings and
        recommendations stay, under <strong>{pseudonym}</strong>, so nobody else’s figures change. This cannot be undone.
      </p>
      <input type="hidden" name="candidateId" value={candidateId} />
      <TextField label={`Type “erase” or “${pseudonym}” to confirm`} name="confirmation" value={confirmation} onChange={(e) => setConfirmation(e.target.value)} autoComplete="off" required error={fieldError(state, 'confirmation')} />
      <SubmitButton variant="danger" pendingText="Erasing…">
        Erase personal data
      </SubmitButton>
    </form>
  );
}
