import 'server-only';
// "A post-hire outcome is due", sent by a sweep on the job queue once a hire's checkpoint falls
// due (lib/outcomes/checkpoints.ts) and nothing is recorded for it yet. It goes to the opening's
// hiring manager and to whoever recorded the hire decision — once per checkpoint: the ledger row
// (outcome_reminders, keyed by application and checkpoint) is inserted ON CONFLICT DO NOTHING in
// the transaction that notifies, so two sweeps or a retry send it once, and a checkpoint recorded
// before it fell due is never reminded of. The sweep takes `now` so tests control the clock.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { outcomeReminders } from '@/db/schema';
import { candidateLabelSql } from '../candidates/blind';
import { checkpointDueSql, checkpointValuesSql, hiredAtSql } from '../outcomes/checkpoints';
import { CHECKPOINT_ADJECTIVES, CHECKPOINT_LABELS, type OutcomeCheckpoint } from '../outcomes/schemas';
import { queryRows } from '../sql';
import { absoluteUrl } from '../urls';
import { loadRecipients, notify } from './delivery';

/**
 * How long after its due date a checkpoint is still reminded of. Bounds the scan, and keeps the
 * first sweep after this feature ships from announcing every checkpoint of years of past hires.
 */
const LOOKBACK_DAYS = 60;

interface DueOutcome {
  organization_id: string;
  application_id: string;
  checkpoint: OutcomeCheckpoint;
  due_at: Date | string;
  candidate: string;
  opening: string;
  recipients: string[];
}

function dueOutcomesSql(now: Date) {
  const at = now.toISOString();
  const due = checkpointDueSql(hiredAtSql('a'), sql`cp.checkpoint`);
  return sql`
    select a.organization_id, a.id as application_id, cp.checkpoint, ${due} as due_at,
           ${candidateLabelSql('dashboard', undefined, { opening: 'op', application: 'a', candidate: 'c' })} as candidate, op.title as opening,
           array_remove(array[op.hiring_manager_user_id, hire.decided_by_user_id], null)::text[] as recipients
    from applications a
    cross join ${checkpointValuesSql()}
    join candidates c on c.id = a.candidate_id and c.erased_at is null
    join openings op on op.id = a.opening_id
    left join lateral (
      select d.decided_by_user_id from application_decisions d
      where d.application_id = a.id and d.organization_id = a.organization_id and d.outcome = 'hire'
      order by d.revision desc limit 1
    ) hire on true
    where a.stage = 'hired'
      and ${due} <= ${at}::timestamptz
      and ${due} > ${at}::timestamptz - make_interval(days => ${LOOKBACK_DAYS})
      and not exists (select 1 from post_hire_outcomes o where o.application_id = a.id and o.organization_id = a.organization_id and o.checkpoint = cp.checkpoint)
      and not exists (select 1 from outcome_reminders r where r.application_id = a.id and r.checkpoint = cp.checkpoint)
    order by 4`;
}

/** Sends every outcome reminder due at `now`, each in its own transaction; returns how many were due and sent here. */
export async function sendDueOutcomeReminders(db: Database, now: Date): Promise<{ due: number; sent: number }> {
  const due = await queryRows<DueOutcome>(db, dueOutcomesSql(now));
  let sent = 0;
  for (const item of due) {
    const claimed = await db.transaction(async (tx) => {
      // Only current members hear of it: someone who left the organization owes it nothing. With
      // nobody to tell (no hiring manager, a hire moved by hand, everyone gone) the checkpoint is
      // not marked as reminded, so it is announced once someone is there to hear it.
      const members = await queryRows<{ user_id: string }>(
        tx,
        sql`select user_id from memberships where organization_id = ${item.organization_id} and user_id = any(${`{${item.recipients.join(',')}}`}::uuid[])`,
      );
      if (!members.length) return false;
      const [row] = await tx
        .insert(outcomeReminders)
        .values({ organizationId: item.organization_id, applicationId: item.application_id, checkpoint: item.checkpoint, sentAt: now })
        .onConflictDoNothing()
        .returning({ applicationId: outcomeReminders.applicationId });
      if (!row) return false;
      const label = CHECKPOINT_LABELS[item.checkpoint];
      const url = absoluteUrl(`/applications/${item.application_id}/debrief#post-hire-outcomes`);
      await notify(tx, {
        organizationId: item.organization_id,
        kind: 'outcome_due',
        mailKind: 'outcome_reminder',
        applicationId: item.application_id,
        recipients: await loadRecipients(
          tx,
          members.map((m) => m.user_id),
        ),
        mail: () => ({
          subject: `Post-hire outcome due: ${item.candidate} (${item.opening}), ${label}`,
          text: [
            `${item.candidate} was hired for ${item.opening}; the ${CHECKPOINT_ADJECTIVES[item.checkpoint]} checkpoint is due.`,
            'Rate their overall performance and the opening’s skills on the same 1–4 scale as the interviews, and say whether they are still employed.',
            '',
            `Record it here: ${url}`,
            '',
            'Outcomes feed the predictive-validity report, which shows only aggregates. This is the only reminder for this checkpoint.',
          ].join('\n'),
        }),
      });
      return true;
    });
    if (claimed) sent++;
  }
  return { due: due.length, sent };
}
