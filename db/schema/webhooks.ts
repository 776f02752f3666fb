// Webhooks: an organization's endpoints (URL, events, encrypted signing secret), one delivery row
// per (event, endpoint) written in the transaction of the change — the outbox the delivery job
// reads — and every attempt at sending it, for the delivery log.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, tstz, updatedAt } from './columns';
import { organizations, tenantId } from './orgs';

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: id(),
    organizationId: tenantId(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** Event types sent to this endpoint (lib/webhooks/events.ts WEBHOOK_EVENT_TYPES). */
    events: text('events').array().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** `whsec_…` encrypted with AES-256-GCM (lib/webhooks/secrets.ts); it must be recoverable to sign. */
    secretCiphertext: text('secret_ciphertext').notNull(),
    /** Failed attempts in a row; a success resets it, reaching the limit disables the endpoint. */
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    /** Why the endpoint was switched off automatically (null when an admin did it, or it is on). */
    disabledReason: text('disabled_reason'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_endpoints_org_idx').on(t.organizationId)],
);

/** Per organization: whether endpoints may resolve to private, loopback or link-local addresses. */
export const webhookSettings = pgTable('webhook_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  allowPrivateTargets: boolean('allow_private_targets').notNull().default(false),
  updatedAt: updatedAt(),
});

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    /** Also the Standard Webhooks `webhook-id` (msg_<id without dashes>): stable across retries. */
    id: id(),
    organizationId: tenantId(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventType: text('event_type').notNull(),
    /** The event's data: ids and non-personal fields only (personal fields are filled in when sent). */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** When the event happened: the payload's `timestamp`. */
    occurredAt: tstz('occurred_at').notNull(),
    /** pending → sending → succeeded | pending (retry) | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    /** While sending: the claim's end, after which a crashed worker's claim may be taken over. */
    lockedUntil: tstz('locked_until'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: tstz('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_deliveries_endpoint_created_idx').on(t.endpointId, t.createdAt),
    check('webhook_deliveries_status_valid', sql`${t.status} in ('pending', 'sending', 'succeeded', 'failed')`),
  ],
);

export const webhookDeliveryAttempts = pgTable(
  'webhook_delivery_attempts',
  {
    id: id(),
    organizationId: tenantId(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    /** Manual redeliveries are marked so the log tells them from automatic retries. */
    manual: boolean('manual').notNull().default(false),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    /** The first 500 characters of the receiver's answer. */
    responseSnippet: text('response_snippet'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_delivery_attempts_delivery_idx').on(t.deliveryId, t.attempt)],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
