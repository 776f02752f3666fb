import 'server-only';
// Feedback reminders, sent by a sweep on the job queue. A panelist owes feedback once the interview
// has ended (not cancelled, candidate not erased) until their scorecard is submitted. Per the
// organization's settings the first reminder goes out `first` minutes after the end, each next one
// 24 hours after the previous one was sent (a sweep that was down for a while sends one, not a
// burst), up to the limit. The sweep takes `now` so tests control the clock.
//
// Exactly once: each reminder is a numbered row in feedback_reminders, inserted ON CONFLICT DO
// NOTHING in the same transaction that queues its notification and e-mail; when two sweeps (two
// instances, or a retry) reach the same reminder, only the one whose insert returned a row sends.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { feedbackReminders } from '@/db/schema';
import { candidateLabelSql } from '../candidates/blind';
import { queryRows } from '../sql';
import { absoluteUrl } from '../urls';
import { loadRecipients, notify } from './delivery';
import { describeTimeInZone } from './ics';

export const REMINDER_INTERVAL_HOURS = 24;
/**
 * How far back the sweep looks. Settings allow a first reminder up to 7 days after the end and up
 * to 30 reminders; anything older is past every schedule, and the bound lets the scan use the
 * (organization, scheduled_at) index instead of reading every interview ever held.
 */
const LOOKBACK_DAYS = 60;

interface DueReminder {
  organization_id: string;
  interview_id: string;
  application_id: string;
  user_id: string;
  sequence: number;
  reminder_limit: number;
  scheduled_at: Date | string;
  duration_minutes: number;
  candidate: string;
  opening: string;
  stage: string | null;
}

function dueRemindersSql(now: Date) {
  const at = now.toISOString();
  return sql`
    select i.organization_id, i.id as interview_id, i.application_id, p.user_id, coalesce(sent.n, 0) + 1 as sequence, o.feedback_reminder_limit as reminder_limit,
           i.scheduled_at, i.duration_minutes, ${candidateLabelSql('panel', undefined, { opening: 'op', application: 'a', candidate: 'c' })} as candidate, op.title as opening, st.name as stage
    from interviews i
    join organizations o on o.id = i.organization_id and o.feedback_reminders_enabled
    join interview_panelists p on p.interview_id = i.id
    -- someone who left the organization owes it nothing
    join memberships m on m.organization_id = i.organization_id and m.user_id = p.user_id
    join applications a on a.id = i.application_id
    join candidates c on c.id = a.candidate_id and c.erased_at is null
    join openings op on op.id = a.opening_id
    left join opening_stages st on st.id = i.opening_stage_id
    left join lateral (
      select count(*)::int as n, max(r.sent_at) as last_sent_at from feedback_reminders r where r.interview_id = i.id and r.user_id = p.user_id
    ) sent on true
    where i.status <> 'cancelled'
      and i.scheduled_at > ${at}::timestamptz - make_interval(days => ${LOOKBACK_DAYS})
      and i.scheduled_at + make_interval(mins => i.duration_minutes + o.feedback_reminder_first_minutes) <= ${at}::timestamptz
      and not exists (select 1 from scorecards s where s.interview_id = i.id and s.interviewer_user_id = p.user_id and s.status = 'submitted')
      and coalesce(sent.n, 0) < o.feedback_reminder_limit
      and (
        -- the first one, unless its whole series would already be over (an interview from before reminders were on)
        (sent.n = 0 and i.scheduled_at + make_interval(mins => i.duration_minutes + o.feedback_reminder_first_minutes, hours => ${REMINDER_INTERVAL_HOURS} * o.feedback_reminder_limit) > ${at}::timestamptz)
        or sent.last_sent_at + make_interval(hours => ${REMINDER_INTERVAL_HOURS}) <= ${at}::timestamptz
      )
    order by i.scheduled_at`;
}

/** Sends every reminder due at `now`, each in its own transaction; returns how many were due and sent here. */
export async function sendDueFeedbackReminders(db: Database, now: Date): Promise<{ due: number; sent: number }> {
  const due = await queryRows<DueReminder>(db, dueRemindersSql(now));
  let sent = 0;
  for (const reminder of due) {
    const claimed = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(feedbackReminders)
        .values({ organizationId: reminder.organization_id, interviewId: reminder.interview_id, userId: reminder.user_id, sequence: Number(reminder.sequence), sentAt: now })
        .onConflictDoNothing()
        .returning({ sequence: feedbackReminders.sequence });
      if (!row) return false;
      const start = new Date(reminder.scheduled_at);
      const url = absoluteUrl(`/interviews/${reminder.interview_id}`);
      const title = `${reminder.stage ?? 'Interview'} with ${reminder.candidate} (${reminder.opening})`;
      await notify(tx, {
        organizationId: reminder.organization_id,
        kind: 'feedback_reminder',
        mailKind: 'feedback_reminder',
        interviewId: reminder.interview_id,
        applicationId: reminder.application_id,
        recipients: await loadRecipients(tx, [reminder.user_id]),
        mail: (r) => ({
          subject: `Feedback reminder: ${title}`,
          text: [
            `Your scorecard for this interview is not submitted yet: ${title}.`,
            `It took place ${describeTimeInZone(start, reminder.duration_minutes, r.timeZone)}.`,
            '',
            `Submit it while your notes are fresh: ${url}`,
            '',
            `Reminder ${row.sequence} of at most ${reminder.reminder_limit}; they stop as soon as you submit.`,
          ].join('\n'),
        }),
      });
      return true;
    });
    if (claimed) sent++;
  }
  return { due: due.length, sent };
}
