'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { acceptInvitationAction, acceptWithSignUpAction } from './actions';

const idle: ActionState = { status: 'idle' };

export function AcceptAsMemberForm({ token, organizationName }: { token: string; organizationName: string }) {
  const [state, action] = useActionState(acceptInvitationAction, idle);
  return (
    <form action={action} className="mt-6 space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText="Joining…" className="w-full">
        Join {organizationName}
      </SubmitButton>
    </form>
  );
}

export function AcceptWithSignUpForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(acceptWithSignUpAction, idle);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField label="Email" name="email-display" value={email} readOnly disabled hint="Invitations are tied to this address." />
      <TextField label="Your name" name="name" autoComplete="name" required error={fieldError(state, 'name')} />
      <TextField
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={fieldError(state, 'password')}
      />
      <SubmitButton pendingText="Creating account…" className="w-full">
        Create account and join
      </SubmitButton>
    </form>
  );
}
