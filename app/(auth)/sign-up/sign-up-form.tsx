'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { signUpAction } from '../actions';

const initial: ActionState = { status: 'idle' };

export function SignUpForm() {
  const [state, action] = useActionState(signUpAction, initial);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField label="Your name" name="name" autoComplete="name" required error={fieldError(state, 'name')} />
      <TextField label="Work email" name="email" type="email" autoComplete="email" required error={fieldError(state, 'email')} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={fieldError(state, 'password')}
      />
      <TextField label="Organization name" name="organizationName" autoComplete="organization" required error={fieldError(state, 'organizationName')} />
      <SubmitButton pendingText="Creating account…" className="w-full">
        Create account
      </SubmitButton>
    </form>
  );
}
