// Interview kits. Every kit's content lives in kit_versions: at most one draft per kit (editable)
// and any number of published versions (frozen, pinning exact question versions).
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, tstz, updatedAt } from './columns';
import { kitVersionStatus, seniorityLevel } from './enums';
import { tenantId, tenantIdOrBuiltin } from './orgs';
import { questionVersions } from './questions';
import { skills } from './skills';

export const kits = pgTable(
  'kits',
  {
    id: id(),
    /** Null for built-in templates, visible to every organization. */
    organizationId: tenantIdOrBuiltin(),
    builtinKey: text('builtin_key'),
    isTemplate: boolean('is_template').notNull().default(false),
    name: text('name').notNull(),
    archivedAt: tstz('archived_at'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('kits_builtin_key').on(t.builtinKey).where(sql`${t.organizationId} is null`),
    index('kits_org_created_idx').on(t.organizationId, t.createdAt),
  ],
);

export const kitVersions = pgTable(
  'kit_versions',
  {
    id: id(),
    organizationId: tenantIdOrBuiltin(),
    kitId: uuid('kit_id')
      .notNull()
      .references(() => kits.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: kitVersionStatus('status').notNull().default('draft'),
    roleTitle: text('role_title').notNull(),
    level: seniorityLevel('level').notNull(),
    targetMinutes: integer('target_minutes').notNull(),
    description: text('description').notNull().default(''),
    /** Optimistic-concurrency counter for the draft editor. */
    revision: integer('revision').notNull().default(0),
    publishedAt: tstz('published_at'),
    publishedByUserId: uuid('published_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('kit_versions_kit_version_key').on(t.kitId, t.version),
    uniqueIndex('kit_versions_one_draft_per_kit').on(t.kitId).where(sql`${t.status} = 'draft'`),
    index('kit_versions_org_kit_idx').on(t.organizationId, t.kitId),
    check('kit_versions_target_minutes_range', sql`${t.targetMinutes} between 5 and 600`),
    check(
      'kit_versions_published_has_date',
      sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`,
    ),
  ],
);

export const kitSections = pgTable(
  'kit_sections',
  {
    id: id(),
    organizationId: tenantIdOrBuiltin(),
    kitVersionId: uuid('kit_version_id')
      .notNull()
      .references(() => kitVersions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
  },
  (t) => [index('kit_sections_org_version_idx').on(t.organizationId, t.kitVersionId, t.position)],
);

export const kitItems = pgTable(
  'kit_items',
  {
    id: id(),
    organizationId: tenantIdOrBuiltin(),
    kitVersionId: uuid('kit_version_id')
      .notNull()
      .references(() => kitVersions.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => kitSections.id, { onDelete: 'cascade' }),
    questionVersionId: uuid('question_version_id')
      .notNull()
      .references(() => questionVersions.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    minutes: integer('minutes').notNull(),
  },
  (t) => [
    index('kit_items_org_version_idx').on(t.organizationId, t.kitVersionId, t.position),
    check('kit_items_minutes_range', sql`${t.minutes} between 1 and 240`),
  ],
);

export const kitSkillWeights = pgTable(
  'kit_skill_weights',
  {
    organizationId: tenantIdOrBuiltin(),
    kitVersionId: uuid('kit_version_id')
      .notNull()
      .references(() => kitVersions.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'restrict' }),
    weight: integer('weight').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kitVersionId, t.skillId] }),
    index('kit_skill_weights_org_skill_idx').on(t.organizationId, t.skillId),
    check('kit_skill_weights_weight_range', sql`${t.weight} between 1 and 100`),
  ],
);

/**
 * Members an admin has marked qualified to interview with a kit (any of its versions). Scheduling
 * warns when no interviewer-role panelist of an interview holds a row for the interview's kit.
 */
export const kitQualifications = pgTable(
  'kit_qualifications',
  {
    organizationId: tenantId(),
    kitId: uuid('kit_id')
      .notNull()
      .references(() => kits.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    qualifiedByUserId: uuid('qualified_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    qualifiedAt: tstz('qualified_at').notNull().defaultNow(),
  },
  // The organization is part of the key: built-in kits are shared by every organization and a
  // person may belong to several, each qualifying them (or not) on its own.
  (t) => [primaryKey({ columns: [t.organizationId, t.kitId, t.userId] }), index('kit_qualifications_org_user_idx').on(t.organizationId, t.userId)],
);

export type Kit = typeof kits.$inferSelect;
export type KitVersion = typeof kitVersions.$inferSelect;
