import 'server-only';
// A member's own notification writes: marking read, their e-mail preferences and time zone, and
// the organization's reminder settings (org:manage).
import { and, eq, isNull } from 'drizzle-orm';
import { notificationPreferences, notifications, organizations, users } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { parseInput } from '../validation';
import { EMAIL_TOPICS, NotificationIdInput, ReportBrowserTimeZoneInput, UpdateNotificationSettingsInput, UpdateReminderSettingsInput } from './schemas';

/** Marks one of the caller's notifications read; anyone else's, or another organization's, is a 404. */
export async function markNotificationRead(ctx: Ctx, input: unknown): Promise<void> {
  const { notificationId } = parseInput(NotificationIdInput, input);
  const mine = and(eq(notifications.id, notificationId), eq(notifications.organizationId, ctx.organizationId), eq(notifications.userId, ctx.userId));
  const [row] = await ctx.db.select({ readAt: notifications.readAt }).from(notifications).where(mine);
  if (!row) throw new NotFoundError('Notification');
  if (!row.readAt) await ctx.db.update(notifications).set({ readAt: new Date() }).where(and(mine, isNull(notifications.readAt)));
}

/** Marks all of the caller's unread notifications in this organization read; returns how many. */
export async function markAllNotificationsRead(ctx: Ctx): Promise<number> {
  const marked = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.organizationId, ctx.organizationId), eq(notifications.userId, ctx.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return marked.length;
}

/** The settings page: time zone and which topics come by e-mail. Personal, so no audit event. */
export async function updateNotificationSettings(ctx: Ctx, input: unknown): Promise<void> {
  const data = parseInput(UpdateNotificationSettingsInput, input);
  await inTransaction(ctx, async ({ db }) => {
    await db.update(users).set({ timeZone: data.timeZone, updatedAt: new Date() }).where(eq(users.id, ctx.userId));
    for (const topic of EMAIL_TOPICS) {
      await db
        .insert(notificationPreferences)
        .values({ userId: ctx.userId, topic, email: data[topic] })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.topic], set: { email: data[topic] } });
    }
  });
}

/**
 * The browser's zone, reported once by the app layout while the account has none. Never
 * overwrites a zone already chosen (a laptop abroad should not move someone's invites).
 */
export async function adoptBrowserTimeZone(ctx: Pick<Ctx, 'db' | 'userId'>, input: unknown): Promise<boolean> {
  const { timeZone } = parseInput(ReportBrowserTimeZoneInput, input);
  const set = await ctx.db.update(users).set({ timeZone }).where(and(eq(users.id, ctx.userId), isNull(users.timeZone))).returning({ id: users.id });
  return set.length > 0;
}

/** The organization's feedback-reminder settings. */
export async function updateReminderSettings(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'org:manage');
  const data = parseInput(UpdateReminderSettingsInput, input);
  return inTransaction(ctx, async ({ db }) => {
    const [updated] = await db.update(organizations).set({ ...data, updatedAt: new Date() }).where(eq(organizations.id, ctx.organizationId)).returning();
    await recordAudit(db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'organization.reminders_updated', entityType: 'organization', entityId: ctx.organizationId, data });
    return updated!;
  });
}
