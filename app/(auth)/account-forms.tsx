'use client';
// Forms of the account e-mail flows. Inputs are controlled so an error never clears what was typed.
import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { forgotPasswordAction, resendVerificationAction, resetPasswordAction, verifyEmailAction } from './account-actions';

const idle: ActionState = { status: 'idle' };

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, idle);
  const [email, setEmail] = useState('');
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldError(state, 'email')}
      />
      <SubmitButton pendingText="Sending…" className="w-full">
        Send reset link
      </SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, idle);
  const [password, setPassword] = useState('');
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters. Every device signed in to your account will be signed out."
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError(state, 'password')}
      />
      <SubmitButton pendingText="Saving…" className="w-full">
        Set new password
      </SubmitButton>
    </form>
  );
}

export function VerifyEmailForm({ token }: { token: string }) {
  const [state, action] = useActionState(verifyEmailAction, idle);
  return (
    <form action={action} className="mt-6 space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {state.status === 'success' ? null : (
        <SubmitButton pendingText="Confirming…" className="w-full">
          Confirm my e-mail address
        </SubmitButton>
      )}
    </form>
  );
}

export function ResendVerificationForm({ invitationToken }: { invitationToken?: string }) {
  const [state, action] = useActionState(resendVerificationAction, idle);
  return (
    <form action={action} className="mt-4 space-y-3">
      <FormMessage state={state} />
      {invitationToken ? <input type="hidden" name="invitationToken" value={invitationToken} /> : null}
      <SubmitButton pendingText="Sending…" variant="secondary">
        Resend verification e-mail
      </SubmitButton>
    </form>
  );
}
