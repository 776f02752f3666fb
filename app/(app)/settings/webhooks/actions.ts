'use server';
import { redirect } from 'next/navigation';
import { runMemberAction } from '@/app/_lib/member-action';
import type { ActionState } from '@/lib/http';
import { createWebhookEndpoint, deleteWebhookEndpoint, redeliverWebhook, rotateWebhookSecret, updateWebhookEndpoint, updateWebhookSettings } from '@/lib/webhooks/mutations';

export async function createWebhookEndpointAction(_prev: ActionState<{ endpointId: string; secret: string }>, formData: FormData): Promise<ActionState<{ endpointId: string; secret: string }>> {
  return runMemberAction(
    formData,
    async (ctx, input) => ({ status: 'success', message: 'Endpoint added. Copy its signing secret now: it is shown only once.', data: await createWebhookEndpoint(ctx, input) }),
    '/settings/webhooks',
  );
}

export async function updateWebhookSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => (await updateWebhookSettings(ctx, input), 'Webhook settings saved.'), '/settings/webhooks');
}

export async function updateWebhookEndpointAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => (await updateWebhookEndpoint(ctx, input), 'Endpoint saved.'), `/settings/webhooks/${String(formData.get('endpointId'))}`);
}

export async function rotateWebhookSecretAction(_prev: ActionState<{ secret: string }>, formData: FormData): Promise<ActionState<{ secret: string }>> {
  return runMemberAction(formData, async (ctx, input) => ({ status: 'success', message: 'New signing secret created. Copy it now: it is shown only once.', data: await rotateWebhookSecret(ctx, input) }));
}

export async function redeliverWebhookAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => (await redeliverWebhook(ctx, input), 'Redelivery queued.'), `/settings/webhooks/${String(formData.get('endpointId'))}`);
}

/** Back to the list afterwards: the endpoint's own page has nothing left to show. */
export async function deleteWebhookEndpointAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runMemberAction(formData, async (ctx, input) => (await deleteWebhookEndpoint(ctx, input), 'Endpoint deleted.'), '/settings/webhooks');
  if (state.status === 'success') redirect('/settings/webhooks');
  return state;
}
