import 'server-only';
// The delivery job: claims one delivery row, signs its payload per Standard Webhooks (with the
// standardwebhooks package), POSTs it, logs the attempt, and either marks it delivered, schedules
// the next try on the back-off schedule (a new job, queued in the transaction that logs this
// attempt), or gives up. Failures in a row switch the endpoint off. Idempotent: a job that finds
// its delivery already claimed, done or not yet due does nothing.
import { and, eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { Database } from '@/db/client';
import { candidates, webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints, webhookSettings, type WebhookDelivery } from '@/db/schema';
import { recordAudit } from '../audit';
import { env } from '../env';
import { enqueue } from '../jobs/enqueue';
import { postWebhook } from './http';
import { decryptWebhookSecret } from './secrets';

export interface WebhookDeliveryJob {
  deliveryId: string;
  /** Set by a manual redelivery from the settings page, so the log marks it. */
  manual?: boolean;
}

export interface WebhookDeliveryConfig {
  /** Seconds to wait before each retry; its length is the number of retries. */
  retrySchedule: number[];
  /** Failed attempts in a row after which the endpoint is switched off. */
  disableAfter: number;
  timeoutMs: number;
  now?: () => Date;
}

export function webhookDeliveryConfig(): WebhookDeliveryConfig {
  const e = env();
  return { retrySchedule: e.WEBHOOK_RETRY_SCHEDULE, disableAfter: e.WEBHOOK_DISABLE_AFTER, timeoutMs: e.WEBHOOK_TIMEOUT_MS };
}

export type DeliveryOutcome = 'skipped' | 'succeeded' | 'retrying' | 'failed' | 'endpoint_disabled';

/** The Standard Webhooks message id: the delivery's id, the same on every attempt. */
export const webhookMessageId = (deliveryId: string) => `msg_${deliveryId.replaceAll('-', '')}`;

/** The body sent: `{ type, timestamp, data }`; candidate.created gets its name and e-mail only now. */
async function renderPayload(db: Database, delivery: WebhookDelivery): Promise<string> {
  let data: Record<string, unknown> = delivery.payload;
  if (delivery.eventType === 'candidate.created' && typeof data.candidateId === 'string') {
    // Read when sent, never stored in the outbox: an erased candidate's name is not sent afterwards.
    const [candidate] = await db
      .select({ name: candidates.name, email: candidates.email, erasedAt: candidates.erasedAt })
      .from(candidates)
      .where(and(eq(candidates.id, data.candidateId), eq(candidates.organizationId, delivery.organizationId)));
    const present = candidate && !candidate.erasedAt;
    data = { ...data, name: present ? candidate.name : null, email: present ? candidate.email : null, erased: !present };
  }
  return JSON.stringify({ type: delivery.eventType, timestamp: delivery.occurredAt.toISOString(), data });
}

export async function deliverWebhook(db: Database, job: WebhookDeliveryJob, config: WebhookDeliveryConfig = webhookDeliveryConfig()): Promise<DeliveryOutcome> {
  const now = config.now?.() ?? new Date();
  const leaseEnd = new Date(now.getTime() + config.timeoutMs + 30_000);
  const [delivery] = await db
    .update(webhookDeliveries)
    .set({ status: 'sending', lockedUntil: leaseEnd })
    .where(
      and(
        eq(webhookDeliveries.id, job.deliveryId),
        sql`((${webhookDeliveries.status} = 'pending' and ${webhookDeliveries.nextAttemptAt} <= ${now.toISOString()}) or (${webhookDeliveries.status} = 'sending' and ${webhookDeliveries.lockedUntil} < ${now.toISOString()}))`,
      ),
    )
    .returning();
  if (!delivery) return 'skipped';
  const [endpoint] = await db
    .select({ endpoint: webhookEndpoints, allowPrivate: webhookSettings.allowPrivateTargets })
    .from(webhookEndpoints)
    .leftJoin(webhookSettings, eq(webhookSettings.organizationId, webhookEndpoints.organizationId))
    .where(eq(webhookEndpoints.id, delivery.endpointId));
  if (!endpoint || !endpoint.endpoint.enabled) {
    await db.update(webhookDeliveries).set({ status: 'failed', lockedUntil: null, lastError: 'The endpoint is disabled' }).where(eq(webhookDeliveries.id, delivery.id));
    return 'endpoint_disabled';
  }
  const { endpoint: target } = endpoint;
  const body = await renderPayload(db, delivery);
  const secret = decryptWebhookSecret(target.secretCiphertext, { organizationId: target.organizationId, endpointId: target.id });
  const msgId = webhookMessageId(delivery.id);
  const sentAt = config.now?.() ?? new Date();
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Loopkit-Webhooks/1',
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(msgId, sentAt, body),
  };
  const result = await postWebhook(target.url, headers, body, { allowPrivate: endpoint.allowPrivate ?? false, timeoutMs: config.timeoutMs });
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const attempt = delivery.attempts + 1;

  return db.transaction(async (tx) => {
    await tx.insert(webhookDeliveryAttempts).values({
      organizationId: delivery.organizationId,
      deliveryId: delivery.id,
      attempt,
      manual: job.manual ?? false,
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      responseSnippet: result.responseSnippet,
      error: result.error ?? (ok ? null : `The receiver answered ${result.statusCode}`),
    });
    const common = { attempts: attempt, lockedUntil: null, lastStatusCode: result.statusCode, lastError: ok ? null : (result.error ?? `HTTP ${result.statusCode}`) };
    if (ok) {
      await tx.update(webhookDeliveries).set({ ...common, status: 'succeeded', deliveredAt: sentAt }).where(eq(webhookDeliveries.id, delivery.id));
      await tx.update(webhookEndpoints).set({ consecutiveFailures: 0 }).where(eq(webhookEndpoints.id, target.id));
      return 'succeeded';
    }
    const [counted] = await tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1` })
      .where(eq(webhookEndpoints.id, target.id))
      .returning({ failures: webhookEndpoints.consecutiveFailures, enabled: webhookEndpoints.enabled });
    if (counted && counted.enabled && counted.failures >= config.disableAfter) {
      await tx
        .update(webhookEndpoints)
        .set({ enabled: false, disabledReason: `Switched off after ${counted.failures} failed deliveries in a row`, updatedAt: sentAt })
        .where(eq(webhookEndpoints.id, target.id));
      await recordAudit(tx, { organizationId: target.organizationId, actorUserId: null, action: 'webhook.auto_disabled', entityType: 'webhook_endpoint', entityId: target.id, data: { failures: counted.failures } });
      await tx.update(webhookDeliveries).set({ ...common, status: 'failed' }).where(eq(webhookDeliveries.id, delivery.id));
      return 'failed';
    }
    // Retry n waits retrySchedule[n-1]: attempts 1..schedule.length+1 in all.
    const wait = config.retrySchedule[attempt - 1];
    if (wait === undefined) {
      await tx.update(webhookDeliveries).set({ ...common, status: 'failed' }).where(eq(webhookDeliveries.id, delivery.id));
      return 'failed';
    }
    const nextAttemptAt = new Date(sentAt.getTime() + wait * 1000);
    await tx.update(webhookDeliveries).set({ ...common, status: 'pending', nextAttemptAt }).where(eq(webhookDeliveries.id, delivery.id));
    await enqueue('webhooks.deliver', { deliveryId: delivery.id }, { db: tx, startAfter: nextAttemptAt });
    return 'retrying';
  });
}
