import 'server-only';
// Reads of scorecards, all subject to the independent-scoring rule (./visibility.ts): a member
// reads their own scorecards; others' submitted ones only once they may see others' feedback.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { applications, candidates, interviewPanelists, interviews, type PanelRole, scorecards, users } from '@/db/schema';
import { type BlindSurface, type BlindView, loadBlindViews, textFor } from '../candidates/blind';
import { can, type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { parseId } from '../ids';
import { parseInput } from '../validation';
import { interviewSummary, loadInterviewForPanelist, loadPinnedKit } from './interview';
import { scorecardCounts } from './counted';
import { CandidateIdInput, InterviewIdInput } from './schemas';
import { loadScorecardState, type ScorecardState } from './state';
import { canSeeOthersFeedback } from './visibility';

async function applicationOfInterview(ctx: Ctx, interviewId: string): Promise<{ applicationId: string; candidateId: string }> {
  const [row] = await ctx.db
    .select({ applicationId: applications.id, candidateId: applications.candidateId })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(and(eq(interviews.id, interviewId), eq(interviews.organizationId, ctx.organizationId)));
  if (!row) throw new NotFoundError('Scorecard');
  return row;
}

export async function getScorecard(ctx: Ctx, scorecardIdInput: unknown): Promise<{ scorecard: ScorecardState }> {
  const scorecardId = parseId('scorecardId', scorecardIdInput);
  const [card] = await ctx.db
    .select({ id: scorecards.id, interviewId: scorecards.interviewId, interviewerUserId: scorecards.interviewerUserId, status: scorecards.status })
    .from(scorecards)
    .where(and(eq(scorecards.id, scorecardId), eq(scorecards.organizationId, ctx.organizationId)));
  if (!card) throw new NotFoundError('Scorecard');
  const state = (await loadScorecardState(ctx.db, card.id))!;
  if (card.interviewerUserId === ctx.userId) return { scorecard: state };
  // Someone else's scorecard: hidden (as missing) until the rule allows it, and drafts always;
  // its free text masked where the application is blind to the caller, as in every list of cards.
  if (card.status !== 'submitted') throw new NotFoundError('Scorecard');
  const { applicationId, candidateId } = await applicationOfInterview(ctx, card.interviewId);
  if (!(await canSeeOthersFeedback(ctx, candidateId))) throw new NotFoundError('Scorecard');
  const views = await loadBlindViews(ctx, can(ctx, 'dashboard:read') ? 'dashboard' : 'panel', [applicationId]);
  return { scorecard: maskScorecardText(state, views.get(applicationId)) };
}

/** A scorecard that does not exist yet: what the panelist's draft will hold when their first write creates it. */
export type UncreatedScorecard = Omit<ScorecardState, 'id' | 'updatedAt'> & { id: null; updatedAt: null };

/**
 * The live scorecard for the signed-in panelist, read only: their scorecard if they have one,
 * otherwise the would-be empty draft (`id: null`), which the page creates with its first write
 * (openScorecard). A GET or a page view therefore never inserts anything.
 */
export async function getInterviewScorecard(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'scorecard:write_own');
  const { interviewId } = parseInput(InterviewIdInput, input);
  const row = await loadInterviewForPanelist(ctx, interviewId);
  const [card] = await ctx.db
    .select({ id: scorecards.id })
    .from(scorecards)
    .where(and(eq(scorecards.organizationId, ctx.organizationId), eq(scorecards.interviewId, interviewId), eq(scorecards.interviewerUserId, ctx.userId)));
  const [state, kit] = await Promise.all([card ? loadScorecardState(ctx.db, card.id) : undefined, loadPinnedKit(ctx, row.interview.kitVersionId)]);
  const scorecard: ScorecardState | UncreatedScorecard = state ?? {
    id: null,
    interviewId,
    interviewerUserId: ctx.userId,
    status: 'draft',
    revision: 0,
    recommendation: null,
    summary: '',
    notes: {},
    questionRatings: {},
    ratings: {},
    submittedAt: null,
    updatedAt: null,
  };
  return { scorecard, interview: interviewSummary(row), kit };
}

/** A scorecard's free text (summary, per-question notes) as a blind viewer reads it. */
export function maskScorecardText<T extends Pick<ScorecardState, 'summary' | 'notes'>>(state: T, view: BlindView | undefined): T {
  if (!view?.hidden) return state;
  return { ...state, summary: textFor(view, state.summary), notes: Object.fromEntries(Object.entries(state.notes).map(([item, note]) => [item, textFor(view, note)])) };
}

export interface CandidateFeedback {
  /** False while the independent-scoring rule hides other interviewers' feedback from ctx. */
  othersVisible: boolean;
  /**
   * `panelRole` is the author's part on the interview's panel (null when they are no longer on
   * it); `counted` is false for a shadow's card, shown but never in any figure (db/counted.ts).
   */
  scorecards: (ScorecardState & { interviewerName: string; mine: boolean; panelRole: PanelRole | null; counted: boolean })[];
}

/**
 * Feedback on one candidate: the caller's own scorecards, plus — if the rule allows — everyone
 * else's submitted ones. Readable by members with candidate:read and by the candidate's panelists.
 */
export async function listCandidateFeedback(ctx: Ctx, input: unknown, options: { surface?: BlindSurface } = {}): Promise<CandidateFeedback> {
  const { candidateId } = parseInput(CandidateIdInput, input);
  const [candidate] = await ctx.db
    .select({ id: candidates.id })
    .from(candidates)
    .where(and(eq(candidates.id, candidateId), eq(candidates.organizationId, ctx.organizationId)));
  if (!candidate) throw new NotFoundError('Candidate');
  const interviewRows = await ctx.db
    .select({ id: interviews.id, applicationId: interviews.applicationId })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(and(eq(interviews.organizationId, ctx.organizationId), eq(applications.candidateId, candidateId)));
  const interviewIds = interviewRows.map((r) => r.id);
  let allowed = can(ctx, 'candidate:read');
  if (!allowed && interviewIds.length) {
    const [panel] = await ctx.db
      .select({ userId: interviewPanelists.userId })
      .from(interviewPanelists)
      .where(and(inArray(interviewPanelists.interviewId, interviewIds), eq(interviewPanelists.userId, ctx.userId)))
      .limit(1);
    allowed = Boolean(panel);
  }
  if (!allowed) throw new NotFoundError('Candidate');
  if (!interviewIds.length) return { othersVisible: false, scorecards: [] };
  const othersVisible = await canSeeOthersFeedback(ctx, candidateId);
  const rows = await ctx.db
    .select({ id: scorecards.id, interviewId: scorecards.interviewId, interviewerUserId: scorecards.interviewerUserId, status: scorecards.status, name: users.name, email: users.email, panelRole: interviewPanelists.role })
    .from(scorecards)
    .innerJoin(users, eq(users.id, scorecards.interviewerUserId))
    .leftJoin(interviewPanelists, and(eq(interviewPanelists.interviewId, scorecards.interviewId), eq(interviewPanelists.userId, scorecards.interviewerUserId)))
    .where(and(eq(scorecards.organizationId, ctx.organizationId), inArray(scorecards.interviewId, interviewIds)))
    .orderBy(desc(scorecards.submittedAt));
  const visibleRows = rows.filter((r) => r.interviewerUserId === ctx.userId || (othersVisible && r.status === 'submitted'));
  const states = await Promise.all(visibleRows.map((r) => loadScorecardState(ctx.db, r.id)));
  // Under blind review others' notes are masked; a panelist's own card stays as they wrote it.
  // Without a surface named by the caller: the candidate pages' rule for members who read
  // candidates, the panel's for a panelist.
  const applicationOf = new Map(interviewRows.map((r) => [r.id, r.applicationId]));
  const views = await loadBlindViews(ctx, options.surface ?? (can(ctx, 'candidate:read') ? 'candidate' : 'panel'), [...applicationOf.values()]);
  return {
    othersVisible,
    scorecards: visibleRows.map((r, i) => {
      const mine = r.interviewerUserId === ctx.userId;
      const state = mine ? states[i]! : maskScorecardText(states[i]!, views.get(applicationOf.get(r.interviewId)!));
      return { ...state, interviewerName: r.name ?? r.email, mine, panelRole: r.panelRole, counted: scorecardCounts({ status: r.status, panelRole: r.panelRole }) };
    }),
  };
}
