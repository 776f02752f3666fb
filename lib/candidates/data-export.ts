import 'server-only';
// Subject access (GDPR Art. 15): everything Loopkit holds about one candidate, in one document.
// It is written for the candidate, so it carries every interviewer's feedback whatever the
// independent-scoring rule would show a colleague — which is why only `candidate:export_personal_data`
// (admins) may produce it. Drafts are included and marked as such: they are data held about the
// person even if never submitted, and leaving them out would make the export incomplete.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { applications, auditEvents, candidates, interviewPanelists, interviews, kitItems, openingStages, openings, questionVersions, scorecardNotes, scorecardRatings, scorecards, skills, users } from '@/db/schema';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { listDecisionsForApplications } from '../decisions/queries';
import { type ExportedOutcome, listOutcomesForExport } from '../outcomes/queries';
import { parseId } from '../ids';
import { readOwnSelfIdentification } from '../fairness/self-identification';

export interface CandidateDataExport {
  format: 'loopkit.candidate-data/v1';
  generatedAt: string;
  candidate: { id: string; name: string; email: string; phone: string | null; location: string | null; source: string | null; notes: string; createdAt: string; updatedAt: string; erasedAt: string | null };
  applications: {
    id: string;
    opening: { id: string; title: string };
    stage: string;
    currentStage: string | null;
    appliedAt: string;
    closedAt: string | null;
    statusHistory: { at: string; from: string; to: string }[];
  }[];
  interviews: { id: string; applicationId: string; stage: string | null; scheduledAt: string; durationMinutes: number; status: string; cancellationReason: string | null; panel: string[] }[];
  scorecards: {
    id: string;
    interviewId: string;
    interviewer: string;
    status: string;
    submittedAt: string | null;
    recommendation: string | null;
    summary: string;
    ratings: { skill: string; rating: number | null; noEvidence: boolean }[];
    notes: { question: string; note: string; rating: number | null }[];
  }[];
  /** Recorded decisions with their rationale (oldest first), and the outcome of closed applications decided without one. */
  decisions: { applicationId: string; opening: string; outcome: string; at: string | null; rationale: string | null; decidedBy: string | null }[];
  auditEvents: { at: string; action: string; entityType: string; entityId: string | null }[];
  /**
   * The candidate's own voluntary self-identification answers (question → option key), or null.
   * Held apart from everything else and never shown to colleagues; a subject-access export is
   * the one document that carries them beside the person, because it is written for that person.
   */
  selfIdentification: { answers: Record<string, string>; answeredAt: string } | null;
  /** After a hire: the recorded post-hire outcomes (performance ratings at each checkpoint). */
  postHireOutcomes: ExportedOutcome[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const personName = (u: { name: string | null; email: string }) => u.name ?? u.email;

export async function getCandidateDataExport(ctx: Ctx, candidateIdInput: unknown, now = new Date()): Promise<CandidateDataExport> {
  requirePermission(ctx, 'candidate:export_personal_data');
  const candidateId = parseId('candidateId', candidateIdInput);
  const org = ctx.organizationId;
  const [candidate] = await ctx.db.select().from(candidates).where(and(eq(candidates.id, candidateId), eq(candidates.organizationId, org)));
  if (!candidate) throw new NotFoundError('Candidate');

  const apps = await ctx.db
    .select({ app: applications, openingTitle: openings.title, stageName: openingStages.name })
    .from(applications)
    .innerJoin(openings, eq(openings.id, applications.openingId))
    .leftJoin(openingStages, eq(openingStages.id, applications.currentStageId))
    .where(and(eq(applications.organizationId, org), eq(applications.candidateId, candidate.id)))
    .orderBy(asc(applications.createdAt));
  const appIds = apps.map((a) => a.app.id);
  const interviewRows = appIds.length
    ? await ctx.db
        .select({ interview: interviews, stageName: openingStages.name })
        .from(interviews)
        .leftJoin(openingStages, eq(openingStages.id, interviews.openingStageId))
        .where(and(eq(interviews.organizationId, org), inArray(interviews.applicationId, appIds)))
        .orderBy(asc(interviews.scheduledAt))
    : [];
  const interviewIds = interviewRows.map((r) => r.interview.id);
  const [panelRows, cardRows] = interviewIds.length
    ? await Promise.all([
        ctx.db
          .select({ interviewId: interviewPanelists.interviewId, name: users.name, email: users.email })
          .from(interviewPanelists)
          .innerJoin(users, eq(users.id, interviewPanelists.userId))
          .where(and(eq(interviewPanelists.organizationId, org), inArray(interviewPanelists.interviewId, interviewIds))),
        ctx.db
          .select({ card: scorecards, name: users.name, email: users.email })
          .from(scorecards)
          .innerJoin(users, eq(users.id, scorecards.interviewerUserId))
          .where(and(eq(scorecards.organizationId, org), inArray(scorecards.interviewId, interviewIds)))
          .orderBy(asc(scorecards.createdAt)),
      ])
    : [[], []];
  const cardIds = cardRows.map((r) => r.card.id);
  const [ratingRows, noteRows] = cardIds.length
    ? await Promise.all([
        ctx.db
          .select({ scorecardId: scorecardRatings.scorecardId, skill: skills.name, rating: scorecardRatings.rating, noEvidence: scorecardRatings.noEvidence })
          .from(scorecardRatings)
          .innerJoin(skills, eq(skills.id, scorecardRatings.skillId))
          .where(and(eq(scorecardRatings.organizationId, org), inArray(scorecardRatings.scorecardId, cardIds)))
          .orderBy(asc(skills.name)),
        ctx.db
          .select({ scorecardId: scorecardNotes.scorecardId, question: questionVersions.title, body: scorecardNotes.body, rating: scorecardNotes.rating, position: kitItems.position })
          .from(scorecardNotes)
          .innerJoin(kitItems, eq(kitItems.id, scorecardNotes.kitItemId))
          .innerJoin(questionVersions, eq(questionVersions.id, kitItems.questionVersionId))
          .where(and(eq(scorecardNotes.organizationId, org), inArray(scorecardNotes.scorecardId, cardIds)))
          .orderBy(asc(kitItems.position)),
      ])
    : [[], []];

  // Events about the candidate and about the rows that belong to them; the log holds ids, actions and times only.
  const entityIds = [candidate.id, ...appIds, ...interviewIds, ...cardIds];
  const events = await ctx.db
    .select({ at: auditEvents.createdAt, action: auditEvents.action, entityType: auditEvents.entityType, entityId: auditEvents.entityId, data: auditEvents.data })
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, org), inArray(auditEvents.entityId, entityIds)))
    .orderBy(asc(auditEvents.createdAt));
  const moves = events.filter((e) => e.action === 'application.moved');
  const recorded = (await listDecisionsForApplications(ctx, appIds)).reverse();
  const selfIdentification = await readOwnSelfIdentification(ctx.db, org, candidate.id);
  const postHireOutcomes = await listOutcomesForExport(ctx, appIds);
  const titleOf = new Map(apps.map(({ app, openingTitle }) => [app.id, openingTitle]));

  return {
    format: 'loopkit.candidate-data/v1',
    generatedAt: now.toISOString(),
    candidate: {
      id: candidate.id,
      name: candidate.name,
      email: candidate.email,
      phone: candidate.phone,
      location: candidate.location,
      source: candidate.source,
      notes: candidate.notes,
      createdAt: candidate.createdAt.toISOString(),
      updatedAt: candidate.updatedAt.toISOString(),
      erasedAt: iso(candidate.erasedAt),
    },
    applications: apps.map(({ app, openingTitle, stageName }) => ({
      id: app.id,
      opening: { id: app.openingId, title: openingTitle },
      stage: app.stage,
      currentStage: stageName,
      appliedAt: app.createdAt.toISOString(),
      closedAt: iso(app.closedAt),
      statusHistory: moves.filter((m) => m.entityId === app.id).map((m) => ({ at: m.at.toISOString(), from: String(m.data.from), to: String(m.data.to) })),
    })),
    interviews: interviewRows.map(({ interview, stageName }) => ({
      id: interview.id,
      applicationId: interview.applicationId,
      stage: stageName,
      scheduledAt: interview.scheduledAt.toISOString(),
      durationMinutes: interview.durationMinutes,
      status: interview.status,
      cancellationReason: interview.cancellationReason,
      panel: panelRows.filter((p) => p.interviewId === interview.id).map(personName),
    })),
    scorecards: cardRows.map(({ card, ...author }) => ({
      id: card.id,
      interviewId: card.interviewId,
      interviewer: personName(author),
      status: card.status,
      submittedAt: iso(card.submittedAt),
      recommendation: card.recommendation,
      summary: card.summary,
      ratings: ratingRows.filter((r) => r.scorecardId === card.id).map(({ skill, rating, noEvidence }) => ({ skill, rating, noEvidence })),
      notes: noteRows.filter((n) => n.scorecardId === card.id).map(({ question, body, rating }) => ({ question, note: body, rating })),
    })),
    decisions: [
      ...recorded.map((d) => ({ applicationId: d.applicationId, opening: titleOf.get(d.applicationId) ?? '', outcome: d.outcome, at: d.decidedAt, rationale: d.rationale, decidedBy: d.decidedBy })),
      ...apps
        .filter(({ app }) => app.stage !== 'active' && !recorded.some((d) => d.applicationId === app.id))
        .map(({ app, openingTitle }) => ({ applicationId: app.id, opening: openingTitle, outcome: app.stage, at: iso(app.closedAt), rationale: null, decidedBy: null })),
    ],
    auditEvents: events.map((e) => ({ at: e.at.toISOString(), action: e.action, entityType: e.entityType, entityId: e.entityId })),
    selfIdentification,
    postHireOutcomes,
  };
}
