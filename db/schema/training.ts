// Calibration exercises for interviewer training: sample answers to a question with a reference
// rating, and trainees' blind ratings of them. Only lib/training/ reads these tables; the blind
// rule (no reference or peer rating before one's own) lives there, not in the pages.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, tstz, updatedAt } from './columns';
import { tenantId } from './orgs';
import { questions, questionVersions } from './questions';

/**
 * A sample answer to a question, rated by its author on the question's anchors. It pins the
 * question version whose anchors the reference was set on, so a later edit of the question never
 * changes what trainees are asked to rate against.
 */
export const calibrationSamples = pgTable(
  'calibration_samples',
  {
    id: id(),
    organizationId: tenantId(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    questionVersionId: uuid('question_version_id')
      .notNull()
      .references(() => questionVersions.id, { onDelete: 'cascade' }),
    answer: text('answer').notNull(),
    referenceRating: integer('reference_rating').notNull(),
    /** Shown to a trainee only after they rated: why the reference is what it is. */
    referenceRationale: text('reference_rationale').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Archived samples are offered to nobody and count in no agreement figure. */
    archivedAt: tstz('archived_at'),
    revision: integer('revision').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('calibration_samples_org_question_idx').on(t.organizationId, t.questionId),
    index('calibration_samples_org_active_idx').on(t.organizationId, t.createdAt).where(sql`${t.archivedAt} is null`),
    check('calibration_samples_reference_range', sql`${t.referenceRating} between 1 and 4`),
    check('calibration_samples_revision_nonnegative', sql`${t.revision} >= 0`),
  ],
);

/** A trainee's rating of a sample: one per sample and person, final once given (see lib/training/mutations.ts). */
export const calibrationRatings = pgTable(
  'calibration_ratings',
  {
    id: id(),
    organizationId: tenantId(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => calibrationSamples.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    note: text('note'),
    ratedAt: tstz('rated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('calibration_ratings_sample_user_key').on(t.sampleId, t.userId),
    index('calibration_ratings_org_user_idx').on(t.organizationId, t.userId),
    check('calibration_ratings_rating_range', sql`${t.rating} between 1 and 4`),
  ],
);

export type CalibrationSample = typeof calibrationSamples.$inferSelect;
export type CalibrationRating = typeof calibrationRatings.$inferSelect;
