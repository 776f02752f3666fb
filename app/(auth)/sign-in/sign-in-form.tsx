'use client';
import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { signInAction } from '../actions';
import { SsoSignInForm } from './sso-sign-in-form';

const initial: ActionState = { status: 'idle' };

export function SignInForm({ callbackUrl, github, google }: { callbackUrl: string; github: boolean; google: boolean }) {
  const [state, action] = useActionState(signInAction, initial);
  const [email, setEmail] = useState(''); // controlled: a refused sign-in keeps the address (the password is typed again)
  return (
    <div className="mt-6 space-y-6">
      <form action={action} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <FormMessage state={state} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(state, 'email')} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={fieldError(state, 'password')} />
        <SubmitButton pendingText="Signing in…" className="w-full">
          Sign in
        </SubmitButton>
      </form>
      <SsoSignInForm callbackUrl={callbackUrl} />
      {github || google ? (
        <div className="space-y-2 border-t border-slate-200 pt-4">
          {github ? (
            <a href={`/api/auth/signin/github?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="block rounded-md border border-slate-300 px-3 py-2 text-center text-sm font-medium hover:bg-slate-50">
              Continue with GitHub
            </a>
          ) : null}
          {google ? (
            <a href={`/api/auth/signin/google?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="block rounded-md border border-slate-300 px-3 py-2 text-center text-sm font-medium hover:bg-slate-50">
              Continue with Google
            </a>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
