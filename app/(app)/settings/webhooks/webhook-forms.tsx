'use client';
// Webhook settings forms: the organization's private-target switch, the endpoint form (create and
// edit — controlled, so a refused save keeps every value), and the once-shown signing secret.
import Link from 'next/link';
import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/lib/webhooks/schemas';
import { createWebhookEndpointAction, deleteWebhookEndpointAction, redeliverWebhookAction, rotateWebhookSecretAction, updateWebhookEndpointAction, updateWebhookSettingsAction } from './actions';

const idle = { status: 'idle' } as const;

export function WebhookSettingsForm({ allowPrivateTargets }: { allowPrivateTargets: boolean }) {
  const [state, action] = useActionState(updateWebhookSettingsAction, idle);
  const [allow, setAllow] = useState(allowPrivateTargets);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <div className="flex items-start gap-3">
        <input id="allowPrivateTargets" name="allowPrivateTargets" type="checkbox" checked={allow} onChange={(e) => setAllow(e.target.checked)} className="mt-1 size-4 rounded border-slate-300" aria-describedby="allowPrivateTargets-hint" />
        <div>
          <label htmlFor="allowPrivateTargets" className="text-sm font-medium text-slate-800">
            Allow private targets
          </label>
          <p id="allowPrivateTargets-hint" className="text-sm text-slate-600">
            Lets endpoints resolve to loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7) and link-local addresses — for a receiver inside your own network. Cloud
            metadata and multicast addresses stay refused.
          </p>
        </div>
      </div>
      <SubmitButton pendingText="Saving…" variant="secondary">
        Save webhook settings
      </SubmitButton>
    </form>
  );
}

export interface EndpointValues {
  endpointId?: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
}

function EndpointFields({ state, values, onChange }: { state: ActionState<unknown>; values: EndpointValues; onChange: (v: EndpointValues) => void }) {
  const eventsError = fieldError(state, 'events');
  return (
    <>
      <TextField label="Endpoint URL" name="url" type="url" value={values.url} onChange={(e) => onChange({ ...values, url: e.target.value })} error={fieldError(state, 'url')} hint="Loopkit POSTs signed JSON here. No redirects are followed." required />
      <TextField label="Description" name="description" value={values.description} onChange={(e) => onChange({ ...values, description: e.target.value })} error={fieldError(state, 'description')} maxLength={200} />
      <fieldset className="space-y-2" aria-describedby={eventsError ? 'events-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">Events to send</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <div key={type} className="flex items-start gap-2">
              <input
                id={`event-${type}`}
                type="checkbox"
                name="events"
                value={type}
                checked={values.events.includes(type)}
                onChange={(e) => onChange({ ...values, events: e.target.checked ? [...values.events, type] : values.events.filter((t) => t !== type) })}
                className="mt-1 size-4 rounded border-slate-300"
              />
              <label htmlFor={`event-${type}`} className="text-sm text-slate-800">
                <span className="font-mono text-xs">{type}</span>
                <span className="block text-slate-600">{WEBHOOK_EVENT_LABELS[type]}</span>
              </label>
            </div>
          ))}
        </div>
        {eventsError ? (
          <p id="events-error" className="text-sm text-red-700">
            {eventsError}
          </p>
        ) : null}
      </fieldset>
      <div className="flex items-center gap-2">
        <input id="enabled" name="enabled" type="checkbox" checked={values.enabled} onChange={(e) => onChange({ ...values, enabled: e.target.checked })} className="size-4 rounded border-slate-300" />
        <label htmlFor="enabled" className="text-sm font-medium text-slate-800">
          Enabled
        </label>
      </div>
    </>
  );
}

function SecretOnce({ secret }: { secret: string }) {
  return (
    <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm font-medium text-amber-900">Signing secret (shown only once)</p>
      <input readOnly aria-label="Signing secret" value={secret} onFocus={(e) => e.target.select()} className="block w-full rounded border border-amber-300 bg-white px-2 py-1 font-mono text-xs" />
    </div>
  );
}

export function CreateEndpointForm() {
  const [state, action] = useActionState(createWebhookEndpointAction, idle);
  const [values, setValues] = useState<EndpointValues>({ url: '', description: '', events: [...WEBHOOK_EVENT_TYPES], enabled: true });
  const created = state.status === 'success' ? state.data : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {created ? (
        <>
          <SecretOnce secret={created.secret} />
          <Link href={`/settings/webhooks/${created.endpointId}`} className="text-sm font-medium text-brand-700 hover:underline">
            Open the endpoint and its delivery log
          </Link>
        </>
      ) : null}
      <EndpointFields state={state} values={values} onChange={setValues} />
      <SubmitButton pendingText="Adding…">Add endpoint</SubmitButton>
    </form>
  );
}

export function EditEndpointForm({ initial }: { initial: EndpointValues & { endpointId: string } }) {
  const [state, action] = useActionState(updateWebhookEndpointAction, idle);
  const [values, setValues] = useState<EndpointValues>(initial);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="endpointId" value={initial.endpointId} />
      <FormMessage state={state} />
      <EndpointFields state={state} values={values} onChange={setValues} />
      <SubmitButton pendingText="Saving…">Save endpoint</SubmitButton>
    </form>
  );
}

export function RotateSecretForm({ endpointId }: { endpointId: string }) {
  const [state, action] = useActionState(rotateWebhookSecretAction, idle);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="endpointId" value={endpointId} />
      <FormMessage state={state} />
      {state.status === 'success' && state.data ? <SecretOnce secret={state.data.secret} /> : null}
      <p className="text-sm text-slate-600">The old secret stops working at once: update the receiver right after.</p>
      <SubmitButton pendingText="Rotating…" variant="secondary">
        Rotate signing secret
      </SubmitButton>
    </form>
  );
}

export function DeleteEndpointForm({ endpointId }: { endpointId: string }) {
  const [state, action] = useActionState(deleteWebhookEndpointAction, idle);
  return (
    <form action={action} onSubmit={(e) => (window.confirm('Delete this endpoint and its delivery log?') ? undefined : e.preventDefault())} className="space-y-2">
      <input type="hidden" name="endpointId" value={endpointId} />
      <FormMessage state={state} />
      <SubmitButton pendingText="Deleting…" variant="danger">
        Delete endpoint
      </SubmitButton>
    </form>
  );
}

export function RedeliverButton({ endpointId, deliveryId, label }: { endpointId: string; deliveryId: string; label: string }) {
  const [state, action] = useActionState(redeliverWebhookAction, idle);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <button type="submit" aria-label={`Redeliver ${label}`} className="text-sm font-medium text-brand-700 hover:underline">
        Redeliver
      </button>
      {state.status === 'error' ? <span className="text-xs text-red-700">{state.message}</span> : null}
      {state.status === 'success' ? <span className="text-xs text-green-800">Queued</span> : null}
    </form>
  );
}
