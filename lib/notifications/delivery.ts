import 'server-only';
// Writing a notification: the in-app row for each recipient, and the e-mail when the recipient has
// not switched that topic off. Always called inside the transaction of the change (or of the job's
// ledger insert) it reports, so the row and the queued mail exist exactly when that commits.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { type NotificationEmailTopic, type NotificationKind, notificationPreferences, notifications, users } from '@/db/schema';
import { type OutgoingMail, sendMail } from '../mail';
import { absoluteUrl } from '../urls';

export const EMAIL_TOPIC_BY_KIND: Record<NotificationKind, NotificationEmailTopic> = {
  interview_scheduled: 'interview_invites',
  interview_rescheduled: 'interview_invites',
  interview_cancelled: 'interview_invites',
  feedback_reminder: 'feedback_reminders',
  feedback_complete: 'feedback_complete',
  outcome_due: 'outcome_reminders',
};

export interface Recipient {
  userId: string;
  name: string;
  email: string;
  /** Their IANA zone; UTC until their browser or the settings page set one. */
  timeZone: string;
}

/** The recipients' names, addresses and zones; erased accounts receive nothing. */
export async function loadRecipients(db: DbExecutor, userIds: string[]): Promise<Recipient[]> {
  if (!userIds.length) return [];
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, timeZone: users.timeZone })
    .from(users)
    .where(and(inArray(users.id, [...new Set(userIds)]), isNull(users.erasedAt)));
  return rows.map((r) => ({ userId: r.userId, name: r.name ?? r.email, email: r.email, timeZone: r.timeZone ?? 'UTC' }));
}

/** Of these users, the ones who take e-mail on the topic (no preference row: yes). */
async function emailRecipients(db: DbExecutor, userIds: string[], topic: NotificationEmailTopic): Promise<Set<string>> {
  const off = await db
    .select({ userId: notificationPreferences.userId })
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.topic, topic), eq(notificationPreferences.email, false)));
  const optedOut = new Set(off.map((r) => r.userId));
  return new Set(userIds.filter((id) => !optedOut.has(id)));
}

export const NOTIFICATION_SETTINGS_PATH = '/settings/notifications';

/** The footer of every notification e-mail: where to turn it off. */
export function preferencesFooter(): string {
  return `\n\n—\nChoose which e-mails Loopkit sends you: ${absoluteUrl(NOTIFICATION_SETTINGS_PATH)}`;
}

export interface NotifyInput {
  organizationId: string;
  kind: NotificationKind;
  interviewId?: string;
  applicationId?: string;
  recipients: Recipient[];
  /** The e-mail for one recipient (kind and organization are filled in). */
  mail: (recipient: Recipient) => Omit<OutgoingMail, 'kind' | 'organizationId' | 'to'>;
  mailKind: OutgoingMail['kind'];
}

export async function notify(db: DbExecutor, input: NotifyInput): Promise<void> {
  if (!input.recipients.length) return;
  await db.insert(notifications).values(
    input.recipients.map((r) => ({ organizationId: input.organizationId, userId: r.userId, kind: input.kind, interviewId: input.interviewId ?? null, applicationId: input.applicationId ?? null })),
  );
  const byEmail = await emailRecipients(
    db,
    input.recipients.map((r) => r.userId),
    EMAIL_TOPIC_BY_KIND[input.kind],
  );
  for (const recipient of input.recipients) {
    if (!byEmail.has(recipient.userId)) continue;
    const mail = input.mail(recipient);
    await sendMail(db, { ...mail, text: mail.text + preferencesFooter(), kind: input.mailKind, organizationId: input.organizationId, to: recipient.email });
  }
}
