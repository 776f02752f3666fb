import 'server-only';
// Every background job of the app, declared in one list. To add one: write an idempotent handler,
// add `defineJob({ name, handler, schedule? })` below; the queue is created and (for a schedule)
// the cron entry registered on the next start. Send it with enqueue('name', data).
import { pruneApiKeyRateWindows } from '../api-keys/authenticate';
import { pruneLoginAttempts } from '../auth/rate-limit';
import { pruneExpiredSessions } from '../auth/sessions';
import { pruneSsoTickets } from '../sso/flow';
import { pruneAccountEmailRecords } from '../auth/user-tokens';
import { eraseExpiredCandidates } from '../candidates/retention';
import { pruneIdempotencyKeys } from '../idempotency';
import { deliverMail } from '../mail';
import { announceFeedbackComplete, type FeedbackCompleteCheck } from '../notifications/feedback-complete';
import { sendDueOutcomeReminders } from '../notifications/outcome-reminders';
import { sendDueFeedbackReminders } from '../notifications/reminders';
import { deliverWebhook, type WebhookDeliveryJob } from '../webhooks/delivery';
import { defineJob } from './types';

export const mailSendJob = defineJob({
  name: 'mail.send',
  handler: deliverMail,
  // An SMTP server that is down for a while: 1 min, 2, 4, … about two hours of tries in all.
  retryLimit: 8,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 5 * 60,
});

export const pruneAccountEmailRecordsJob = defineJob({
  name: 'auth.prune-email-records',
  handler: (_data: Record<string, never>, { db }) => pruneAccountEmailRecords(db),
  schedule: '17 3 * * *',
  policy: 'stately',
});

/** Sign-in attempts older than a day, sessions past their end and spent SSO tickets: counters and rows nobody reads again. */
export const pruneSignInRecordsJob = defineJob({
  name: 'auth.prune-sign-in-records',
  handler: async (_data: Record<string, never>, { db }) => {
    const now = new Date();
    const [attempts, sessions, tickets] = await Promise.all([pruneLoginAttempts(db, now), pruneExpiredSessions(db, now), pruneSsoTickets(db, now)]);
    if (attempts + sessions + tickets) console.log(`[jobs] pruned ${attempts} sign-in attempt(s), ${sessions} ended session(s) and ${tickets} SSO ticket(s)`);
  },
  schedule: '23 3 * * *',
  policy: 'stately',
});

/**
 * Retention (GDPR Art. 5(1)(e)): erases the rejected and withdrawn candidates whose organization's
 * retention period has passed. Idempotent — an erased candidate is never due again, and each
 * erasure re-checks under the candidate's lock — so a retried or doubled run erases nobody twice.
 */
export const candidateRetentionJob = defineJob({
  name: 'candidates.retention',
  handler: async (_data: Record<string, never>, { db }) => {
    const { due, erased } = await eraseExpiredCandidates(db, new Date());
    if (due) console.log(`[jobs] retention: ${erased} of ${due} due candidate(s) erased`);
  },
  schedule: '41 2 * * *',
  policy: 'stately',
  expireInSeconds: 60 * 60,
});

/**
 * Feedback reminders: every 10 minutes, the sweep sends what is due (lib/notifications/reminders.ts).
 * 'stately' keeps one sweep at a time; the ledger's unique key keeps each reminder single anyway.
 */
export const feedbackRemindersJob = defineJob({
  name: 'notifications.feedback-reminders',
  handler: async (_data: Record<string, never>, { db }) => {
    const { sent } = await sendDueFeedbackReminders(db, new Date());
    if (sent) console.log(`[jobs] sent ${sent} feedback reminder(s)`);
  },
  schedule: '*/10 * * * *',
  policy: 'stately',
  expireInSeconds: 10 * 60,
});

/**
 * Post-hire outcome reminders: hourly, the sweep tells hiring managers of checkpoints that fell
 * due (lib/notifications/outcome-reminders.ts); its ledger keeps each to one reminder.
 */
export const outcomeRemindersJob = defineJob({
  name: 'notifications.outcome-reminders',
  handler: async (_data: Record<string, never>, { db }) => {
    const { sent } = await sendDueOutcomeReminders(db, new Date());
    if (sent) console.log(`[jobs] sent ${sent} post-hire outcome reminder(s)`);
  },
  schedule: '29 * * * *',
  policy: 'stately',
  expireInSeconds: 10 * 60,
});

/** Queued by every scorecard submission: tells the hiring team once all of a candidate's feedback is in. */
export const feedbackCompleteJob = defineJob({
  name: 'notifications.feedback-complete',
  handler: async (data: FeedbackCompleteCheck, { db }) => {
    await announceFeedbackComplete(db, data);
  },
});

/** Idempotency-Key answers past their 24 hours and API-key rate-limit windows past the hour. */
export const pruneApiRecordsJob = defineJob({
  name: 'api.prune-records',
  handler: async (_data: Record<string, never>, { db }) => {
    const now = new Date();
    const [answers, windows] = await Promise.all([pruneIdempotencyKeys(db, now), pruneApiKeyRateWindows(db, now)]);
    if (answers + windows) console.log(`[jobs] pruned ${answers} idempotency answer(s) and ${windows} rate-limit window(s)`);
  },
  schedule: '7 * * * *',
  policy: 'stately',
});

/**
 * One webhook delivery attempt (lib/webhooks/delivery.ts). Its own back-off schedule
 * (WEBHOOK_RETRY_SCHEDULE) queues the next attempt as a new job, so pg-boss's retries only cover a
 * worker that died mid-attempt; the delivery row's claim keeps that from sending twice at once.
 */
export const webhookDeliverJob = defineJob({
  name: 'webhooks.deliver',
  handler: async (data: WebhookDeliveryJob, { db }) => {
    await deliverWebhook(db, data);
  },
  retryLimit: 2,
  retryDelaySeconds: 60,
  expireInSeconds: 5 * 60,
});

export const jobs = [mailSendJob, pruneAccountEmailRecordsJob, pruneSignInRecordsJob, candidateRetentionJob, feedbackRemindersJob, outcomeRemindersJob, feedbackCompleteJob, pruneApiRecordsJob, webhookDeliverJob] as const;

type RegisteredJob = (typeof jobs)[number];
export type JobName = RegisteredJob['name'];
export type JobDataByName = { [J in RegisteredJob as J['name']]: Parameters<J['handler']>[0] };
