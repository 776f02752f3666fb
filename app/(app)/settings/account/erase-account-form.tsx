'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { eraseAccountAction } from './actions';

const idle: ActionState = { status: 'idle' };

export function EraseAccountForm() {
  const [state, action] = useActionState(eraseAccountAction, idle);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <TextField label="Type “erase my account” to confirm" name="confirmation" autoComplete="off" required error={fieldError(state, 'confirmation')} />
      <SubmitButton variant="danger" pendingText="Erasing…">
        Erase my account
      </SubmitButton>
    </form>
  );
}
