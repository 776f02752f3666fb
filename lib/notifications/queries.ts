import 'server-only';
// The in-app list, as its recipient reads it: their own notifications in the active organization,
// newest first, with what each is about rendered from the current rows (so an erased candidate's
// name is gone from old notifications too, and nothing personal was ever copied into them).
import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { applications, candidates, interviews, type NotificationKind, notificationPreferences, notifications, openingStages, openings, users } from '@/db/schema';
import { candidateLabelSql } from '../candidates/blind';
import type { Ctx } from '../context';
import { EMAIL_TOPICS, type EmailTopic } from './schemas';

export const NOTIFICATIONS_PAGE_SIZE = 50;

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  createdAt: Date;
  readAt: Date | null;
  interviewId: string | null;
  applicationId: string | null;
  candidate: string | null;
  opening: string | null;
  stage: string | null;
  scheduledAt: Date | null;
  /** Where the notification leads. */
  href: string;
}

function hrefFor(kind: NotificationKind, interviewId: string | null, applicationId: string | null): string {
  if (kind === 'feedback_complete' && applicationId) return `/applications/${applicationId}/debrief`;
  if (kind === 'outcome_due' && applicationId) return `/applications/${applicationId}/debrief#post-hire-outcomes`;
  if (interviewId) return `/interviews/${interviewId}`;
  return '/notifications';
}

export async function listNotifications(ctx: Ctx, options: { before?: Date } = {}): Promise<NotificationItem[]> {
  const rows = await ctx.db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      interviewId: notifications.interviewId,
      applicationId: notifications.applicationId,
      // As the message it stands for was written: the debrief's audience, or the panel's.
      candidate: sql<string | null>`case when ${notifications.kind} in ('feedback_complete', 'outcome_due') then ${candidateLabelSql('dashboard', ctx)} else ${candidateLabelSql('panel', ctx)} end`,
      opening: openings.title,
      stage: openingStages.name,
      scheduledAt: interviews.scheduledAt,
    })
    .from(notifications)
    .leftJoin(interviews, eq(interviews.id, notifications.interviewId))
    .leftJoin(applications, eq(applications.id, notifications.applicationId))
    .leftJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(openings, eq(openings.id, applications.openingId))
    .leftJoin(openingStages, eq(openingStages.id, interviews.openingStageId))
    .where(and(eq(notifications.organizationId, ctx.organizationId), eq(notifications.userId, ctx.userId), options.before ? lt(notifications.createdAt, options.before) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE);
  return rows.map((r) => ({ ...r, href: hrefFor(r.kind, r.interviewId, r.applicationId) }));
}

/** What the app's header needs on every page, in one round trip: the bell's number and whether the account has a zone yet. */
export async function getHeaderNotificationState(ctx: Ctx): Promise<{ unread: number; hasTimeZone: boolean }> {
  const [row] = await ctx.db
    .select({
      unread: sql<number>`(select count(*)::int from ${notifications} where ${notifications.organizationId} = ${ctx.organizationId} and ${notifications.userId} = ${ctx.userId} and ${notifications.readAt} is null)`,
      timeZone: users.timeZone,
    })
    .from(users)
    .where(eq(users.id, ctx.userId));
  return { unread: Number(row?.unread ?? 0), hasTimeZone: Boolean(row?.timeZone) };
}

/** The bell's number. */
export async function countUnreadNotifications(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.organizationId, ctx.organizationId), eq(notifications.userId, ctx.userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export interface NotificationSettings {
  timeZone: string | null;
  email: Record<EmailTopic, boolean>;
}

export async function getNotificationSettings(ctx: Ctx): Promise<NotificationSettings> {
  const [user] = await ctx.db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, ctx.userId));
  const prefs = await ctx.db
    .select({ topic: notificationPreferences.topic, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, ctx.userId), inArray(notificationPreferences.topic, [...EMAIL_TOPICS])));
  const email = Object.fromEntries(EMAIL_TOPICS.map((t) => [t, prefs.find((p) => p.topic === t)?.email ?? true])) as Record<EmailTopic, boolean>;
  return { timeZone: user?.timeZone ?? null, email };
}
