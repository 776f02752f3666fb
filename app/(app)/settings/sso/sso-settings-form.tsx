'use client';
// The SSO settings form. Controlled, so a refused save keeps what was typed; the client secret is
// never sent to the browser: the field stays empty and says whether one is stored.
import { type FormEvent, startTransition, useActionState, useRef, useState } from 'react';
import { FormMessage, SelectField, TextAreaField, TextField, fieldError } from '@/app/_components/form';
import { buttonClass } from '@/app/_components/ui';
import type { ActionState } from '@/lib/http';
import type { Provisioning } from '@/lib/sso/schemas';
import { saveSsoSettingsAction, testSsoConnectionAction } from './actions';

const idle: ActionState = { status: 'idle' };

export interface SsoFormValues {
  enabled: boolean;
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  domains: string;
  provisioning: Provisioning;
  passwordSignInDisabled: boolean;
}

function Checkbox({ name, label, hint, checked, onChange, error }: { name: string; label: string; hint: string; checked: boolean; onChange: (on: boolean) => void; error?: string }) {
  return (
    <div className="flex items-start gap-3">
      <input
        id={name}
        name={name}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-1 size-4 rounded border-slate-300"
        aria-describedby={`${name}-hint${error ? ` ${name}-error` : ''}`}
        aria-invalid={error ? true : undefined}
      />
      <div>
        <label htmlFor={name} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <p id={`${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
        {error ? (
          <p id={`${name}-error`} className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function SsoSettingsForm({ settings, roles }: { settings: SsoFormValues; roles: { value: string; label: string }[] }) {
  const [state, save, saving] = useActionState(saveSsoSettingsAction, idle);
  const [testState, test, testing] = useActionState(testSsoConnectionAction, idle);
  const [enabled, setEnabled] = useState(settings.enabled);
  const [issuer, setIssuer] = useState(settings.issuer);
  const [clientId, setClientId] = useState(settings.clientId);
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState(settings.domains);
  const [provisioning, setProvisioning] = useState<string>(settings.provisioning);
  const [passwordOff, setPasswordOff] = useState(settings.passwordSignInDisabled);
  const secretStored = settings.clientSecretSet;
  const formRef = useRef<HTMLFormElement>(null);
  // Actions are called by hand, not through the form's action: React resets a form after its
  // action, and a controlled <select> then fell back to its first option ("refuse") unseen.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => save(data));
  };
  const testConnection = () => {
    const data = new FormData(formRef.current!);
    startTransition(() => test(data));
  };
  return (
    <form ref={formRef} onSubmit={submit} className="space-y-5" noValidate aria-label="Single sign-on settings">
      <FormMessage state={state} />
      <Checkbox name="enabled" label="Single sign-on is on" hint="People with the domains below see their provider when they sign in." checked={enabled} onChange={setEnabled} />
      <TextField
        label="Issuer URL"
        name="issuer"
        type="url"
        inputMode="url"
        placeholder="https://login.example.com"
        required
        value={issuer}
        onChange={(e) => setIssuer(e.target.value)}
        hint="Exactly as the provider's discovery document names it (…/.well-known/openid-configuration is added for you)."
        error={fieldError(state, 'issuer') ?? fieldError(testState, 'issuer')}
      />
      <TextField label="Client ID" name="clientId" required autoComplete="off" value={clientId} onChange={(e) => setClientId(e.target.value)} error={fieldError(state, 'clientId')} />
      <TextField
        label="Client secret"
        name="clientSecret"
        type="password"
        autoComplete="new-password"
        value={clientSecret}
        onChange={(e) => setClientSecret(e.target.value)}
        placeholder={secretStored ? 'Set — leave empty to keep it' : ''}
        hint={secretStored ? 'A secret is set. It is stored encrypted and never shown again; type a new one to replace it.' : 'Stored encrypted; never shown again after saving.'}
        error={fieldError(state, 'clientSecret')}
      />
      <TextAreaField
        label="E-mail domains"
        name="domains"
        rows={2}
        value={domains}
        onChange={(e) => setDomains(e.target.value)}
        hint="Separated by commas, e.g. example.com, example.org. A domain can belong to one organization only; the provider may only vouch for these."
        error={fieldError(state, 'domains')}
      />
      <SelectField label="New people" name="provisioning" value={provisioning} onChange={(e) => setProvisioning(e.target.value)} error={fieldError(state, 'provisioning')}>
        <option value="refuse">Refuse them: only existing members sign in</option>
        {roles.map((role) => (
          <option key={role.value} value={role.value}>
            Add them as {role.label}
          </option>
        ))}
      </SelectField>
      <Checkbox
        name="passwordSignInDisabled"
        label="Turn password sign-in off for these domains"
        hint="People with these domains must use single sign-on; password sign-in and password reset are refused for them."
        checked={passwordOff}
        onChange={setPasswordOff}
        error={fieldError(state, 'passwordSignInDisabled')}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={saving} aria-disabled={saving} className={buttonClass('primary')}>
          {saving ? 'Saving…' : 'Save single sign-on settings'}
        </button>
        <button
          type="button"
          onClick={testConnection}
          disabled={testing}
          className={buttonClass('secondary')}
        >
          {testing ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      {testState.status === 'success' ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {testState.message}
        </p>
      ) : testState.status === 'error' && !fieldError(testState, 'issuer') ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {testState.message}
        </p>
      ) : null}
    </form>
  );
}
