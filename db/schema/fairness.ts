// Voluntary self-identification for adverse-impact monitoring, kept apart from everything else
// about a candidate: no candidate read, export, packet or API joins these tables. Only
// lib/fairness/ reads them — in aggregate for `eeo:read`, and the candidate's own answers for
// their subject-access export — and erasure deletes them.
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { candidates } from './candidates';
import { createdAt, id, tstz, updatedAt } from './columns';
import { tenantId } from './orgs';

/** One row per candidate: question key → option key (lib/fairness/questions.ts). "Prefer not to say" is stored as such. */
export const selfIdentifications = pgTable(
  'self_identifications',
  {
    organizationId: tenantId(),
    candidateId: uuid('candidate_id')
      .primaryKey()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('self_identifications_org_idx').on(t.organizationId)],
);

/** A single-use, expiring link to the form. Only the SHA-256 of the token is stored. */
export const selfIdentificationLinks = pgTable(
  'self_identification_links',
  {
    id: id(),
    organizationId: tenantId(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    /** Set when the candidate answered, or when a newer link replaced this one. */
    usedAt: tstz('used_at'),
    /** When the candidate submitted through this link (null when it was replaced or expired unanswered). */
    answeredAt: tstz('answered_at'),
    sentByUserId: uuid('sent_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('self_identification_links_token_hash_key').on(t.tokenHash),
    index('self_identification_links_org_candidate_idx').on(t.organizationId, t.candidateId, t.createdAt),
    check('self_identification_links_expiry_after_creation', sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

export type SelfIdentificationLink = typeof selfIdentificationLinks.$inferSelect;
