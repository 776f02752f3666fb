import 'server-only';
// Managing webhook endpoints (permission webhook:manage): create (the signing secret is returned
// once), edit, rotate the secret, delete, the organization's "allow private targets" switch, and
// manual redelivery. Audited with ids and flags only — never the URL's query or the secret.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints, webhookSettings } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { enqueue } from '../jobs/enqueue';
import { parseInput } from '../validation';
import { CreateWebhookEndpointInput, RedeliverWebhookInput, UpdateWebhookEndpointInput, UpdateWebhookSettingsInput, WebhookEndpointIdInput } from './schemas';
import { encryptWebhookSecret, generateWebhookSecret } from './secrets';
import { unsafeUrlReason } from './ssrf';

export async function allowsPrivateTargets(ctx: Ctx): Promise<boolean> {
  const [row] = await ctx.db.select({ allow: webhookSettings.allowPrivateTargets }).from(webhookSettings).where(eq(webhookSettings.organizationId, ctx.organizationId));
  return row?.allow ?? false;
}

async function assertSafeUrl(ctx: Ctx, url: string): Promise<void> {
  const reason = unsafeUrlReason(url, await allowsPrivateTargets(ctx));
  if (reason) throw ValidationError.field('url', reason);
}

async function lockEndpointInOrg(ctx: Ctx, endpointId: string) {
  const [endpoint] = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, ctx.organizationId)))
    .for('update');
  if (!endpoint) throw new NotFoundError('Webhook endpoint');
  return endpoint;
}

export async function createWebhookEndpoint(ctx: Ctx, input: unknown): Promise<{ endpointId: string; secret: string }> {
  requirePermission(ctx, 'webhook:manage');
  const data = parseInput(CreateWebhookEndpointInput, input);
  return inTransaction(ctx, async (tx) => {
    await assertSafeUrl(tx, data.url);
    const endpointId = randomUUID();
    const secret = generateWebhookSecret();
    await tx.db.insert(webhookEndpoints).values({
      id: endpointId,
      organizationId: ctx.organizationId,
      url: data.url,
      description: data.description,
      events: data.events,
      enabled: data.enabled,
      secretCiphertext: encryptWebhookSecret(secret, { organizationId: ctx.organizationId, endpointId }),
      createdByUserId: ctx.userId,
    });
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'webhook.created', entityType: 'webhook_endpoint', entityId: endpointId, data: { events: data.events, enabled: data.enabled } });
    return { endpointId, secret };
  });
}

export async function updateWebhookEndpoint(ctx: Ctx, input: unknown): Promise<void> {
  requirePermission(ctx, 'webhook:manage');
  const data = parseInput(UpdateWebhookEndpointInput, input);
  await inTransaction(ctx, async (tx) => {
    const endpoint = await lockEndpointInOrg(tx, data.endpointId);
    await assertSafeUrl(tx, data.url);
    // Switching an endpoint back on starts its failure count again.
    const reenabled = data.enabled && !endpoint.enabled;
    await tx.db
      .update(webhookEndpoints)
      .set({
        url: data.url,
        description: data.description,
        events: data.events,
        enabled: data.enabled,
        ...(reenabled ? { consecutiveFailures: 0, disabledReason: null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'webhook.updated',
      entityType: 'webhook_endpoint',
      entityId: endpoint.id,
      data: { events: data.events, enabled: data.enabled, urlChanged: data.url !== endpoint.url },
    });
  });
}

/** A new secret, returned once; the old one stops working at once (receivers should accept both briefly). */
export async function rotateWebhookSecret(ctx: Ctx, input: unknown): Promise<{ secret: string }> {
  requirePermission(ctx, 'webhook:manage');
  const data = parseInput(WebhookEndpointIdInput, input);
  return inTransaction(ctx, async (tx) => {
    const endpoint = await lockEndpointInOrg(tx, data.endpointId);
    const secret = generateWebhookSecret();
    await tx.db
      .update(webhookEndpoints)
      .set({ secretCiphertext: encryptWebhookSecret(secret, { organizationId: ctx.organizationId, endpointId: endpoint.id }), updatedAt: new Date() })
      .where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'webhook.secret_rotated', entityType: 'webhook_endpoint', entityId: endpoint.id });
    return { secret };
  });
}

export async function deleteWebhookEndpoint(ctx: Ctx, input: unknown): Promise<void> {
  requirePermission(ctx, 'webhook:manage');
  const data = parseInput(WebhookEndpointIdInput, input);
  await inTransaction(ctx, async (tx) => {
    const endpoint = await lockEndpointInOrg(tx, data.endpointId);
    await tx.db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'webhook.deleted', entityType: 'webhook_endpoint', entityId: endpoint.id });
  });
}

export async function updateWebhookSettings(ctx: Ctx, input: unknown): Promise<void> {
  requirePermission(ctx, 'webhook:manage');
  const data = parseInput(UpdateWebhookSettingsInput, input);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insert(webhookSettings)
      .values({ organizationId: ctx.organizationId, allowPrivateTargets: data.allowPrivateTargets })
      .onConflictDoUpdate({ target: webhookSettings.organizationId, set: { allowPrivateTargets: data.allowPrivateTargets, updatedAt: new Date() } });
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'webhook.settings_updated', entityType: 'organization', entityId: ctx.organizationId, data });
  });
}

/**
 * Sends a delivery again now, with the same webhook-id (a receiver that already has it may
 * ignore it). Allowed on a disabled endpoint only after it is switched back on.
 */
export async function redeliverWebhook(ctx: Ctx, input: unknown): Promise<void> {
  requirePermission(ctx, 'webhook:manage');
  const data = parseInput(RedeliverWebhookInput, input);
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select({ delivery: webhookDeliveries, enabled: webhookEndpoints.enabled })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(eq(webhookDeliveries.id, data.deliveryId), eq(webhookDeliveries.organizationId, ctx.organizationId)))
      .for('update', { of: webhookDeliveries });
    if (!row) throw new NotFoundError('Webhook delivery');
    if (!row.enabled) throw new ConflictError('This endpoint is switched off. Switch it on before redelivering.');
    if (row.delivery.status === 'sending') throw new ConflictError('This delivery is being sent right now.');
    const now = new Date();
    await tx.db.update(webhookDeliveries).set({ status: 'pending', nextAttemptAt: now }).where(eq(webhookDeliveries.id, row.delivery.id));
    await enqueue('webhooks.deliver', { deliveryId: row.delivery.id, manual: true }, { db: tx.db });
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'webhook.redelivered', entityType: 'webhook_delivery', entityId: row.delivery.id });
  });
}
