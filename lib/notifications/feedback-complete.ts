import 'server-only';
// "All feedback is in": once every panelist of every started interview of an application has
// submitted, the opening's hiring manager and whoever scheduled those interviews are told, with a
// link to the debrief. submitScorecard queues a check in its transaction; the check runs after the
// commit on the queue, so two last cards submitted at the same moment — each transaction blind to
// the other — are seen together by the check.
//
// Exactly once per completion: the ledger's key is a digest of the submitted cards (id and
// submission time) that make up the complete set. Two checks of the same completion compute the
// same key and only one inserts; a card reopened and submitted again makes a new key, and the
// hiring manager hears again — the feedback did change.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '@/db/client';
import { feedbackCompletions } from '@/db/schema';
import { candidateLabelSql } from '../candidates/blind';
import { enqueue } from '../jobs/enqueue';
import { queryRows } from '../sql';
import { countedPanelistSql } from '../scorecards/counted';
import { absoluteUrl } from '../urls';
import { emitWebhookEvent } from '../webhooks/emit';
import { loadRecipients, notify } from './delivery';

export interface FeedbackCompleteCheck {
  applicationId: string;
}

/** Queues the check; call inside the transaction that submitted a scorecard. */
export async function queueFeedbackCompleteCheck(db: DbExecutor, applicationId: string): Promise<void> {
  await enqueue('notifications.feedback-complete', { applicationId }, { db });
}

interface PanelSeat {
  organization_id: string;
  scorecard_id: string | null;
  submitted_at: string | Date | null;
  created_by_user_id: string | null;
  hiring_manager_user_id: string | null;
  candidate: string;
  opening: string;
  erased: boolean;
}

/** The job: announces the application's complete feedback if it is complete and not yet announced. */
export async function announceFeedbackComplete(db: Database, { applicationId }: FeedbackCompleteCheck): Promise<boolean> {
  // Every counted seat on every started interview (the same "started" as the independent-scoring
  // rule). Shadows still owe their card and get reminders, but never hold up "all feedback is in".
  const seats = await queryRows<PanelSeat>(
    db,
    sql`select i.organization_id, s.id as scorecard_id, s.submitted_at, i.created_by_user_id, op.hiring_manager_user_id,
               ${candidateLabelSql('dashboard', undefined, { opening: 'op', application: 'a', candidate: 'c' })} as candidate, op.title as opening, c.erased_at is not null as erased
        from interviews i
        join interview_panelists p on p.interview_id = i.id
        join applications a on a.id = i.application_id
        join candidates c on c.id = a.candidate_id
        join openings op on op.id = a.opening_id
        left join scorecards s on s.interview_id = i.id and s.interviewer_user_id = p.user_id and s.status = 'submitted'
        where i.application_id = ${applicationId} and i.status <> 'cancelled' and i.scheduled_at <= now() and ${countedPanelistSql('p')}`,
  );
  if (!seats.length || seats.some((s) => !s.scorecard_id || s.erased)) return false;
  const first = seats[0]!;
  const completionKey = createHash('sha256')
    .update(
      seats
        .map((s) => `${s.scorecard_id}@${new Date(s.submitted_at!).toISOString()}`)
        .sort()
        .join('\n'),
    )
    .digest('hex');
  return db.transaction(async (tx) => {
    const [claimed] = await tx.insert(feedbackCompletions).values({ organizationId: first.organization_id, applicationId, completionKey }).onConflictDoNothing().returning({ id: feedbackCompletions.id });
    if (!claimed) return false;
    // The same exactly-once claim covers the webhook: one event per completion.
    await emitWebhookEvent(tx, first.organization_id, 'interview.feedback_complete', {
      applicationId,
      completionId: claimed.id,
      scorecardIds: [...new Set(seats.map((s) => s.scorecard_id!))].sort(),
    });
    // Only people still in the organization: a departed scheduler has no debrief to open.
    const wanted = [...new Set(seats.flatMap((s) => [s.hiring_manager_user_id, s.created_by_user_id]).filter((id): id is string => Boolean(id)))];
    const members = wanted.length
      ? (await queryRows<{ user_id: string }>(tx, sql`select user_id from memberships where organization_id = ${first.organization_id} and user_id in (${sql.join(wanted.map((id) => sql`${id}::uuid`), sql`, `)})`)).map((r) => r.user_id)
      : [];
    const url = absoluteUrl(`/applications/${applicationId}/debrief`);
    await notify(tx, {
      organizationId: first.organization_id,
      kind: 'feedback_complete',
      mailKind: 'feedback_complete',
      applicationId,
      recipients: await loadRecipients(tx, members),
      mail: () => ({
        subject: `All feedback is in: ${first.candidate} (${first.opening})`,
        text: [`Every interviewer has submitted their scorecard for ${first.candidate} (${first.opening}).`, '', `Open the debrief: ${url}`].join('\n'),
      }),
    });
    return true;
  });
}
