// The bank's search projection: one narrow row per question at its current version, so a search
// reads a few pages instead of one wide version row per match, plus the vocabulary that lets a
// misspelt word be matched to the words (letters only) the bank actually contains.
import { sql } from 'drizzle-orm';
import { customType, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { questionKind, questionStatus, seniorityLevel } from './enums';
import { tenantIdOrBuiltin } from './orgs';
import { questions, questionVersions } from './questions';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const questionSearch = pgTable(
  'question_search',
  {
    questionId: uuid('question_id')
      .primaryKey()
      .references(() => questions.id, { onDelete: 'cascade' }),
    organizationId: tenantIdOrBuiltin(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => questionVersions.id, { onDelete: 'cascade' }),
    status: questionStatus('status').notNull(),
    title: text('title').notNull(),
    kind: questionKind('kind').notNull(),
    level: seniorityLevel('level').notNull(),
    expectedMinutes: integer('expected_minutes').notNull(),
    primarySkillId: uuid('primary_skill_id').notNull(),
    categoryId: uuid('category_id').notNull(),
    skillIds: uuid('skill_ids').array().notNull(),
    /** Title weighted A, the rest D, so ts_rank_cd puts title matches first. */
    searchVector: tsvector('search_vector').notNull(),
  },
  (t) => [
    index('question_search_org_filters_idx').on(t.organizationId, t.status, t.level, t.kind),
    index('question_search_vector_idx').using('gin', t.searchVector),
    index('question_search_skills_idx').using('gin', t.skillIds),
  ],
);

export const questionSearchWords = pgTable(
  'question_search_words',
  {
    organizationId: tenantIdOrBuiltin(),
    word: text('word').notNull(),
  },
  (t) => [
    unique('question_search_words_org_word_key').on(t.organizationId, t.word).nullsNotDistinct(),
    index('question_search_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
  ],
);
