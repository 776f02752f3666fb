import 'server-only';
// Recording a hiring decision: the one place a decision is written. It inserts the decision,
// moves the application's stage to match, and audits both in one transaction — so whatever later
// reacts to decisions (notifications, webhooks) hooks in here, inside this transaction, and sees
// exactly the decisions that committed.
import { and, asc, eq } from 'drizzle-orm';
import { applicationDecisions, applications, candidates, openingStages, openings } from '@/db/schema';
import { recordAudit } from '../audit';
import { emitWebhookEvents, type WebhookEvent } from '../webhooks/emit';
import { can, type Ctx, inTransaction } from '../context';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { parseInput } from '../validation';
import { type DecisionRecord, listApplicationDecisions } from './queries';
import { type DecisionOutcome, RecordDecisionInput } from './schemas';

type ApplicationStage = 'active' | 'hired' | 'rejected' | 'withdrawn';

/**
 * The stage a decision leaves the application in. The latest decision governs, so a hold or an
 * advance after an earlier reject re-opens the application (the earlier decision stays in history).
 */
const STAGE_AFTER: Record<DecisionOutcome, ApplicationStage> = { hire: 'hired', reject: 'rejected', advance: 'active', hold: 'active' };

export class StaleDecisionError extends ConflictError {
  constructor(current: DecisionRecord[]) {
    super('Someone recorded a decision on this application after you loaded it. Read it first: your rationale is still in the form, and recording it now supersedes theirs.', current);
  }
}

/**
 * A hiring manager records the outcome of a debrief. Permission: decision:record (hiring managers
 * and admins), or being the opening's hiring manager. Refused (409) on an erased candidate or a
 * withdrawn application, and when `expectedRevision` is not the latest decision's revision — two
 * managers deciding at once: the second learns of the first instead of silently superseding it.
 * The audit event carries ids, the outcome and the stage move; never the rationale, which is free
 * text about a person.
 */
export async function recordDecision(ctx: Ctx, input: unknown) {
  const data = parseInput(RecordDecisionInput, input);
  return inTransaction(ctx, async (tx) => {
    // The lock serialises decisions on one application: the second waits, then sees the first.
    const [application] = await tx.db
      .select()
      .from(applications)
      .where(and(eq(applications.id, data.applicationId), eq(applications.organizationId, ctx.organizationId)))
      .for('update');
    if (!application) throw new NotFoundError('Application');
    const [opening] = await tx.db.select({ hiringManagerUserId: openings.hiringManagerUserId }).from(openings).where(eq(openings.id, application.openingId));
    if (!can(ctx, 'decision:record') && opening?.hiringManagerUserId !== ctx.userId) {
      throw new ForbiddenError('Only hiring managers, admins and the opening’s hiring manager record decisions.');
    }
    const [candidate] = await tx.db.select({ erasedAt: candidates.erasedAt }).from(candidates).where(eq(candidates.id, application.candidateId));
    if (candidate?.erasedAt) throw new ConflictError('This candidate’s personal data has been erased: no decision can be recorded about them.');
    if (application.stage === 'withdrawn') throw new ConflictError('The candidate withdrew this application, so there is nothing to decide.');

    const history = await listApplicationDecisions(tx, application.id);
    const latestRevision = history[0]?.revision ?? 0;
    if (data.expectedRevision !== undefined && data.expectedRevision !== latestRevision) throw new StaleDecisionError(history);

    const now = new Date();
    const [decision] = await tx.db
      .insert(applicationDecisions)
      .values({
        organizationId: ctx.organizationId,
        applicationId: application.id,
        revision: latestRevision + 1,
        outcome: data.outcome,
        rationale: data.rationale,
        decidedByUserId: ctx.userId,
        decidedAt: now,
      })
      .returning();

    const stage = STAGE_AFTER[data.outcome];
    const currentStageId = data.outcome === 'advance' ? await nextLoopStage(tx, application.openingId, application.currentStageId) : application.currentStageId;
    const stageChanged = stage !== application.stage;
    if (stageChanged || currentStageId !== application.currentStageId) {
      // closedAt is when the application last left the active stage: retention counts from it.
      const closedAt = stage === 'active' ? null : stageChanged ? now : application.closedAt;
      await tx.db.update(applications).set({ stage, currentStageId, closedAt, updatedAt: now }).where(eq(applications.id, application.id));
    }
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'application.decided',
      entityType: 'application',
      entityId: application.id,
      data: { decisionId: decision!.id, revision: decision!.revision, outcome: data.outcome, from: application.stage, to: stage, fromStageId: application.currentStageId, toStageId: currentStageId },
    });
    if (stageChanged) {
      // The same event a manual move writes, so the timeline and the data export show the move.
      await recordAudit(tx.db, {
        organizationId: ctx.organizationId,
        actorUserId: ctx.userId,
        action: 'application.moved',
        entityType: 'application',
        entityId: application.id,
        data: { from: application.stage, to: stage },
      });
    }
    // The rationale stays out: free text about a person.
    const events: WebhookEvent[] = [
      {
        type: 'decision.recorded',
        data: {
          decisionId: decision!.id,
          applicationId: application.id,
          candidateId: application.candidateId,
          openingId: application.openingId,
          outcome: data.outcome,
          revision: decision!.revision,
          decidedByUserId: ctx.userId,
          decidedAt: now.toISOString(),
          stage,
        },
      },
    ];
    if (stageChanged) {
      events.push({ type: 'application.stage_changed', data: { applicationId: application.id, candidateId: application.candidateId, openingId: application.openingId, from: application.stage, to: stage } });
    }
    await emitWebhookEvents(tx.db, ctx.organizationId, events, now);
    const [record] = await listApplicationDecisions(tx, application.id);
    return { decision: record!, application: { id: application.id, stage, currentStageId } };
  });
}

/** The loop stage after `currentStageId` (the first when none yet); the current one when it is the last. */
async function nextLoopStage(ctx: Ctx, openingId: string, currentStageId: string | null): Promise<string | null> {
  const stages = await ctx.db.select({ id: openingStages.id }).from(openingStages).where(eq(openingStages.openingId, openingId)).orderBy(asc(openingStages.position));
  if (!stages.length) return currentStageId;
  const index = stages.findIndex((s) => s.id === currentStageId);
  if (index === -1) return stages[0]!.id;
  return stages[index + 1]?.id ?? currentStageId;
}
