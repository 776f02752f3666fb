import 'server-only';
// The debrief of one application: every submitted scorecard side by side, disagreements first,
// the composite with its coverage, who still owes a card, and the decision with its history.
// Open to members with candidate:read and to the application's own panelists (interviewers lack
// candidate:read: this is where they read the panel's feedback after submitting). The evidence is
// the decision packet's (one statement, one rule); what a panelist learns about the candidate is
// their name only — or their code under blind review. Another organization's application, or one the viewer has no part in, is a 404.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { applications, candidates, interviewPanelists, interviews, openingStages, openings, type PanelRole, scorecards, users } from '@/db/schema';
import { candidateLabelSql, identityHiddenSql, loadBlindViews } from '../candidates/blind';
import { can, type Ctx } from '../context';
import { type DecisionRecord, listApplicationDecisions, maskDecisions } from '../decisions/queries';
import { ApplicationIdInput } from '../decisions/schemas';
import { NotFoundError } from '../errors';
import { panelRoleCounts } from '../scorecards/counted';
import { type HiddenFeedbackReason, hiddenFeedbackReason, interviewStartedSql } from '../scorecards/visibility';
import { parseInput } from '../validation';
import { buildApplicationEvidence, type PacketEvidence } from './decision-packet';

export interface DebriefInterview {
  id: string;
  stageName: string | null;
  scheduledAt: string;
  status: 'scheduled' | 'completed' | 'cancelled';
  /** Started by the database clock (and not cancelled): from then on every panelist owes a card. */
  started: boolean;
  panel: { userId: string; name: string; role: PanelRole; card: 'submitted' | 'draft' | 'none' }[];
}

export interface Debrief {
  application: { id: string; stage: 'active' | 'hired' | 'rejected' | 'withdrawn'; currentStage: string | null };
  /** Under blind review `name` is the application's code (lib/candidates/blind.ts). */
  candidate: { id: string; name: string; erased: boolean; blind: boolean };
  opening: { id: string; title: string; hiringManager: string | null };
  othersVisible: boolean;
  /** Why others' feedback is hidden from the viewer (null when it is visible). */
  hiddenReason: HiddenFeedbackReason | null;
  evidence: PacketEvidence | null;
  interviews: DebriefInterview[];
  /**
   * Panelists of started interviews without a submitted card: who owes what, oldest first. A
   * shadow (counted false) owes their card too, but it never holds up the decision.
   */
  owed: { interviewId: string; stageName: string | null; scheduledAt: string; userId: string; name: string; draft: boolean; role: PanelRole; counted: boolean }[];
  decisions: DecisionRecord[];
  /** Whether the viewer may record a decision now (permission, and an application open to one). */
  mayDecide: boolean;
  /** Whether the viewer may open the candidate's page (candidate:read). */
  mayReadCandidate: boolean;
}

export async function getDebrief(ctx: Ctx, input: unknown): Promise<Debrief> {
  const { applicationId } = parseInput(ApplicationIdInput, input);
  const [row] = await ctx.db
    .select({
      application: applications,
      candidateName: candidateLabelSql('dashboard', ctx),
      blind: identityHiddenSql('dashboard', ctx),
      erasedAt: candidates.erasedAt,
      openingTitle: openings.title,
      hiringManagerUserId: openings.hiringManagerUserId,
      currentStage: openingStages.name,
    })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(openings, eq(openings.id, applications.openingId))
    .leftJoin(openingStages, eq(openingStages.id, applications.currentStageId))
    .where(and(eq(applications.id, applicationId), eq(applications.organizationId, ctx.organizationId)));
  if (!row) throw new NotFoundError('Application');
  const { application } = row;

  const interviewRows = await ctx.db
    .select({ id: interviews.id, scheduledAt: interviews.scheduledAt, status: interviews.status, stageName: openingStages.name, started: sql<boolean>`${interviewStartedSql('interviews')}` })
    .from(interviews)
    .leftJoin(openingStages, eq(openingStages.id, interviews.openingStageId))
    .where(and(eq(interviews.organizationId, ctx.organizationId), eq(interviews.applicationId, application.id)))
    .orderBy(asc(interviews.scheduledAt));
  const interviewIds = interviewRows.map((i) => i.id);
  const [panelRows, cardRows, [hiringManager]] = await Promise.all([
    interviewIds.length
      ? ctx.db
          .select({ interviewId: interviewPanelists.interviewId, userId: interviewPanelists.userId, role: interviewPanelists.role, name: users.name, email: users.email })
          .from(interviewPanelists)
          .innerJoin(users, eq(users.id, interviewPanelists.userId))
          .where(and(eq(interviewPanelists.organizationId, ctx.organizationId), inArray(interviewPanelists.interviewId, interviewIds)))
      : [],
    interviewIds.length
      ? ctx.db
          .select({ interviewId: scorecards.interviewId, userId: scorecards.interviewerUserId, status: scorecards.status })
          .from(scorecards)
          .where(and(eq(scorecards.organizationId, ctx.organizationId), inArray(scorecards.interviewId, interviewIds)))
      : [],
    row.hiringManagerUserId ? ctx.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, row.hiringManagerUserId)) : [],
  ]);
  const onPanel = panelRows.some((p) => p.userId === ctx.userId);
  if (!can(ctx, 'candidate:read') && !onPanel) throw new NotFoundError('Application');

  const hiddenReason = await hiddenFeedbackReason(ctx, application.candidateId);
  const [evidence, decisions, views] = await Promise.all([
    hiddenReason ? Promise.resolve(null) : buildApplicationEvidence(ctx, { candidateId: application.candidateId, openingId: application.openingId, applicationId: application.id }),
    listApplicationDecisions(ctx, application.id),
    loadBlindViews(ctx, 'dashboard', [application.id]),
  ]);

  const cardOf = (interviewId: string, userId: string): DebriefInterview['panel'][number]['card'] => cardRows.find((c) => c.interviewId === interviewId && c.userId === userId)?.status ?? 'none';
  const debriefInterviews: DebriefInterview[] = interviewRows.map((i) => ({
    id: i.id,
    stageName: i.stageName,
    scheduledAt: i.scheduledAt.toISOString(),
    status: i.status,
    started: Boolean(i.started),
    panel: panelRows
      .filter((p) => p.interviewId === i.id)
      .map((p) => ({ userId: p.userId, name: p.name ?? p.email, role: p.role, card: cardOf(i.id, p.userId) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
  const owed = debriefInterviews.flatMap((i) =>
    i.started
      ? i.panel
          .filter((p) => p.card !== 'submitted')
          .map((p) => ({ interviewId: i.id, stageName: i.stageName, scheduledAt: i.scheduledAt, userId: p.userId, name: p.name, draft: p.card === 'draft', role: p.role, counted: panelRoleCounts(p.role) }))
      : [],
  );
  const erased = row.erasedAt !== null;
  return {
    application: { id: application.id, stage: application.stage, currentStage: row.currentStage },
    candidate: { id: application.candidateId, name: row.candidateName, erased, blind: Boolean(row.blind) },
    opening: { id: application.openingId, title: row.openingTitle, hiringManager: hiringManager ? (hiringManager.name ?? hiringManager.email) : null },
    othersVisible: hiddenReason === null,
    hiddenReason,
    evidence,
    interviews: debriefInterviews,
    owed,
    decisions: maskDecisions(decisions, views.get(application.id)),
    mayDecide: (can(ctx, 'decision:record') || row.hiringManagerUserId === ctx.userId) && !erased && application.stage !== 'withdrawn',
    mayReadCandidate: can(ctx, 'candidate:read'),
  };
}
