// Machine access for an organization: API keys (hashed, scoped, revocable), the log of their uses,
// their per-minute request counters (the rate limit), and the stored answers of POSTs sent with an
// Idempotency-Key. The token itself is never stored: only its SHA-256, looked up by equality.
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, tstz } from './columns';
import { tenantId } from './orgs';

export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    organizationId: tenantId(),
    name: text('name').notNull(),
    /** The visible start of the token (`lk_` + 8 characters), shown in lists so a key can be told apart. */
    prefix: text('prefix').notNull(),
    /** SHA-256 (hex) of the whole token. The token has 256 bits of entropy, so no salt or slow hash is needed. */
    secretHash: text('secret_hash').notNull().unique(),
    /** Permissions (lib/auth/permissions.ts) the key holds, already limited to what a service may be granted. */
    scopes: text('scopes').array().notNull(),
    /** The key's own users row: authors created_by columns, never a member, no password, cannot sign in. */
    serviceUserId: uuid('service_user_id')
      .notNull()
      .references(() => users.id),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** Touched at most once a minute per key, in the same statement that counts the request. */
    lastUsedAt: tstz('last_used_at'),
    expiresAt: tstz('expires_at'),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [index('api_keys_org_created_idx').on(t.organizationId, t.createdAt)],
);

/** One row per authenticated API request made with a key: method, route pattern and status only. */
export const apiKeyUses = pgTable(
  'api_key_uses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: tenantId(),
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    method: text('method').notNull(),
    /** The path with ids replaced by `:id` (no query string, which may carry names). */
    route: text('route').notNull(),
    status: smallint('status').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('api_key_uses_key_created_idx').on(t.apiKeyId, t.createdAt)],
);

/** Requests per key per minute window (fixed windows); old windows are pruned by a job. */
export const apiKeyRateWindows = pgTable(
  'api_key_rate_windows',
  {
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    windowStart: tstz('window_start').notNull(),
    requests: integer('requests').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.windowStart] })],
);

/**
 * The first answer to a POST sent with an Idempotency-Key, per organization and principal
 * (`key:<api key id>` or `user:<user id>`), kept 24 hours. `status` is null while the first request
 * is still running; its transaction holds the row, so a concurrent retry waits for it.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    organizationId: tenantId(),
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    fingerprint: text('fingerprint').notNull(),
    status: smallint('status'),
    contentType: text('content_type'),
    body: text('body'),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at')
      .notNull()
      .default(sql`now() + interval '24 hours'`),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.principal, t.key] }), index('idempotency_keys_expires_idx').on(t.expiresAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
