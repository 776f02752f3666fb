import 'server-only';
// Telling the panel about a scheduled, moved or cancelled interview: an in-app notification and an
// e-mail with an iCalendar invite (REQUEST, or CANCEL) per panelist. Called by lib/interviews'
// writes inside their transaction, after the interview row carries its new revision.
import { eq } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { applications, candidates, interviews, kits, kitVersions, openingStages, openings, users } from '@/db/schema';
import { candidateLabelSql } from '../candidates/blind';
import { absoluteUrl } from '../urls';
import { loadRecipients, notify } from './delivery';
import { buildInterviewInvite, describeTimeInZone } from './ics';

export interface InterviewChange {
  organizationId: string;
  interviewId: string;
  actorUserId: string;
  /** Panelists who get a REQUEST: newly invited, or (moved) told the new time. */
  invited: string[];
  /** Panelists who get a REQUEST because the time changed (already had the event). */
  moved: string[];
  /** Panelists who get a CANCEL because the interview was cancelled. */
  cancelled: string[];
  /** Panelists who get a CANCEL because they were taken off the panel. */
  removed: string[];
}

async function loadInterviewFacts(db: DbExecutor, interviewId: string) {
  const [row] = await db
    .select({
      scheduledAt: interviews.scheduledAt,
      durationMinutes: interviews.durationMinutes,
      revision: interviews.revision,
      // Invites and their calendar titles go to the panel: the candidate's code while the opening is blind.
      candidate: candidateLabelSql('panel'),
      opening: openings.title,
      stage: openingStages.name,
      kit: kits.name,
      applicationId: interviews.applicationId,
    })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(openings, eq(openings.id, applications.openingId))
    .innerJoin(kitVersions, eq(kitVersions.id, interviews.kitVersionId))
    .innerJoin(kits, eq(kits.id, kitVersions.kitId))
    .leftJoin(openingStages, eq(openingStages.id, interviews.openingStageId))
    .where(eq(interviews.id, interviewId));
  if (!row) throw new Error(`interview ${interviewId} vanished inside its own transaction`);
  return row;
}

export async function notifyInterviewChange(db: DbExecutor, change: InterviewChange): Promise<void> {
  const facts = await loadInterviewFacts(db, change.interviewId);
  const [actor] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, change.actorUserId));
  const organizer = { name: actor?.name ?? actor?.email ?? 'Loopkit', email: actor?.email ?? 'no-reply@loopkit.invalid' };
  const scorecardUrl = absoluteUrl(`/interviews/${change.interviewId}`);
  const title = `${facts.stage ?? 'Interview'} with ${facts.candidate} (${facts.opening})`;
  const base = { organizationId: change.organizationId, interviewId: change.interviewId, applicationId: facts.applicationId, mailKind: 'interview_invite' as const };

  const invite = (method: 'REQUEST' | 'CANCEL', recipient: { name: string; email: string; timeZone: string }) =>
    buildInterviewInvite({
      method,
      interviewId: change.interviewId,
      sequence: facts.revision,
      start: facts.scheduledAt,
      durationMinutes: facts.durationMinutes,
      summary: `Interview: ${title}`,
      kitName: facts.kit,
      scorecardUrl,
      organizer,
      attendee: { name: recipient.name, email: recipient.email },
      timeZone: recipient.timeZone,
    });

  const lines = (recipient: { timeZone: string }, lead: string) =>
    [lead, '', `When: ${describeTimeInZone(facts.scheduledAt, facts.durationMinutes, recipient.timeZone)}`, `Interview kit: ${facts.kit}`, `Scorecard: ${scorecardUrl}`].join('\n');

  await notify(db, {
    ...base,
    kind: 'interview_scheduled',
    recipients: await loadRecipients(db, change.invited),
    mail: (r) => ({
      subject: `Interview invite: ${title}`,
      text: lines(r, `${organizer.name} added you to the panel of an interview: ${title}. The calendar invite is attached.`),
      calendar: { method: 'REQUEST', content: invite('REQUEST', r) },
    }),
  });
  await notify(db, {
    ...base,
    kind: 'interview_rescheduled',
    recipients: await loadRecipients(db, change.moved),
    mail: (r) => ({
      subject: `Interview moved: ${title}`,
      text: lines(r, `${organizer.name} moved an interview you are on: ${title}. The updated calendar invite is attached.`),
      calendar: { method: 'REQUEST', content: invite('REQUEST', r) },
    }),
  });
  await notify(db, {
    ...base,
    kind: 'interview_cancelled',
    recipients: await loadRecipients(db, change.cancelled),
    mail: (r) => ({
      subject: `Interview cancelled: ${title}`,
      text: [`${organizer.name} cancelled this interview for you: ${title}.`, '', `Was: ${describeTimeInZone(facts.scheduledAt, facts.durationMinutes, r.timeZone)}`].join('\n'),
      calendar: { method: 'CANCEL', content: invite('CANCEL', r) },
    }),
  });
  await notify(db, {
    ...base,
    kind: 'interview_cancelled',
    recipients: await loadRecipients(db, change.removed),
    mail: (r) => ({
      subject: `Interview cancelled: ${title}`,
      text: `${organizer.name} took you off the panel of this interview: ${title}. You owe no feedback for it.`,
      calendar: { method: 'CANCEL', content: invite('CANCEL', r) },
    }),
  });
}
