// Openings (roles being hired for), their interview loop of ordered stages, and skill weights
// that the dashboard's weighted composite uses.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, updatedAt } from './columns';
import { blindReviewMode, openingStatus, seniorityLevel } from './enums';
import { kits } from './kits';
import { tenantId } from './orgs';
import { skills } from './skills';

export const openings = pgTable(
  'openings',
  {
    id: id(),
    organizationId: tenantId(),
    title: text('title').notNull(),
    level: seniorityLevel('level').notNull(),
    status: openingStatus('status').notNull().default('open'),
    description: text('description').notNull().default(''),
    hiringManagerUserId: uuid('hiring_manager_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who sees candidate codes instead of names until a final decision (lib/candidates/blind.ts). */
    blindReview: blindReviewMode('blind_review').notNull().default('off'),
    /** Bumped by every edit of the opening, its loop or its weights; stale edits are refused (409). */
    revision: integer('revision').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('openings_org_status_idx').on(t.organizationId, t.status, t.createdAt),
    check('openings_revision_nonnegative', sql`${t.revision} >= 0`),
  ],
);

export const openingStages = pgTable(
  'opening_stages',
  {
    id: id(),
    organizationId: tenantId(),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    kitId: uuid('kit_id').references(() => kits.id, { onDelete: 'set null' }),
    durationMinutes: integer('duration_minutes').notNull().default(60),
  },
  (t) => [
    index('opening_stages_org_opening_idx').on(t.organizationId, t.openingId, t.position),
    check('opening_stages_duration_range', sql`${t.durationMinutes} between 5 and 600`),
  ],
);

export const openingSkillWeights = pgTable(
  'opening_skill_weights',
  {
    organizationId: tenantId(),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'restrict' }),
    weight: integer('weight').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.openingId, t.skillId] }),
    index('opening_skill_weights_org_opening_idx').on(t.organizationId, t.openingId),
    check('opening_skill_weights_weight_range', sql`${t.weight} between 1 and 100`),
  ],
);

export type Opening = typeof openings.$inferSelect;
export type OpeningStage = typeof openingStages.$inferSelect;
