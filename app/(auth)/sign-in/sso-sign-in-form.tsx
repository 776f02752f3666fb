'use client';
// "Continue with single sign-on": the work e-mail names the organization and its provider.
import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { startSsoAction } from '../actions';

const initial: ActionState = { status: 'idle' };

export function SsoSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(startSsoAction, initial);
  const [email, setEmail] = useState(''); // controlled: a refused attempt keeps what was typed
  return (
    <details className="group border-t border-slate-200 pt-4" open={state.status === 'error' ? true : undefined}>
      <summary className="cursor-pointer rounded-md border border-slate-300 px-3 py-2 text-center text-sm font-medium hover:bg-slate-50">Continue with single sign-on</summary>
      <form action={action} className="mt-4 space-y-4" noValidate aria-label="Single sign-on">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <FormMessage state={state} />
        <TextField id="sso-email" label="Work e-mail" name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(state, 'email')} />
        <SubmitButton pendingText="Redirecting…" variant="secondary" className="w-full">
          Continue
        </SubmitButton>
      </form>
    </details>
  );
}
