import 'server-only';
// The live scorecard's writes. Autosaves carry the revision they were based on; a stale one is
// refused with the current state (409) so the browser can merge instead of overwriting. Submitted
// scorecards are frozen; only an audited reopen makes them editable again.
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  applications,
  candidates,
  interviewPanelists,
  interviews,
  kitItems,
  kitSections,
  kitSkillWeights,
  kitVersions,
  kits,
  openingStages,
  openings,
  questionVersions,
  scorecardNotes,
  scorecardRatings,
  scorecards,
  skills,
} from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { InterviewIdInput, ReopenScorecardInput, SaveScorecardInput, SubmitScorecardInput } from './schemas';
import { loadScorecardState, type ScorecardState } from './state';

async function loadInterviewForPanelist(ctx: Ctx, interviewId: string) {
  const [row] = await ctx.db
    .select({ interview: interviews, candidateName: candidates.name, candidateId: candidates.id, openingTitle: openings.title, stageName: openingStages.name })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(openings, eq(openings.id, applications.openingId))
    .leftJoin(openingStages, eq(openingStages.id, interviews.openingStageId))
    .where(and(eq(interviews.id, interviewId), eq(interviews.organizationId, ctx.organizationId)));
  if (!row) throw new NotFoundError('Interview');
  if (row.interview.status === 'cancelled') throw new InterviewCancelledError();
  const [panelist] = await ctx.db
    .select({ userId: interviewPanelists.userId })
    .from(interviewPanelists)
    .where(and(eq(interviewPanelists.interviewId, interviewId), eq(interviewPanelists.userId, ctx.userId)));
  if (!panelist) throw new ForbiddenError('Only the interview’s panel fills in scorecards for it.');
  return row;
}

/** The kit version an interview pinned: questions in order with their rubric, and the weighted skills. */
export async function loadPinnedKit(ctx: Ctx, kitVersionId: string) {
  const [version] = await ctx.db
    .select({ version: kitVersions, kitName: kits.name })
    .from(kitVersions)
    .innerJoin(kits, eq(kits.id, kitVersions.kitId))
    .where(eq(kitVersions.id, kitVersionId));
  if (!version) throw new NotFoundError('Kit version');
  const [sections, items, weights] = await Promise.all([
    ctx.db.select().from(kitSections).where(eq(kitSections.kitVersionId, kitVersionId)).orderBy(kitSections.position),
    ctx.db
      .select({ item: kitItems, question: questionVersions })
      .from(kitItems)
      .innerJoin(questionVersions, eq(questionVersions.id, kitItems.questionVersionId))
      .where(eq(kitItems.kitVersionId, kitVersionId))
      .orderBy(kitItems.position),
    ctx.db
      .select({ skillId: kitSkillWeights.skillId, weight: kitSkillWeights.weight, name: skills.name, description: skills.description })
      .from(kitSkillWeights)
      .innerJoin(skills, eq(skills.id, kitSkillWeights.skillId))
      .where(eq(kitSkillWeights.kitVersionId, kitVersionId))
      .orderBy(sql`${kitSkillWeights.weight} desc`, skills.name),
  ]);
  return {
    name: version.kitName,
    version: version.version.version,
    targetMinutes: version.version.targetMinutes,
    sections: sections.map((s) => ({
      id: s.id,
      title: s.title,
      items: items
        .filter((i) => i.item.sectionId === s.id)
        .map(({ item, question: q }) => ({
          id: item.id,
          minutes: item.minutes,
          title: q.title,
          prompt: q.prompt,
          kind: q.kind,
          primarySkillId: q.primarySkillId,
          listenFor: q.listenFor,
          redFlags: q.redFlags,
          followUps: q.followUps,
          rubric: [q.rubric1, q.rubric2, q.rubric3, q.rubric4] as [string, string, string, string],
        })),
    })),
    skills: weights,
  };
}

/** Opens (creating if needed) the signed-in panelist's scorecard for an interview. */
export async function openScorecard(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'scorecard:write_own');
  const { interviewId } = parseInput(InterviewIdInput, input);
  const row = await loadInterviewForPanelist(ctx, interviewId);
  await ctx.db
    .insert(scorecards)
    .values({ organizationId: ctx.organizationId, interviewId, interviewerUserId: ctx.userId })
    .onConflictDoNothing();
  const [card] = await ctx.db
    .select({ id: scorecards.id })
    .from(scorecards)
    .where(and(eq(scorecards.organizationId, ctx.organizationId), eq(scorecards.interviewId, interviewId), eq(scorecards.interviewerUserId, ctx.userId)));
  const [state, kit] = await Promise.all([loadScorecardState(ctx.db, card!.id), loadPinnedKit(ctx, row.interview.kitVersionId)]);
  return {
    scorecard: state!,
    interview: {
      id: row.interview.id,
      scheduledAt: row.interview.scheduledAt.toISOString(),
      durationMinutes: row.interview.durationMinutes,
      candidateId: row.candidateId,
      candidateName: row.candidateName,
      openingTitle: row.openingTitle,
      stageName: row.stageName,
    },
    kit,
  };
}

export class InterviewCancelledError extends ConflictError {
  constructor() {
    super('This interview was cancelled, so its scorecard can no longer be changed.');
  }
}

/**
 * Locks the caller's own scorecard for a write. Someone else's reads as missing. The interview
 * row is locked first (key share: scorecards of one interview don't block each other), in the
 * same order as cancelling and rescheduling, which lock the interview before touching its
 * scorecards — so a save never deadlocks with them and never lands on a cancelled interview or
 * after its author left the panel.
 */
async function lockOwnScorecard(ctx: Ctx, scorecardId: string) {
  const own = and(eq(scorecards.id, scorecardId), eq(scorecards.organizationId, ctx.organizationId), eq(scorecards.interviewerUserId, ctx.userId));
  const [ref] = await ctx.db.select({ interviewId: scorecards.interviewId }).from(scorecards).where(own);
  if (!ref) throw new NotFoundError('Scorecard');
  const [interview] = await ctx.db.select({ status: interviews.status }).from(interviews).where(eq(interviews.id, ref.interviewId)).for('key share');
  if (interview?.status === 'cancelled') throw new InterviewCancelledError();
  const [panelist] = await ctx.db
    .select({ userId: interviewPanelists.userId })
    .from(interviewPanelists)
    .where(and(eq(interviewPanelists.interviewId, ref.interviewId), eq(interviewPanelists.userId, ctx.userId)));
  if (!panelist) throw new ForbiddenError('You are no longer on this interview’s panel.');
  const [card] = await ctx.db.select().from(scorecards).where(own).for('update');
  if (!card) throw new NotFoundError('Scorecard');
  return card;
}

export class StaleRevisionError extends ConflictError {
  constructor(readonly state: ScorecardState) {
    super(`This scorecard changed elsewhere (now at revision ${state.revision}). Your changes were not saved yet; merge them with the current version.`, state);
  }
}

export async function saveScorecard(ctx: Ctx, input: unknown): Promise<{ revision: number; updatedAt: string }> {
  requirePermission(ctx, 'scorecard:write_own');
  const data = parseInput(SaveScorecardInput, input);
  return inTransaction(ctx, async (tx) => {
    const card = await lockOwnScorecard(tx, data.scorecardId);
    if (card.status === 'submitted') throw new ConflictError('This scorecard is submitted and can no longer be edited.');
    if (card.revision !== data.baseRevision) throw new StaleRevisionError((await loadScorecardState(tx.db, card.id))!);

    // Keys must belong to the kit version this interview pinned (one query each, joined through it).
    const itemIds = [...new Set([...Object.keys(data.notes ?? {}), ...Object.keys(data.questionRatings ?? {})])];
    const skillIds = Object.keys(data.ratings ?? {});
    const errors: Record<string, string[]> = {};
    if (itemIds.length) {
      const valid = new Set(
        (
          await tx.db
            .select({ id: kitItems.id })
            .from(kitItems)
            .innerJoin(interviews, eq(interviews.kitVersionId, kitItems.kitVersionId))
            .where(and(eq(interviews.id, card.interviewId), inArray(kitItems.id, itemIds)))
        ).map((r) => r.id),
      );
      for (const id of itemIds) if (!valid.has(id)) errors[`notes.${id}`] = ['This question is not part of the interview’s kit'];
    }
    if (skillIds.length) {
      const valid = new Set(
        (
          await tx.db
            .select({ id: kitSkillWeights.skillId })
            .from(kitSkillWeights)
            .innerJoin(interviews, eq(interviews.kitVersionId, kitSkillWeights.kitVersionId))
            .where(and(eq(interviews.id, card.interviewId), inArray(kitSkillWeights.skillId, skillIds)))
        ).map((r) => r.id),
      );
      for (const id of skillIds) if (!valid.has(id)) errors[`ratings.${id}`] = ['This skill is not evaluated by the interview’s kit'];
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const base = { organizationId: ctx.organizationId, scorecardId: card.id };
    for (const [kitItemId, body] of Object.entries(data.notes ?? {})) {
      await tx.db
        .insert(scorecardNotes)
        .values({ ...base, kitItemId, body })
        .onConflictDoUpdate({ target: [scorecardNotes.scorecardId, scorecardNotes.kitItemId], set: { body, updatedAt: new Date() } });
    }
    for (const [kitItemId, rating] of Object.entries(data.questionRatings ?? {})) {
      await tx.db
        .insert(scorecardNotes)
        .values({ ...base, kitItemId, rating })
        .onConflictDoUpdate({ target: [scorecardNotes.scorecardId, scorecardNotes.kitItemId], set: { rating, updatedAt: new Date() } });
    }
    for (const [skillId, value] of Object.entries(data.ratings ?? {})) {
      if (value === null) {
        await tx.db.delete(scorecardRatings).where(and(eq(scorecardRatings.scorecardId, card.id), eq(scorecardRatings.skillId, skillId)));
        continue;
      }
      const row = value === 'no_evidence' ? { rating: null, noEvidence: true } : { rating: value, noEvidence: false };
      await tx.db
        .insert(scorecardRatings)
        .values({ ...base, skillId, ...row })
        .onConflictDoUpdate({ target: [scorecardRatings.scorecardId, scorecardRatings.skillId], set: row });
    }
    const [saved] = await tx.db
      .update(scorecards)
      .set({
        revision: card.revision + 1,
        updatedAt: new Date(),
        ...(data.recommendation !== undefined ? { recommendation: data.recommendation } : {}),
        ...(data.summary !== undefined ? { summary: data.summary } : {}),
      })
      .where(eq(scorecards.id, card.id))
      .returning({ revision: scorecards.revision, updatedAt: scorecards.updatedAt });
    return { revision: saved!.revision, updatedAt: saved!.updatedAt.toISOString() };
  });
}

/** Submits: needs a recommendation and every evaluated skill rated or marked "no evidence". */
export async function submitScorecard(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'scorecard:write_own');
  const data = parseInput(SubmitScorecardInput, input);
  return inTransaction(ctx, async (tx) => {
    const card = await lockOwnScorecard(tx, data.scorecardId);
    if (card.status === 'submitted') throw new ConflictError('This scorecard is already submitted.');
    if (card.revision !== data.baseRevision) throw new StaleRevisionError((await loadScorecardState(tx.db, card.id))!);
    const [interview] = await tx.db.select({ kitVersionId: interviews.kitVersionId }).from(interviews).where(eq(interviews.id, card.interviewId));
    const evaluated = await tx.db
      .select({ skillId: kitSkillWeights.skillId, name: skills.name })
      .from(kitSkillWeights)
      .innerJoin(skills, eq(skills.id, kitSkillWeights.skillId))
      .where(eq(kitSkillWeights.kitVersionId, interview!.kitVersionId));
    const rated = new Set((await tx.db.select({ skillId: scorecardRatings.skillId }).from(scorecardRatings).where(eq(scorecardRatings.scorecardId, card.id))).map((r) => r.skillId));
    const errors: Record<string, string[]> = {};
    if (!card.recommendation) errors.recommendation = ['Choose an overall recommendation'];
    for (const s of evaluated) if (!rated.has(s.skillId)) errors[`ratings.${s.skillId}`] = [`Rate ${s.name} or mark it “no evidence”`];
    if (Object.keys(errors).length) throw new ValidationError(errors, 'Finish the scorecard before submitting.');
    const [saved] = await tx.db
      .update(scorecards)
      .set({ status: 'submitted', submittedAt: new Date(), revision: card.revision + 1, updatedAt: new Date() })
      .where(eq(scorecards.id, card.id))
      .returning();
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'scorecard.submitted', entityType: 'scorecard', entityId: card.id, data: { interviewId: card.interviewId } });
    return { revision: saved!.revision, submittedAt: saved!.submittedAt!.toISOString() };
  });
}

/** An admin reopens a submitted scorecard, with a reason, for its author to correct. Audited. */
export async function reopenScorecard(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'scorecard:reopen');
  const data = parseInput(ReopenScorecardInput, input);
  return inTransaction(ctx, async (tx) => {
    const [card] = await tx.db
      .select()
      .from(scorecards)
      .where(and(eq(scorecards.id, data.scorecardId), eq(scorecards.organizationId, ctx.organizationId)))
      .for('update');
    if (!card) throw new NotFoundError('Scorecard');
    if (card.status !== 'submitted') throw new ConflictError('Only a submitted scorecard can be reopened.');
    await tx.db.update(scorecards).set({ status: 'draft', submittedAt: null, revision: card.revision + 1, updatedAt: new Date() }).where(eq(scorecards.id, card.id));
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'scorecard.reopened',
      entityType: 'scorecard',
      entityId: card.id,
      data: { reason: data.reason, interviewerUserId: card.interviewerUserId },
    });
    return { revision: card.revision + 1 };
  });
}
