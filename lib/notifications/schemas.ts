// Inputs of the notification settings and the in-app list; safe to import in the browser.
import { z } from 'zod';

export const EMAIL_TOPICS = ['interview_invites', 'feedback_reminders', 'feedback_complete', 'outcome_reminders'] as const;
export type EmailTopic = (typeof EMAIL_TOPICS)[number];

export const EMAIL_TOPIC_LABELS: Record<EmailTopic, { label: string; hint: string }> = {
  interview_invites: { label: 'Interview invites', hint: 'When you are put on a panel, an interview moves or is cancelled — with a calendar invite.' },
  feedback_reminders: { label: 'Feedback reminders', hint: 'When your scorecard for an interview that has ended is still not submitted.' },
  feedback_complete: { label: '“All feedback is in”', hint: 'For candidates whose interviews you scheduled or whose opening you manage.' },
  outcome_reminders: { label: 'Post-hire outcomes due', hint: 'When a hire you decided or whose opening you manage reaches the 90-day or 12-month checkpoint.' },
};

/** The zones this runtime knows, plus UTC (which Intl does not always list). */
export function supportedTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

export const TimeZoneName = z
  .string({ error: 'Choose a time zone' })
  .trim()
  .min(1, 'Choose a time zone')
  .max(64, 'Choose a time zone from the list')
  .refine((zone) => supportedTimeZones().includes(zone), 'Choose a time zone from the list (an IANA name such as Europe/Berlin)');

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const UpdateNotificationSettingsInput = z.object({
  timeZone: TimeZoneName,
  interview_invites: checkbox,
  feedback_reminders: checkbox,
  feedback_complete: checkbox,
  outcome_reminders: checkbox,
});

/** What the browser reports the first time, when the account has no zone yet. */
export const ReportBrowserTimeZoneInput = z.object({ timeZone: TimeZoneName });

export const NotificationIdInput = z.object({ notificationId: z.uuid({ error: 'Notification is not a valid id' }) });

const minutes = (max: number, message: string) => z.coerce.number({ error: 'Enter a number of minutes' }).int('Enter a whole number of minutes').min(0, 'Enter 0 or more minutes').max(max, message);

export const UpdateReminderSettingsInput = z.object({
  feedbackRemindersEnabled: checkbox,
  feedbackReminderFirstMinutes: minutes(10_080, 'Send the first reminder within 7 days (10080 minutes)'),
  feedbackReminderLimit: z.coerce.number({ error: 'Enter a number of reminders' }).int('Enter a whole number').min(1, 'Send at least 1 reminder').max(30, 'Send at most 30 reminders'),
});
