// Notifications in integration tests: run the queued notification jobs with their real handlers
// (no worker runs), and read the invites in the outbox back with an iCalendar parser.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { Database } from '@/db/client';
import { mailOutbox, notifications } from '@/db/schema';
import { announceFeedbackComplete, type FeedbackCompleteCheck } from '@/lib/notifications/feedback-complete';
import { queryRows } from '@/lib/sql';
import { deliverQueuedMail } from './mail';

/** Runs every queued "all feedback is in" check once, as the worker would, then delivers the mail. */
export async function runFeedbackCompleteChecks(db: Database): Promise<number> {
  const jobs = await queryRows<{ id: string; data: FeedbackCompleteCheck }>(
    db,
    sql`update pgboss.job set state = 'completed', completed_on = now() where name = 'notifications.feedback-complete' and state = 'created' returning id, data`,
  );
  for (const job of jobs) await announceFeedbackComplete(db, job.data);
  await deliverQueuedMail(db);
  return jobs.length;
}

/** Every mail to an address, oldest first, after delivering what is queued. */
export async function mailsTo(db: Database, to: string, kind?: string) {
  await deliverQueuedMail(db);
  return db
    .select()
    .from(mailOutbox)
    .where(and(sql`lower(${mailOutbox.recipient}) = ${to.toLowerCase()}`, kind ? eq(mailOutbox.kind, kind) : undefined))
    .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.subject));
}

export interface ParsedInvite {
  method: string;
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  status: string;
  organizer: string;
  attendees: string[];
}

/** Parses an invite with ical.js (not the library that wrote it), so the test checks RFC 5545 text. */
export function parseInvite(ics: string | null | undefined): ParsedInvite {
  if (!ics) throw new Error('the mail carries no calendar invite');
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error(`no VEVENT in ${ics}`);
  const event = new ICAL.Event(vevent);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    summary: event.summary,
    description: event.description,
    status: String(vevent.getFirstPropertyValue('status')),
    organizer: String(vevent.getFirstPropertyValue('organizer')),
    attendees: vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
  };
}

/** A user's notifications about some interviews or applications, oldest first. */
export async function notificationsOf(db: Database, userId: string, about: { interviewId?: string; applicationId?: string }) {
  return db
    .select({ kind: notifications.kind, readAt: notifications.readAt, id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        about.interviewId ? inArray(notifications.interviewId, [about.interviewId]) : undefined,
        about.applicationId ? eq(notifications.applicationId, about.applicationId) : undefined,
      ),
    )
    .orderBy(asc(notifications.createdAt));
}
