// Scorecards: one interviewer's feedback on one interview. The revision number drives the
// autosave protocol: a write based on a stale revision is refused, never silently applied.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, tstz, updatedAt } from './columns';
import { recommendation, scorecardStatus } from './enums';
import { interviews } from './interviews';
import { kitItems } from './kits';
import { tenantId } from './orgs';
import { skills } from './skills';

export const scorecards = pgTable(
  'scorecards',
  {
    id: id(),
    organizationId: tenantId(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    interviewerUserId: uuid('interviewer_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    status: scorecardStatus('status').notNull().default('draft'),
    recommendation: recommendation('recommendation'),
    summary: text('summary').notNull().default(''),
    /** The reason given for the latest reopen: free text, kept here (erasable) rather than in the audit log. */
    reopenReason: text('reopen_reason'),
    revision: integer('revision').notNull().default(0),
    submittedAt: tstz('submitted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('scorecards_org_interview_interviewer_key').on(t.organizationId, t.interviewId, t.interviewerUserId),
    index('scorecards_org_interviewer_status_idx').on(t.organizationId, t.interviewerUserId, t.status),
    check('scorecards_revision_nonnegative', sql`${t.revision} >= 0`),
    check(
      'scorecards_submitted_complete',
      sql`${t.status} = 'draft' or (${t.submittedAt} is not null and ${t.recommendation} is not null)`,
    ),
  ],
);

export const scorecardRatings = pgTable(
  'scorecard_ratings',
  {
    organizationId: tenantId(),
    scorecardId: uuid('scorecard_id')
      .notNull()
      .references(() => scorecards.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'restrict' }),
    /** 1–4 against the anchors, or null together with no_evidence = true. */
    rating: smallint('rating'),
    noEvidence: boolean('no_evidence').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.scorecardId, t.skillId] }),
    index('scorecard_ratings_org_skill_idx').on(t.organizationId, t.skillId),
    check(
      'scorecard_ratings_rating_or_no_evidence',
      sql`(${t.noEvidence} and ${t.rating} is null) or (not ${t.noEvidence} and ${t.rating} between 1 and 4)`,
    ),
  ],
);

export const scorecardNotes = pgTable(
  'scorecard_notes',
  {
    organizationId: tenantId(),
    scorecardId: uuid('scorecard_id')
      .notNull()
      .references(() => scorecards.id, { onDelete: 'cascade' }),
    kitItemId: uuid('kit_item_id')
      .notNull()
      .references(() => kitItems.id, { onDelete: 'restrict' }),
    body: text('body').notNull().default(''),
    /** Optional per-question rating, used by question analytics. */
    rating: smallint('rating'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.scorecardId, t.kitItemId] }),
    index('scorecard_notes_org_item_idx').on(t.organizationId, t.kitItemId),
    check('scorecard_notes_rating_range', sql`${t.rating} is null or ${t.rating} between 1 and 4`),
  ],
);

export type Scorecard = typeof scorecards.$inferSelect;
export type ScorecardRating = typeof scorecardRatings.$inferSelect;
