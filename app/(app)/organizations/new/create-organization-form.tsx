'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { createOrganizationAction } from '../../actions';

const initial: ActionState = { status: 'idle' };

export function CreateOrganizationForm() {
  const [state, action] = useActionState(createOrganizationAction, initial);
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6" noValidate>
      <FormMessage state={state} />
      <TextField label="Organization name" name="name" required error={fieldError(state, 'name')} />
      <SubmitButton pendingText="Creating…">Create organization</SubmitButton>
    </form>
  );
}
