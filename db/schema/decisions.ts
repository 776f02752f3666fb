// A hiring manager's recorded outcome of a debrief, per application. Rows are only ever added: a
// later decision supersedes the earlier ones (higher revision), which stay readable as history.
import { sql } from 'drizzle-orm';
import { check, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { applications } from './candidates';
import { id, tstz } from './columns';
import { tenantId } from './orgs';

export const decisionOutcome = pgEnum('decision_outcome', ['advance', 'hire', 'reject', 'hold']);

export const applicationDecisions = pgTable(
  'application_decisions',
  {
    id: id(),
    organizationId: tenantId(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… per application; the unique key makes two decisions based on the same one collide. */
    revision: integer('revision').notNull(),
    outcome: decisionOutcome('outcome').notNull(),
    /** Free text about a person: erased with the candidate, never copied into the audit log. */
    rationale: text('rationale').notNull(),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: tstz('decided_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('application_decisions_application_revision_key').on(t.organizationId, t.applicationId, t.revision),
    check('application_decisions_revision_positive', sql`${t.revision} >= 1`),
  ],
);

export type ApplicationDecision = typeof applicationDecisions.$inferSelect;
