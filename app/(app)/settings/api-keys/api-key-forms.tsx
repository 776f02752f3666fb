'use client';
// Create an API key (the token is shown once, with a copy button) and revoke one. The create form
// is controlled so every typed value survives a validation error.
import { AlertDialog } from 'radix-ui';
import { useActionState, useState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import { buttonClass } from '@/app/_components/ui';
import type { ActionState } from '@/lib/http';
import { type CreateApiKeyState, createApiKeyAction, revokeApiKeyAction } from './actions';

const idle: ActionState = { status: 'idle' };

export interface ScopeOption {
  value: string;
  description: string;
}

export function CreateApiKeyForm({ scopes, readOnlyScopes }: { scopes: ScopeOption[]; readOnlyScopes: string[] }) {
  const [state, action] = useActionState<CreateApiKeyState, FormData>(createApiKeyAction, { status: 'idle' });
  const [name, setName] = useState('');
  const [preset, setPreset] = useState<'read_only' | 'custom'>('read_only');
  const [chosen, setChosen] = useState<string[]>(readOnlyScopes);
  const [expiresInDays, setExpiresInDays] = useState('90');
  const [copied, setCopied] = useState<string | null>(null);
  const created = state.status === 'success' ? state.data : undefined;
  const scopesError = fieldError(state, 'scopes') ?? (state.status === 'error' ? Object.entries(state.fields ?? {}).find(([k]) => k.startsWith('scopes.'))?.[1]?.[0] : undefined);
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate>
        {state.status === 'error' ? <FormMessage state={state} /> : null}
        <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} hint="What uses it, e.g. “ATS sync”." autoComplete="off" maxLength={100} error={fieldError(state, 'name')} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Permissions</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="preset" value="read_only" checked={preset === 'read_only'} onChange={() => setPreset('read_only')} />
            Read-only (everything a read permission allows, submitted feedback included)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="preset" value="custom" checked={preset === 'custom'} onChange={() => setPreset('custom')} />
            Choose permissions
          </label>
          {preset === 'custom' ? (
            <div className="grid gap-1 rounded-md border border-slate-200 p-3 sm:grid-cols-2" aria-describedby={scopesError ? 'scopes-error' : undefined}>
              {scopes.map((s) => (
                <label key={s.value} className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="scopes"
                    value={s.value}
                    className="mt-0.5"
                    checked={chosen.includes(s.value)}
                    onChange={(e) => setChosen((list) => (e.target.checked ? [...list, s.value] : list.filter((v) => v !== s.value)))}
                  />
                  <span>
                    <span className="font-mono text-xs">{s.value}</span>
                    <span className="block text-xs text-slate-600">{s.description}</span>
                  </span>
                </label>
              ))}
            </div>
          ) : null}
          {scopesError ? (
            <p id="scopes-error" className="text-sm text-red-700">
              {scopesError}
            </p>
          ) : null}
          <p className="text-xs text-slate-600">A key acts as a service member: it never sits on a panel and never writes a scorecard of its own.</p>
        </fieldset>
        <SelectField label="Expires" name="expiresInDays" value={expiresInDays} onChange={(e) => setExpiresInDays(e.target.value)} error={fieldError(state, 'expiresInDays')}>
          <option value="30">In 30 days</option>
          <option value="90">In 90 days</option>
          <option value="365">In a year</option>
          <option value="">Never</option>
        </SelectField>
        <SubmitButton pendingText="Creating key…">Create API key</SubmitButton>
      </form>
      {created && state.status === 'success' ? (
        <div role="status" className="space-y-2 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          <p>{state.message} Copy the token now: it is shown only once and cannot be read again.</p>
          <label htmlFor="api-key-token" className="block font-medium">
            API key token
          </label>
          <input id="api-key-token" readOnly value={created.token} className="block w-full rounded border border-green-300 bg-white px-2 py-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            className={buttonClass('secondary', 'text-xs')}
            onClick={() => {
              // The clipboard may be missing (plain http) or refuse; the token stays selectable in the field.
              void (navigator.clipboard?.writeText(created.token) ?? Promise.resolve()).then(() => setCopied(created.token), () => undefined);
            }}
          >
            {copied === created.token ? 'Copied' : 'Copy token'}
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function RevokeApiKeyButton({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  const [state, action] = useActionState(revokeApiKeyAction, idle);
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <AlertDialog.Root>
        <AlertDialog.Trigger className={buttonClass('ghost', 'py-1.5 text-red-700')}>
          Revoke<span className="sr-only"> API key {name}</span>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
          <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,92vw)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
            <AlertDialog.Title className="text-lg font-semibold">Revoke {name}?</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-sm text-slate-600">Its next request is refused (401). This cannot be undone: create a new key to restore access.</AlertDialog.Description>
            <form action={action} className="mt-6 flex justify-end gap-2">
              <input type="hidden" name="apiKeyId" value={apiKeyId} />
              <AlertDialog.Cancel className={buttonClass('secondary')}>Cancel</AlertDialog.Cancel>
              <SubmitButton variant="danger" pendingText="Revoking…">
                Revoke key
              </SubmitButton>
            </form>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
      {state.status === 'error' ? <FormMessage state={state} /> : null}
    </div>
  );
}
