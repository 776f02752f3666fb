// Append-only audit trail: who changed what, when. Rows are inserted, never updated or deleted.
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id } from './columns';
import { tenantIdOrBuiltin } from './orgs';

export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    /** Null for account-level events (sign-up, sign-out everywhere) that belong to no tenant. */
    organizationId: tenantIdOrBuiltin(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_events_org_created_idx').on(t.organizationId, t.createdAt),
    index('audit_events_org_entity_idx').on(t.organizationId, t.entityType, t.entityId),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
