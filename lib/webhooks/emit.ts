import 'server-only';
// Emitting an event: inside the transaction of the change, one delivery row per enabled endpoint
// of the organization that subscribed to the event, and one delivery job per row. Both commit with
// the change or not at all, so a rolled-back change sends nothing and every (event, endpoint) is
// queued exactly once.
import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { enqueue } from '../jobs/enqueue';
import type { WebhookEventType } from './schemas';

/** Event data: ids and non-personal fields (what goes in the payload's `data`). */
export type WebhookEventData = Record<string, string | number | boolean | null | string[]>;

export interface WebhookEvent {
  type: WebhookEventType;
  data: WebhookEventData;
}

export async function emitWebhookEvents(db: DbExecutor, organizationId: string, events: WebhookEvent[], occurredAt = new Date()): Promise<number> {
  if (!events.length) return 0;
  const endpoints = await db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, organizationId), eq(webhookEndpoints.enabled, true)));
  const rows = events.flatMap((event) =>
    endpoints.filter((e) => e.events.includes(event.type)).map((e) => ({ organizationId, endpointId: e.id, eventType: event.type, payload: event.data, occurredAt, nextAttemptAt: occurredAt })),
  );
  if (!rows.length) return 0;
  const created = await db.insert(webhookDeliveries).values(rows).returning({ id: webhookDeliveries.id });
  for (const { id } of created) await enqueue('webhooks.deliver', { deliveryId: id }, { db });
  return created.length;
}

export function emitWebhookEvent(db: DbExecutor, organizationId: string, type: WebhookEventType, data: WebhookEventData): Promise<number> {
  return emitWebhookEvents(db, organizationId, [{ type, data }]);
}

