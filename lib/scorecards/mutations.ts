import 'server-only';
// The live scorecard's writes. Autosaves carry the revision they were based on; a stale one is
// refused with the current state (409) so the browser can merge instead of overwriting. Submitted
// scorecards are frozen; only an audited reopen makes them editable again.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { applications, candidates, interviewPanelists, interviews, kitItems, kitSkillWeights, scorecardRatings, scorecards, skills } from '@/db/schema';
import { withScoreAnalytics } from '@/db/analytics';
import { recordAudit } from '../audit';
import { emitWebhookEvent } from '../webhooks/emit';
import { queueFeedbackCompleteCheck } from '../notifications/feedback-complete';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { compiledStatement, queryRows } from '../sql';
import { parseInput } from '../validation';
import { countedScorecardSql } from './counted';
import { CandidateErasedError, InterviewCancelledError, InterviewNotStartedError, interviewSummary, loadInterviewForPanelist, loadPinnedKit } from './interview';
import { InterviewIdInput, ReopenScorecardInput, SaveScorecardInput, SubmitScorecardInput } from './schemas';
import { loadScorecardState, type ScorecardState } from './state';
import { canSeeOthersFeedback, interviewStartedSql } from './visibility';

// Kept importable from here: pages and tests name them beside the writes that throw them.
export { CandidateErasedError, InterviewCancelledError, InterviewNotStartedError };

/**
 * Creates the signed-in panelist's draft scorecard for an interview, or returns the one they have:
 * the first write of the live page (POST /api/v1/interviews/:id/scorecard), never a page view or
 * a GET. Idempotent and race-safe: the unique (organization, interview, interviewer) index keeps
 * one draft, and a second caller reads the row the first one inserted. Audited only when created.
 */
export async function openScorecard(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'scorecard:write_own');
  const { interviewId } = parseInput(InterviewIdInput, input);
  return inTransaction(ctx, async (tx) => {
    const row = await loadInterviewForPanelist(tx, interviewId);
    const [created] = await tx.db
      .insert(scorecards)
      .values({ organizationId: ctx.organizationId, interviewId, interviewerUserId: ctx.userId })
      .onConflictDoNothing()
      .returning({ id: scorecards.id });
    if (created) {
      await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'scorecard.draft_created', entityType: 'scorecard', entityId: created.id, data: { interviewId } });
    }
    const [card] = created
      ? [created]
      : await tx.db
          .select({ id: scorecards.id })
          .from(scorecards)
          .where(and(eq(scorecards.organizationId, ctx.organizationId), eq(scorecards.interviewId, interviewId), eq(scorecards.interviewerUserId, ctx.userId)));
    const [state, kit] = await Promise.all([loadScorecardState(tx.db, card!.id), loadPinnedKit(tx, row.interview.kitVersionId)]);
    return { scorecard: state!, interview: interviewSummary(row), kit };
  });
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
  const [interview] = await ctx.db.select({ status: interviews.status, applicationId: interviews.applicationId }).from(interviews).where(eq(interviews.id, ref.interviewId)).for('key share');
  if (interview?.status === 'cancelled') throw new InterviewCancelledError();
  const [candidate] = await ctx.db
    .select({ erasedAt: candidates.erasedAt })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .where(eq(applications.id, interview?.applicationId ?? ref.interviewId));
  if (candidate?.erasedAt) throw new CandidateErasedError();
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

type SaveScorecardData = z.output<typeof SaveScorecardInput>;
type SavedScorecard = { revision: number; updatedAt: string };

/**
 * Autosave, written by one statement (runSaveStatement): the revision-checked update of the
 * interviewer's own draft and, only if it matched, the note and rating upserts, atomically — at
 * fifty interviewers typing, one round trip instead of eight. When it matches nothing,
 * explainRefusedSave reads why and throws (404, 403, 409 with the current state, 422 by field);
 * if the reason has gone away in between, the statement runs again. There is no second writer.
 */
export async function saveScorecard(ctx: Ctx, input: unknown): Promise<SavedScorecard> {
  requirePermission(ctx, 'scorecard:write_own');
  const data = parseInput(SaveScorecardInput, input);
  const values = saveStatementValues(ctx, data);
  for (let attempt = 1; ; attempt++) {
    const [saved] = await (values.skillIds.length ? runSaveStatement.withSkillRatings : runSaveStatement.withoutSkillRatings)(ctx.db, values);
    if (saved) return { revision: Number(saved.revision), updatedAt: new Date(saved.updated_at).toISOString() };
    await explainRefusedSave(ctx, data);
    if (attempt === 3) throw new ConflictError('This scorecard is changing too quickly to save; try again.');
  }
}

const value = (name: keyof ReturnType<typeof saveStatementValues>) => sql.placeholder(name);

/**
 * The autosave statement, written once for every save whatever it carries — the changed notes,
 * question ratings and skill ratings arrive as arrays (unnest), an absent recommendation or summary
 * as a flag — so it is compiled once (compiledStatement) and PostgreSQL parses and plans it once
 * per connection. It comes in two variants: with skill ratings, and without them for the saves
 * that carry none (nearly all: typing notes), which then do not open and lock the ratings table
 * and its indexes on every keystroke. As lockOwnScorecard, the interview is locked (key share)
 * before the scorecard row, in the order cancelling and rescheduling use; a cancelled interview,
 * an erased candidate, a removed panelist or a question or skill outside the kit version the
 * interview pinned matches nothing, and explainRefusedSave says why. A note's upsert replaces only
 * what the save carries (its text, its rating, or both).
 */
function saveStatement(withSkillRatings: boolean) {
  const skillsInKit = sql`and (select count(*) from kit_skill_weights kw join interviews i on i.kit_version_id = kw.kit_version_id
               where i.id = s.interview_id and kw.skill_id = any(${value('skillIds')}::uuid[])) = cardinality(${value('skillIds')}::uuid[])`;
  const skillRatingWrites = sql`,
  set_ratings as (
    insert into scorecard_ratings (organization_id, scorecard_id, skill_id, rating, no_evidence)
    select saved.organization_id, saved.id, v.skill, v.rating, v.skill = any(${value('noEvidenceSkillIds')}::uuid[])
    from saved, unnest(${value('ratedSkillIds')}::uuid[], ${value('skillRatings')}::smallint[]) v(skill, rating)
    on conflict (scorecard_id, skill_id) do update set rating = excluded.rating, no_evidence = excluded.no_evidence),
  cleared_ratings as (
    delete from scorecard_ratings r using saved
    where cardinality(${value('clearedSkillIds')}::uuid[]) > 0 and r.scorecard_id = saved.id and r.skill_id = any(${value('clearedSkillIds')}::uuid[]))`;
  return compiledStatement<{ revision: number; updated_at: string | Date }>(sql`
  with saved as (
    update scorecards s set
      revision = s.revision + 1,
      updated_at = now(),
      recommendation = case when ${value('setRecommendation')}::boolean then ${value('recommendation')}::recommendation else s.recommendation end,
      summary = case when ${value('setSummary')}::boolean then ${value('summary')}::text else s.summary end
    where s.id = ${value('scorecardId')}::uuid
      and s.organization_id = ${value('organizationId')}::uuid
      and s.interviewer_user_id = ${value('userId')}::uuid
      and s.status = 'draft'
      and s.revision = ${value('baseRevision')}::integer
      and s.interview_id in (select i.id from interviews i
                             join applications a on a.id = i.application_id
                             join candidates c on c.id = a.candidate_id
                             where i.id = s.interview_id and i.status <> 'cancelled' and c.erased_at is null
                             for key share of i)
      and exists (select 1 from interview_panelists p where p.interview_id = s.interview_id and p.user_id = ${value('userId')}::uuid)
      and (cardinality(${value('itemIds')}::uuid[]) = 0
           or (select count(*) from kit_items ki join interviews i on i.kit_version_id = ki.kit_version_id
               where i.id = s.interview_id and ki.id = any(${value('itemIds')}::uuid[])) = cardinality(${value('itemIds')}::uuid[]))
      ${withSkillRatings ? skillsInKit : sql``}
    returning s.id, s.organization_id, s.revision, s.updated_at),
  notes as (
    insert into scorecard_notes (organization_id, scorecard_id, kit_item_id, body, rating)
    select saved.organization_id, saved.id, v.item, coalesce(v.body, ''), v.rating
    from saved, unnest(${value('itemIds')}::uuid[], ${value('noteBodies')}::text[], ${value('noteRatings')}::smallint[]) v(item, body, rating)
    on conflict (scorecard_id, kit_item_id) do update set
      body = case when excluded.kit_item_id = any(${value('notedItemIds')}::uuid[]) then excluded.body else scorecard_notes.body end,
      rating = case when excluded.kit_item_id = any(${value('ratedItemIds')}::uuid[]) then excluded.rating else scorecard_notes.rating end,
      updated_at = now())${withSkillRatings ? skillRatingWrites : sql``}
  select revision, updated_at from saved`);
}
const runSaveStatement = { withSkillRatings: saveStatement(true), withoutSkillRatings: saveStatement(false) };

/** The save statement's values: the input's maps as parallel arrays, each field's absence as a flag. */
function saveStatementValues(ctx: Ctx, data: SaveScorecardData) {
  const notes = data.notes ?? {};
  const questionRatings = data.questionRatings ?? {};
  const itemIds = [...new Set([...Object.keys(notes), ...Object.keys(questionRatings)])];
  const ratings = Object.entries(data.ratings ?? {});
  const rated = ratings.filter(([, v]) => v !== null);
  return {
    scorecardId: data.scorecardId,
    organizationId: ctx.organizationId,
    userId: ctx.userId,
    baseRevision: data.baseRevision,
    setRecommendation: data.recommendation !== undefined,
    recommendation: data.recommendation ?? null,
    setSummary: data.summary !== undefined,
    summary: data.summary ?? null,
    itemIds,
    // A note's text is never null, so null says "not in this save"; a question rating may be null
    // (cleared), so the rated questions are listed apart. (No boolean arrays: postgres.js would
    // declare such a parameter as a plain boolean.)
    noteBodies: itemIds.map((id) => notes[id] ?? null),
    noteRatings: itemIds.map((id) => questionRatings[id] ?? null),
    notedItemIds: Object.keys(notes),
    ratedItemIds: Object.keys(questionRatings),
    skillIds: ratings.map(([id]) => id),
    ratedSkillIds: rated.map(([id]) => id),
    skillRatings: rated.map(([, v]) => (v === 'no_evidence' ? null : v)),
    noEvidenceSkillIds: rated.filter(([, v]) => v === 'no_evidence').map(([id]) => id),
    clearedSkillIds: ratings.filter(([, v]) => v === null).map(([id]) => id),
  };
}

/**
 * Why the one-statement save matched nothing, as a typed error: missing or someone else's (404),
 * cancelled, erased or off the panel, submitted or stale (409 with the current state), keys
 * outside the kit (422 by field). Reads only; returns if none of these holds any longer.
 */
async function explainRefusedSave(ctx: Ctx, data: SaveScorecardData): Promise<void> {
  await inTransaction(ctx, async (tx) => {
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
    const [interview] = await tx.db
      .select({ kitVersionId: interviews.kitVersionId, applicationId: interviews.applicationId, scheduledAt: interviews.scheduledAt, started: sql<boolean>`${interviewStartedSql('interviews')}` })
      .from(interviews)
      .where(eq(interviews.id, card.interviewId));
    // Feedback on an interview that has not happened is not feedback; and the independent-scoring
    // rule counts only started interviews as owed, so an early submit would be a way around it.
    if (!interview!.started) throw new InterviewNotStartedError(interview!.scheduledAt);
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
    const [saved] = await withScoreAnalytics(tx.db, interview!.applicationId, () =>
      tx.db.update(scorecards).set({ status: 'submitted', submittedAt: new Date(), revision: card.revision + 1, updatedAt: new Date() }).where(eq(scorecards.id, card.id)).returning(),
    );
    await recordAudit(tx.db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'scorecard.submitted', entityType: 'scorecard', entityId: card.id, data: { interviewId: card.interviewId } });
    // Maybe the last card owed: the check runs after this commits, so it also sees a card submitted beside this one.
    await queueFeedbackCompleteCheck(tx.db, interview!.applicationId);
    // What an ATS's scorecard holds (interviewer, submitted at, overall recommendation); no notes or summary.
    await emitWebhookEvent(tx.db, ctx.organizationId, 'scorecard.submitted', {
      scorecardId: card.id,
      interviewId: card.interviewId,
      applicationId: interview!.applicationId,
      interviewerUserId: ctx.userId,
      recommendation: saved!.recommendation,
      // A shadow's card: receivers that aggregate must leave it out, as Loopkit does.
      counted: (await queryRows<{ counted: boolean }>(tx.db, sql`select ${countedScorecardSql('s')} as counted from scorecards s where s.id = ${card.id}`))[0]!.counted,
      submittedAt: saved!.submittedAt!.toISOString(),
    });
    // Tells the live page whether this submit cleared the candidate for the author (the rule is per
    // candidate: another started interview of theirs may still be owed).
    const [application] = await tx.db.select({ candidateId: applications.candidateId }).from(applications).where(eq(applications.id, interview!.applicationId));
    const othersFeedbackVisible = await canSeeOthersFeedback(tx, application!.candidateId);
    return { revision: saved!.revision, submittedAt: saved!.submittedAt!.toISOString(), othersFeedbackVisible };
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
    const [interview] = await tx.db.select({ applicationId: interviews.applicationId }).from(interviews).where(eq(interviews.id, card.interviewId));
    await withScoreAnalytics(tx.db, interview!.applicationId, () =>
      tx.db.update(scorecards).set({ status: 'draft', submittedAt: null, reopenReason: data.reason, revision: card.revision + 1, updatedAt: new Date() }).where(eq(scorecards.id, card.id)),
    );
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'scorecard.reopened',
      entityType: 'scorecard',
      entityId: card.id,
      // The reason is free text (kept on the scorecard, erasable); the log keeps ids only.
      data: { interviewerUserId: card.interviewerUserId },
    });
    return { revision: card.revision + 1 };
  });
}
