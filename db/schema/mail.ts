// Account e-mail: single-use tokens for password reset and e-mail verification, the throttle
// behind "forgot password" / "resend verification", and the development outbox that stands in
// for SMTP when none is configured.
import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, tstz } from './columns';
import { invitations, organizations } from './orgs';

export const userTokenPurpose = pgEnum('user_token_purpose', ['password_reset', 'email_verification']);

/** Only the SHA-256 of a token is stored: a database leak does not leak usable links. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: userTokenPurpose('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** A verification started from an invitation continues that acceptance once verified. */
    invitationId: uuid('invitation_id').references(() => invitations.id, { onDelete: 'set null' }),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('user_tokens_token_hash_key').on(t.tokenHash), index('user_tokens_user_purpose_idx').on(t.userId, t.purpose)],
);

/** One row per "send me a link" request, keyed by a hash of the address (never the address). */
export const accountEmailRequests = pgTable(
  'account_email_requests',
  {
    id: id(),
    kind: text('kind').notNull(),
    emailHash: text('email_hash').notNull(),
    ip: text('ip').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('account_email_requests_email_idx').on(t.kind, t.emailHash, t.createdAt),
    index('account_email_requests_ip_idx').on(t.kind, t.ip, t.createdAt),
  ],
);

/** Mail "delivered" locally when SMTP is not configured; admins read it under Settings → Outbox. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    /** The mail's id, chosen when it was queued: a retried delivery inserts nothing twice. */
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** An iCalendar invite sent with the mail (text/calendar), as a calendar client would receive it. */
    calendar: text('calendar'),
    createdAt: createdAt(),
  },
  (t) => [index('mail_outbox_org_created_idx').on(t.organizationId, t.createdAt), index('mail_outbox_recipient_lower_idx').on(sql`lower(${t.recipient})`)],
);

export type UserToken = typeof userTokens.$inferSelect;
export type MailOutboxRow = typeof mailOutbox.$inferSelect;
