// Score analytics: running tallies of submitted ratings that the dashboard and calibration pages
// read instead of aggregating every rating on every request. They are kept in step by
// db/analytics.ts in the same transaction as every submit and reopen (the only ways a rating
// enters or leaves the submitted set), and can be rebuilt from the ratings at any time.
// A "unit" — the thing several interviewers rate — is one application's skill: the same
// candidate and skill within one application.
import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { applications } from './candidates';
import { openings } from './openings';
import { questions } from './questions';
import { tenantId } from './orgs';
import { skills } from './skills';

/** Per application and skill: how many submitted ratings of each value (1–4). The grid reads these. */
export const applicationSkillTallies = pgTable(
  'application_skill_tallies',
  {
    organizationId: tenantId(),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'cascade' }),
    n1: integer('n1').notNull().default(0),
    n2: integer('n2').notNull().default(0),
    n3: integer('n3').notNull().default(0),
    n4: integer('n4').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.skillId] }),
    index('application_skill_tallies_org_opening_idx').on(t.organizationId, t.openingId),
  ],
);

/** Per application: the tally of submitted overall recommendations. */
export const applicationTallies = pgTable(
  'application_tallies',
  {
    organizationId: tenantId(),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    strongNo: integer('strong_no').notNull().default(0),
    no: integer('no').notNull().default(0),
    yes: integer('yes').notNull().default(0),
    strongYes: integer('strong_yes').notNull().default(0),
  },
  (t) => [index('application_tallies_org_opening_idx').on(t.organizationId, t.openingId)],
);

/** Per interviewer: deviation from the other raters of the same unit, rating distribution, submit timing. */
export const interviewerTallies = pgTable(
  'interviewer_tallies',
  {
    organizationId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Σ (own rating − mean of the other raters' ratings of the same unit), over units with 2+ raters. */
    deviationSum: doublePrecision('deviation_sum').notNull().default(0),
    deviationN: integer('deviation_n').notNull().default(0),
    /** Σ deviation², for the interval around the mean deviation. */
    deviationSquaresSum: doublePrecision('deviation_squares_sum').notNull().default(0),
    n1: integer('n1').notNull().default(0),
    n2: integer('n2').notNull().default(0),
    n3: integer('n3').notNull().default(0),
    n4: integer('n4').notNull().default(0),
    scorecards: integer('scorecards').notNull().default(0),
    /** Σ hours from the interview's end to the scorecard's submission. */
    hoursToSubmitSum: doublePrecision('hours_to_submit_sum').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] })],
);

/**
 * Per opening and question (across its versions): how often it was asked, its per-question
 * ratings, and the sums behind Pearson's r between those ratings (x) and the composite (y) of
 * the application each was given in. The composite depends on the opening's skill weights, so a
 * change of weights rebuilds the opening's rows.
 */
export const questionTallies = pgTable(
  'question_tallies',
  {
    organizationId: tenantId(),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    /** Interviews with a submitted scorecard whose pinned kit version holds the question. */
    timesAsked: integer('times_asked').notNull().default(0),
    n1: integer('n1').notNull().default(0),
    n2: integer('n2').notNull().default(0),
    n3: integer('n3').notNull().default(0),
    n4: integer('n4').notNull().default(0),
    /** Applications with at least one rating of the question, and those of them with a composite. */
    applications: integer('applications').notNull().default(0),
    pairedApplications: integer('paired_applications').notNull().default(0),
    pairedN: integer('paired_n').notNull().default(0),
    /** Σ rating over all ratings (for the mean); the sums below cover only ratings paired with a composite. */
    sumX: doublePrecision('sum_x').notNull().default(0),
    pairedSumX: doublePrecision('paired_sum_x').notNull().default(0),
    pairedSumX2: doublePrecision('paired_sum_x2').notNull().default(0),
    sumY: doublePrecision('sum_y').notNull().default(0),
    sumY2: doublePrecision('sum_y2').notNull().default(0),
    sumXY: doublePrecision('sum_xy').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.openingId, t.questionId] })],
);

/**
 * Krippendorff's alpha per skill or per kit, as unit patterns: how many pairable units (units
 * with 2+ ratings) had exactly n1 ones, n2 twos, n3 threes and n4 fours. Alpha and its bootstrap
 * interval are computed from these (lib/dashboard/krippendorff.ts); a group of thousands of
 * candidates is a few dozen rows.
 */
export const reliabilityPatterns = pgTable(
  'reliability_patterns',
  {
    organizationId: tenantId(),
    grouping: text('grouping', { enum: ['skill', 'kit'] }).notNull(),
    groupId: uuid('group_id').notNull(),
    n1: smallint('n1').notNull(),
    n2: smallint('n2').notNull(),
    n3: smallint('n3').notNull(),
    n4: smallint('n4').notNull(),
    units: integer('units').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.grouping, t.groupId, t.n1, t.n2, t.n3, t.n4] }),
    check('reliability_patterns_pairable', sql`${t.n1} + ${t.n2} + ${t.n3} + ${t.n4} >= 2`),
  ],
);

/**
 * Per skill or kit: distinct candidates (applications) with at least one pairable unit. Each
 * application is applied on its own, so a distinct count over it adds up exactly.
 */
export const reliabilityGroups = pgTable(
  'reliability_groups',
  {
    organizationId: tenantId(),
    grouping: text('grouping', { enum: ['skill', 'kit'] }).notNull(),
    groupId: uuid('group_id').notNull(),
    candidates: integer('candidates').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.grouping, t.groupId] })],
);

/** Per skill or kit and interviewer: ratings given in pairable units (a rater counts while > 0). */
export const reliabilityRaters = pgTable(
  'reliability_raters',
  {
    organizationId: tenantId(),
    grouping: text('grouping', { enum: ['skill', 'kit'] }).notNull(),
    groupId: uuid('group_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ratings: integer('ratings').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.grouping, t.groupId, t.userId] })],
);
