import 'server-only';
// Records when an interview really began, for the live clock: the first time a panelist has the
// scorecard open once the scheduled time has passed. The page asks for it with a POST (viewing
// never writes); every later call, by any panelist, answers the instant first recorded, so all
// of the panel and every reload count from the same start.
import { and, eq, sql } from 'drizzle-orm';
import { interviews } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { parseInput } from '../validation';
import { InterviewNotStartedError, loadInterviewForPanelist, recordedStart, startNotRecordedSql } from './interview';
import { InterviewIdInput } from './schemas';

export async function startInterview(ctx: Ctx, input: unknown): Promise<{ startedAt: string }> {
  requirePermission(ctx, 'scorecard:write_own');
  const { interviewId } = parseInput(InterviewIdInput, input);
  return inTransaction(ctx, async (tx) => {
    // Panelists only; another organization's interview is missing, a cancelled one refused.
    const row = await loadInterviewForPanelist(tx, interviewId);
    if (!row.started) throw new InterviewNotStartedError(row.interview.scheduledAt);
    // Conditional on no start being recorded yet, so two panelists opening at once record one
    // start: the second update waits for the first row lock and then matches nothing. The
    // revision is left alone: this is not an edit a rescheduler could conflict with.
    const [recorded] = await tx.db
      .update(interviews)
      .set({ startedAt: sql`greatest(now(), ${interviews.scheduledAt})` })
      .where(and(eq(interviews.id, interviewId), eq(interviews.organizationId, ctx.organizationId), startNotRecordedSql))
      .returning({ startedAt: interviews.startedAt, scheduledAt: interviews.scheduledAt });
    if (recorded) {
      await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'interview.started', entityType: 'interview', entityId: interviewId, data: {} });
      return { startedAt: recorded.startedAt!.toISOString() };
    }
    const [current] = await tx.db.select({ startedAt: interviews.startedAt, scheduledAt: interviews.scheduledAt }).from(interviews).where(eq(interviews.id, interviewId));
    return { startedAt: recordedStart(current!)!.toISOString() };
  });
}
