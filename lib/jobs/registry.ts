import 'server-only';
// Every background job of the app, declared in one list. To add one: write an idempotent handler,
// add `defineJob({ name, handler, schedule? })` below; the queue is created and (for a schedule)
// the cron entry registered on the next start. Send it with enqueue('name', data).
import { pruneAccountEmailRecords } from '../auth/user-tokens';
import { deliverMail } from '../mail';
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

export const jobs = [mailSendJob, pruneAccountEmailRecordsJob] as const;

type RegisteredJob = (typeof jobs)[number];
export type JobName = RegisteredJob['name'];
export type JobDataByName = { [J in RegisteredJob as J['name']]: Parameters<J['handler']>[0] };
