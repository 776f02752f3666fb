// Tenants, their members with a role, and one-time invitations.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, tstz, updatedAt } from './columns';
import { memberRole } from './enums';

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    /** When true, members with scorecard:read_all who sit on a candidate's panel are held to the independent-scoring rule too. */
    leadsScoreIndependently: boolean('leads_score_independently').notNull().default(false),
    /** How long rejected and withdrawn candidates are kept before erasure (GDPR 5(1)(e)); null keeps them. */
    candidateRetentionMonths: integer('candidate_retention_months'),
    /** Feedback reminders: on or off, the first one this long after an interview ends, then daily up to the limit. */
    feedbackRemindersEnabled: boolean('feedback_reminders_enabled').notNull().default(true),
    feedbackReminderFirstMinutes: integer('feedback_reminder_first_minutes').notNull().default(60),
    feedbackReminderLimit: integer('feedback_reminder_limit').notNull().default(10),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('organizations_candidate_retention_range', sql`${t.candidateRetentionMonths} is null or ${t.candidateRetentionMonths} between 1 and 120`),
    check('organizations_feedback_reminder_first_range', sql`${t.feedbackReminderFirstMinutes} between 0 and 10080`),
    check('organizations_feedback_reminder_limit_range', sql`${t.feedbackReminderLimit} between 1 and 30`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('memberships_org_user_key').on(t.organizationId, t.userId),
    index('memberships_user_idx').on(t.userId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: memberRole('role').notNull(),
    /** SHA-256 of the one-time token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    invitedByUserId: uuid('invited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: tstz('expires_at').notNull(),
    acceptedAt: tstz('accepted_at'),
    acceptedByUserId: uuid('accepted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: tstz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [index('invitations_org_created_idx').on(t.organizationId, t.createdAt)],
);

export type Organization = typeof organizations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;

/** The owning tenant of a row; deleting the organization deletes its rows. */
export const tenantId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/** For tables that also hold built-in rows: null means built in, visible to every tenant. */
export const tenantIdOrBuiltin = () => uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' });
