// The skill taxonomy. Rows with a null organization_id are built in and visible to every tenant;
// an organization adds its own beside them.
import { index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from './columns';
import { tenantIdOrBuiltin } from './orgs';

export const skillCategories = pgTable(
  'skill_categories',
  {
    id: id(),
    organizationId: tenantIdOrBuiltin(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [unique('skill_categories_org_slug_key').on(t.organizationId, t.slug).nullsNotDistinct()],
);

export const skills = pgTable(
  'skills',
  {
    id: id(),
    organizationId: tenantIdOrBuiltin(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => skillCategories.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    archivedAt: tstz('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('skills_org_slug_key').on(t.organizationId, t.slug).nullsNotDistinct(),
    index('skills_org_category_idx').on(t.organizationId, t.categoryId),
  ],
);

export type SkillCategory = typeof skillCategories.$inferSelect;
export type Skill = typeof skills.$inferSelect;
