// Post-hire outcomes: for a hired application, how the person is doing at set checkpoints after
// the hire, on the same 1–4 anchored scale the scorecards use. They are the criterion that
// predictive validity (lib/validity) relates interview scores to. Ratings only — no free text —
// so they hold nothing that erasure would have to scrub, and the anonymous figures keep counting.
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgEnum, pgTable, primaryKey, smallint, integer, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { applications } from './candidates';
import { createdAt, id, tstz, updatedAt } from './columns';
import { tenantId } from './orgs';
import { skills } from './skills';

/** Values are part of the contract: add, never rename (the due date of each is in lib/outcomes/checkpoints.ts). */
export const outcomeCheckpoint = pgEnum('outcome_checkpoint', ['90_days', '12_months']);

export const postHireOutcomes = pgTable(
  'post_hire_outcomes',
  {
    id: id(),
    organizationId: tenantId(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    checkpoint: outcomeCheckpoint('checkpoint').notNull(),
    /** Overall performance at the checkpoint, 1–4 against the same anchors as interview ratings. */
    overallRating: smallint('overall_rating').notNull(),
    stillEmployed: boolean('still_employed').notNull(),
    /** 1 when first recorded, bumped by every edit; an edit based on an older one is refused (409). */
    revision: integer('revision').notNull().default(1),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('post_hire_outcomes_application_checkpoint_key').on(t.organizationId, t.applicationId, t.checkpoint),
    // The validity report reads one checkpoint of an organization at a time.
    index('post_hire_outcomes_org_checkpoint_idx').on(t.organizationId, t.checkpoint),
    check('post_hire_outcomes_overall_range', sql`${t.overallRating} between 1 and 4`),
    check('post_hire_outcomes_revision_positive', sql`${t.revision} >= 1`),
  ],
);

/** Per-skill outcome ratings: the skills the opening weighs, rated like the overall one (a skill may be left unrated). */
export const postHireOutcomeSkillRatings = pgTable(
  'post_hire_outcome_skill_ratings',
  {
    organizationId: tenantId(),
    outcomeId: uuid('outcome_id')
      .notNull()
      .references(() => postHireOutcomes.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'restrict' }),
    rating: smallint('rating').notNull(),
  },
  (t) => [primaryKey({ columns: [t.outcomeId, t.skillId] }), check('post_hire_outcome_skill_ratings_range', sql`${t.rating} between 1 and 4`)],
);

/**
 * Each "outcome due" reminder sent: one per application and checkpoint. The primary key is the
 * exactly-once guarantee — the sweep inserts ON CONFLICT DO NOTHING and only the worker whose
 * insert returned a row notifies.
 */
export const outcomeReminders = pgTable(
  'outcome_reminders',
  {
    organizationId: tenantId(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    checkpoint: outcomeCheckpoint('checkpoint').notNull(),
    sentAt: tstz('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.checkpoint] })],
);

export type PostHireOutcome = typeof postHireOutcomes.$inferSelect;
export type OutcomeCheckpoint = (typeof outcomeCheckpoint.enumValues)[number];
