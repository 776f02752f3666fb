// Questions and their immutable versions. A question row is the stable identity; every saved
// edit inserts a question_versions row, so kits and interviews can pin the exact text they used.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, updatedAt } from './columns';
import { questionKind, questionStatus, seniorityLevel } from './enums';
import { tenantIdOrBuiltin } from './orgs';
import { skills } from './skills';

export const questions = pgTable(
  'questions',
  {
    id: id(),
    /** Null for the built-in bank, visible to every organization. */
    organizationId: tenantIdOrBuiltin(),
    /** Stable key of built-in content (from db/seed/content), so re-seeding is idempotent. */
    builtinKey: text('builtin_key'),
    status: questionStatus('status').notNull().default('active'),
    latestVersion: integer('latest_version').notNull().default(1),
    /** The version at latest_version, kept beside it so the bank search joins one row per question. */
    currentVersionId: uuid('current_version_id'),
    copiedFromQuestionId: uuid('copied_from_question_id'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('questions_builtin_key').on(t.builtinKey).where(sql`${t.organizationId} is null`),
    index('questions_org_status_idx').on(t.organizationId, t.status),
    index('questions_current_version_idx').on(t.currentVersionId),
    // The bank hides a built-in question once the organization holds a copy of it.
    index('questions_org_copied_from_idx').on(t.organizationId, t.copiedFromQuestionId).where(sql`${t.copiedFromQuestionId} is not null`),
    check('questions_latest_version_positive', sql`${t.latestVersion} >= 1`),
  ],
);

export const questionVersions = pgTable(
  'question_versions',
  {
    id: id(),
    organizationId: tenantIdOrBuiltin(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    prompt: text('prompt').notNull(),
    kind: questionKind('kind').notNull(),
    level: seniorityLevel('level').notNull(),
    expectedMinutes: integer('expected_minutes').notNull(),
    primarySkillId: uuid('primary_skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'restrict' }),
    listenFor: text('listen_for').array().notNull().default(sql`'{}'::text[]`),
    redFlags: text('red_flags').array().notNull().default(sql`'{}'::text[]`),
    followUps: text('follow_ups').array().notNull().default(sql`'{}'::text[]`),
    /** The anchored rubric: what a 1, 2, 3 and 4 answer to this question sounds like. */
    rubric1: text('rubric_1').notNull(),
    rubric2: text('rubric_2').notNull(),
    rubric3: text('rubric_3').notNull(),
    rubric4: text('rubric_4').notNull(),
    /** Title, prompt and guidance as one text, the source of the search projection (db/schema/search.ts). */
    searchText: text('search_text').notNull().default(''),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('question_versions_question_version_key').on(t.questionId, t.version),
    index('question_versions_org_skill_idx').on(t.organizationId, t.primarySkillId),
    check('question_versions_minutes_range', sql`${t.expectedMinutes} between 1 and 240`),
    check('question_versions_version_positive', sql`${t.version} >= 1`),
  ],
);

/** Every skill a question version assesses, the primary one included (is_primary). */
export const questionVersionSkills = pgTable(
  'question_version_skills',
  {
    organizationId: tenantIdOrBuiltin(),
    questionVersionId: uuid('question_version_id')
      .notNull()
      .references(() => questionVersions.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'restrict' }),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.questionVersionId, t.skillId] }),
    index('question_version_skills_org_skill_idx').on(t.organizationId, t.skillId),
  ],
);

export type Question = typeof questions.$inferSelect;
export type QuestionVersion = typeof questionVersions.$inferSelect;

/** What search_text holds for a version: everything an interviewer might search for. */
export function questionSearchText(v: { title: string; prompt: string; listenFor: string[]; redFlags: string[]; followUps: string[] }): string {
  return [v.title, v.prompt, ...v.listenFor, ...v.redFlags, ...v.followUps].join(' ');
}
