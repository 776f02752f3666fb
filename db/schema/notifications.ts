// Notifications: the in-app list (one row per recipient and event, pointing at the interview or
// application it is about — texts are rendered when read, so nothing personal is copied here), each
// user's e-mail preferences, and the ledgers that make reminders and "all feedback is in" go out
// exactly once however many workers run.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { applications } from './candidates';
import { createdAt, id, tstz } from './columns';
import { interviews } from './interviews';
import { tenantId } from './orgs';

export const notificationKind = pgEnum('notification_kind', [
  'interview_scheduled',
  'interview_rescheduled',
  'interview_cancelled',
  'feedback_reminder',
  'feedback_complete',
  'outcome_due',
]);

/** What a user can switch off by e-mail (the in-app list always gets everything). */
export const notificationEmailTopic = pgEnum('notification_email_topic', ['interview_invites', 'feedback_reminders', 'feedback_complete', 'outcome_reminders']);

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    organizationId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    interviewId: uuid('interview_id').references(() => interviews.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    readAt: tstz('read_at'),
  },
  (t) => [
    index('notifications_org_user_created_idx').on(t.organizationId, t.userId, t.createdAt),
    // The bell's count on every page: unread rows only.
    index('notifications_unread_idx').on(t.organizationId, t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** A missing row means "yes, e-mail me": every topic is on by default. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    topic: notificationEmailTopic('topic').notNull(),
    email: boolean('email').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topic] })],
);

/**
 * Each reminder sent, numbered per (interview, panelist). The unique key is the exactly-once
 * guarantee: a sweep inserts the next number with ON CONFLICT DO NOTHING and only the worker whose
 * insert returned a row sends it.
 */
export const feedbackReminders = pgTable(
  'feedback_reminders',
  {
    organizationId: tenantId(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    sentAt: tstz('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.userId, t.sequence] }), check('feedback_reminders_sequence_positive', sql`${t.sequence} >= 1`)],
);

/**
 * "All feedback is in", once per completion: the key is a digest of the submitted scorecards (id
 * and submission time) that completed the application, so two jobs seeing the same completion
 * insert one row, and a reopened card submitted again is a new completion.
 */
export const feedbackCompletions = pgTable(
  'feedback_completions',
  {
    id: id(),
    organizationId: tenantId(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    completionKey: text('completion_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('feedback_completions_application_key').on(t.applicationId, t.completionKey)],
);

export type Notification = typeof notifications.$inferSelect;
export type NotificationKind = (typeof notificationKind.enumValues)[number];
export type NotificationEmailTopic = (typeof notificationEmailTopic.enumValues)[number];
