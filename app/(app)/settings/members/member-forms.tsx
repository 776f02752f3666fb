'use client';
import { AlertDialog } from 'radix-ui';
import { useActionState, useState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import { buttonClass } from '@/app/_components/ui';
import type { ActionState } from '@/lib/http';
import { changeMemberRoleAction, type InviteState, inviteMemberAction, removeMemberAction, revokeInvitationAction } from '../actions';

const idle: ActionState = { status: 'idle' };
type RoleOption = { value: string; label: string };

export function InviteForm({ roles }: { roles: RoleOption[] }) {
  const [state, action] = useActionState<InviteState, FormData>(inviteMemberAction, { status: 'idle' });
  const [copied, setCopied] = useState(false);
  const link = state.status === 'success' ? state.data?.link : undefined;
  return (
    <div className="mt-4 space-y-4">
      <form action={action} className="space-y-4" noValidate>
        {state.status === 'error' ? <FormMessage state={state} /> : null}
        <TextField label="Email" name="email" type="email" autoComplete="off" required error={fieldError(state, 'email')} />
        <SelectField label="Role" name="role" defaultValue="interviewer" error={fieldError(state, 'role')}>
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <SubmitButton pendingText="Creating invitation…">Create invitation</SubmitButton>
      </form>
      {link && state.status === 'success' ? (
        <div role="status" className="space-y-2 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          <p>
            {state.message} {state.data?.emailed ? 'We e-mailed the link.' : 'Share this link with them — it is shown only once (the e-mail is in Settings → Outbox).'}
          </p>
          <label htmlFor="invitation-link" className="block font-medium">
            Invitation link
          </label>
          <input id="invitation-link" readOnly value={link} className="block w-full rounded border border-green-300 bg-white px-2 py-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            className={buttonClass('secondary', 'text-xs')}
            onClick={() => {
              // The clipboard may be missing (plain http) or refuse; the link stays selectable in the field.
              void (navigator.clipboard?.writeText(link) ?? Promise.resolve()).then(() => setCopied(true), () => undefined);
            }}
          >
            {copied ? 'Copied' : 'Copy link'}
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function MemberActions({ membershipId, memberName, role, roles }: { membershipId: string; memberName: string; role: string; roles: RoleOption[] }) {
  const [roleState, roleAction] = useActionState(changeMemberRoleAction, idle);
  const [removeState, removeAction] = useActionState(removeMemberAction, idle);
  const message = removeState.status === 'error' ? removeState : roleState;
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="membershipId" value={membershipId} />
          <label htmlFor={`role-${membershipId}`} className="sr-only">
            Role for {memberName}
          </label>
          <select
            id={`role-${membershipId}`}
            name="role"
            defaultValue={role}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          <SubmitButton variant="secondary" pendingText="Saving…" className="py-1.5">
            <span>
              Save<span className="sr-only"> role for {memberName}</span>
            </span>
          </SubmitButton>
        </form>
        <AlertDialog.Root>
          <AlertDialog.Trigger className={buttonClass('ghost', 'py-1.5 text-red-700')}>
            Remove<span className="sr-only"> {memberName}</span>
          </AlertDialog.Trigger>
          <AlertDialog.Portal>
            <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
            <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,92vw)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
              <AlertDialog.Title className="text-lg font-semibold">Remove {memberName}?</AlertDialog.Title>
              <AlertDialog.Description className="mt-2 text-sm text-slate-600">
                They lose access to this organization on their next request. Their submitted feedback stays.
              </AlertDialog.Description>
              <form action={removeAction} className="mt-6 flex justify-end gap-2">
                <input type="hidden" name="membershipId" value={membershipId} />
                <AlertDialog.Cancel className={buttonClass('secondary')}>Cancel</AlertDialog.Cancel>
                <SubmitButton variant="danger" pendingText="Removing…">
                  Remove member
                </SubmitButton>
              </form>
            </AlertDialog.Content>
          </AlertDialog.Portal>
        </AlertDialog.Root>
      </div>
      {message.status !== 'idle' ? <FormMessage state={message} /> : null}
    </div>
  );
}

export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const [state, action] = useActionState(revokeInvitationAction, idle);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton variant="secondary" pendingText="Revoking…" className="py-1.5">
        <span>
          Revoke<span className="sr-only"> invitation for {email}</span>
        </span>
      </SubmitButton>
      {state.status === 'error' ? <FormMessage state={state} /> : null}
    </form>
  );
}
