import 'server-only';
// Reading webhook endpoints and their delivery logs, scoped to the organization (webhook:manage).
import { and, desc, eq, inArray } from 'drizzle-orm';
import { webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from '@/db/schema';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { parseInput } from '../validation';
import { allowsPrivateTargets } from './mutations';
import { WebhookEndpointIdInput } from './schemas';

const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  enabled: webhookEndpoints.enabled,
  consecutiveFailures: webhookEndpoints.consecutiveFailures,
  disabledReason: webhookEndpoints.disabledReason,
  createdAt: webhookEndpoints.createdAt,
};

export async function listWebhookEndpoints(ctx: Ctx) {
  requirePermission(ctx, 'webhook:manage');
  const endpoints = await ctx.db.select(endpointColumns).from(webhookEndpoints).where(eq(webhookEndpoints.organizationId, ctx.organizationId)).orderBy(webhookEndpoints.createdAt);
  return { endpoints, allowPrivateTargets: await allowsPrivateTargets(ctx) };
}

export type WebhookEndpointSummary = Awaited<ReturnType<typeof listWebhookEndpoints>>['endpoints'][number];

const LOG_SIZE = 50;

/** One endpoint with its latest deliveries (newest first) and each delivery's attempts. */
export async function getWebhookEndpoint(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'webhook:manage');
  const { endpointId } = parseInput(WebhookEndpointIdInput, input);
  const [endpoint] = await ctx.db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, ctx.organizationId)));
  if (!endpoint) throw new NotFoundError('Webhook endpoint');
  const deliveries = await ctx.db
    .select({
      id: webhookDeliveries.id,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.organizationId, ctx.organizationId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(LOG_SIZE);
  const attempts = deliveries.length
    ? await ctx.db
        .select()
        .from(webhookDeliveryAttempts)
        .where(inArray(
          webhookDeliveryAttempts.deliveryId,
          deliveries.map((d) => d.id),
        ))
        .orderBy(webhookDeliveryAttempts.attempt)
    : [];
  return {
    endpoint,
    deliveries: deliveries.map((d) => ({ ...d, attemptLog: attempts.filter((a) => a.deliveryId === d.id) })),
  };
}

export type WebhookEndpointDetail = Awaited<ReturnType<typeof getWebhookEndpoint>>;
