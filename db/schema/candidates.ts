// Candidates (people) and their applications to openings.
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, tstz, updatedAt } from './columns';
import { applicationStage } from './enums';
import { openingStages, openings } from './openings';
import { tenantId } from './orgs';

export const candidates = pgTable(
  'candidates',
  {
    id: id(),
    organizationId: tenantId(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    location: text('location'),
    source: text('source'),
    notes: text('notes').notNull().default(''),
    /** Bumped by every edit; an edit based on an older revision is refused (409), not applied. */
    revision: integer('revision').notNull().default(0),
    /** Set when the candidate's personal data was erased (GDPR Art. 17); the row stays under a pseudonym so their anonymous ratings keep counting. */
    erasedAt: tstz('erased_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('candidates_org_email_key').on(t.organizationId, sql`lower(${t.email})`),
    index('candidates_org_created_idx').on(t.organizationId, t.createdAt),
    // The list's search: a case-insensitive substring of name or e-mail (ILIKE '%term%') is
    // answered from trigrams, so it stays fast at tens of thousands of candidates. The expression
    // must match lib/candidates/queries.ts's CANDIDATE_SEARCH_TEXT exactly for the planner to use it.
    index('candidates_search_trgm_idx').using('gin', sql`(lower(${t.name} || ' ' || ${t.email})) gin_trgm_ops`),
    // The list sorted by name, paged by keyset (lower(name), id).
    index('candidates_org_name_idx').on(t.organizationId, sql`lower(${t.name})`, t.id),
    check('candidates_revision_nonnegative', sql`${t.revision} >= 0`),
  ],
);

export const applications = pgTable(
  'applications',
  {
    id: id(),
    organizationId: tenantId(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id, { onDelete: 'cascade' }),
    stage: applicationStage('stage').notNull().default('active'),
    currentStageId: uuid('current_stage_id').references(() => openingStages.id, { onDelete: 'set null' }),
    /** When the application last left the active stage (hired, rejected, withdrawn); null while active. Retention counts from it. */
    closedAt: tstz('closed_at'),
    /**
     * What blind viewers see instead of the candidate's name ("C-4F7Q"): random, so it reveals
     * nothing about the person or the order of applications. Drawn by the database on every
     * insert (migration 0021: a default, and a trigger that redraws a code already used in the
     * opening), so no insert path can forget it.
     */
    blindCode: text('blind_code').notNull().default(sql`loopkit_blind_code()`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('applications_org_candidate_opening_key').on(t.organizationId, t.candidateId, t.openingId),
    index('applications_org_opening_stage_idx').on(t.organizationId, t.openingId, t.stage),
    uniqueIndex('applications_org_opening_blind_code_key').on(t.organizationId, t.openingId, t.blindCode),
  ],
);

export type Candidate = typeof candidates.$inferSelect;
export type Application = typeof applications.$inferSelect;
