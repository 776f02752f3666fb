// Interviews: one stage for one application, with its panel and the kit version it pinned.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { applications } from './candidates';
import { createdAt, id, tstz, updatedAt } from './columns';
import { interviewStatus, panelRole } from './enums';
import { kitVersions } from './kits';
import { openingStages } from './openings';
import { tenantId } from './orgs';

export const interviews = pgTable(
  'interviews',
  {
    id: id(),
    organizationId: tenantId(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    openingStageId: uuid('opening_stage_id').references(() => openingStages.id, { onDelete: 'set null' }),
    /** Pinned when scheduled: later kit edits never change this interview. */
    kitVersionId: uuid('kit_version_id')
      .notNull()
      .references(() => kitVersions.id, { onDelete: 'restrict' }),
    scheduledAt: tstz('scheduled_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    status: interviewStatus('status').notNull().default('scheduled'),
    /** Why it was cancelled: free text that may name the candidate, so it lives here (erasable), not in the audit log. */
    cancellationReason: text('cancellation_reason'),
    /**
     * When the interview really began: the first moment a panelist had its live scorecard open
     * once the scheduled time had passed (a deliberate POST from the page, never a page view).
     * The live clock counts from it, so a reload resumes instead of restarting at 0:00. A value
     * before scheduled_at (the interview was moved later) does not count and is recorded again.
     */
    startedAt: tstz('started_at'),
    /** Bumped by every reschedule or cancellation; a change based on an older revision is refused (409). */
    revision: integer('revision').notNull().default(0),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('interviews_org_scheduled_idx').on(t.organizationId, t.scheduledAt),
    index('interviews_org_application_idx').on(t.organizationId, t.applicationId),
    check('interviews_duration_range', sql`${t.durationMinutes} between 5 and 600`),
    check('interviews_revision_nonnegative', sql`${t.revision} >= 0`),
  ],
);

export const interviewPanelists = pgTable(
  'interview_panelists',
  {
    organizationId: tenantId(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Shadow and reverse-shadow panelists write a card that never counts (db/counted.ts). */
    role: panelRole('role').notNull().default('interviewer'),
  },
  (t) => [
    primaryKey({ columns: [t.interviewId, t.userId] }),
    index('interview_panelists_org_user_idx').on(t.organizationId, t.userId),
  ],
);

export type Interview = typeof interviews.$inferSelect;
export type PanelRole = (typeof panelRole.enumValues)[number];
