'use client';
// The sessions list's buttons and the password form. The password form submits without React's
// automatic form reset, so after a validation error everything typed is still there.
import { AlertDialog } from 'radix-ui';
import { type FormEvent, useActionState, useEffect, useRef, startTransition } from 'react';
import { FormMessage, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import { buttonClass } from '@/app/_components/ui';
import type { ActionState } from '@/lib/http';
import { changePasswordAction, endOtherSessionsAction, endSessionAction } from './actions';

const idle: ActionState = { status: 'idle' };

export function EndSessionButton({ sessionId, description }: { sessionId: string; description: string }) {
  const [state, action] = useActionState(endSessionAction, idle);
  return (
    <form action={action} className="flex flex-col items-start gap-2 sm:items-end">
      <input type="hidden" name="sessionId" value={sessionId} />
      <SubmitButton variant="secondary" pendingText="Ending…" className="py-1.5">
        <span>
          End<span className="sr-only"> session: {description}</span>
        </span>
      </SubmitButton>
      {state.status === 'error' ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function EndOtherSessionsButton({ count }: { count: number }) {
  const [state, action] = useActionState(endOtherSessionsAction, idle);
  return (
    <div className="space-y-3">
      <AlertDialog.Root>
        <AlertDialog.Trigger className={buttonClass('danger')} disabled={count === 0}>
          Sign out of all other sessions
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
          <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,92vw)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
            <AlertDialog.Title className="text-lg font-semibold">Sign out of all other sessions?</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-sm text-slate-600">
              Every other browser and device signed in to your account is signed out on its next request. This session stays signed in.
            </AlertDialog.Description>
            <form action={action} className="mt-6 flex justify-end gap-2">
              <AlertDialog.Cancel className={buttonClass('secondary')}>Cancel</AlertDialog.Cancel>
              <SubmitButton variant="danger" pendingText="Signing out…">
                Sign out of other sessions
              </SubmitButton>
            </form>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
      {state.status !== 'idle' ? <FormMessage state={state} /> : null}
    </div>
  );
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, idle);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === 'success') form.current?.reset();
  }, [state]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }
  return (
    <form ref={form} onSubmit={submit} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fieldError(state, 'currentPassword')} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters. Your other sessions are signed out."
        error={fieldError(state, 'newPassword')}
      />
      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass('primary')}>
        {pending ? 'Changing password…' : 'Change password'}
      </button>
    </form>
  );
}
