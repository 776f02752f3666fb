import 'server-only';
// The decision packet: everything a hiring committee needs about one candidate for one opening, on
// one printable page. The figures are the comparison grid's own statement restricted to this
// candidate (so the packet never disagrees with the grid), and the scorecards come through
// listCandidateFeedback, so the independent-scoring rule holds exactly as on the candidate page:
// a viewer who may not yet see others' feedback gets the header of the packet and no evidence.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { applications, candidates, interviews, kitItems, kitSections, openingStages, openings, type PanelRole, questionVersions, skills, users } from '@/db/schema';
import { loadBlindViews } from '../candidates/blind';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { listCandidateFeedback } from '../scorecards/queries';
import { RATING_LABELS, type Recommendation } from '../scorecards/schemas';
import { parseInput } from '../validation';
import { type DecisionRecord, listApplicationDecisions, maskDecisions } from '../decisions/queries';
import { computeOpeningGrid, type GridCandidate, recommendationsSplit, strongestAndWeakest } from './queries';

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const PacketOpeningsInput = z.object({ candidateId: z.uuid({ error: 'Candidate is not a valid id' }) });

export const DecisionPacketInput = PacketOpeningsInput.extend({
  /** Optional when the candidate has exactly one application. */
  openingId: z.preprocess(emptyToUndefined, z.uuid({ error: 'Opening is not a valid id' }).optional()),
});

export interface PacketSkill {
  skillId: string;
  name: string;
  /** The opening's weight; null for a skill that was rated but carries no weight in this opening. */
  weight: number | null;
  /** Null when no submitted rating has evidence for the skill. */
  mean: number | null;
  n: number;
  min: number | null;
  max: number | null;
  sd: number | null;
  disagreement: boolean;
  /** The rating scale's anchor nearest the mean ("Solid"; "Weak–Solid" exactly between two). */
  anchor: string | null;
}

export interface PacketDisagreement {
  skillId: string;
  name: string;
  spread: number;
  ratings: { interviewerName: string; stageName: string | null; rating: number }[];
}

export interface PacketScorecard {
  id: string;
  interviewId: string;
  interviewerName: string;
  mine: boolean;
  stageName: string | null;
  interviewAt: string;
  submittedAt: string | null;
  recommendation: Recommendation | null;
  /** The author's panel role; a shadow's card (counted false) is shown but in none of the figures. */
  panelRole: PanelRole | null;
  counted: boolean;
  summary: string;
  ratings: { skillId: string; name: string; rating: 1 | 2 | 3 | 4 | 'no_evidence' }[];
  notes: { kitItemId: string; question: string; body: string; rating: 1 | 2 | 3 | 4 | null }[];
}

export interface PacketEvidence {
  composite: number | null;
  coverage: number;
  recommendations: GridCandidate['recommendations'];
  /** Recommendations on both sides of yes/no: a disagreement as much as a 2-point spread. */
  recommendationsSplit: boolean;
  skills: PacketSkill[];
  strongest: string[];
  weakest: string[];
  disagreements: PacketDisagreement[];
  scorecards: PacketScorecard[];
}

export interface DecisionPacket {
  /** Under blind review (lib/candidates/blind.ts) `name` is the application's code and `email` null. */
  candidate: { id: string; name: string; email: string | null; blind: boolean; stage: 'active' | 'hired' | 'rejected' | 'withdrawn'; currentStage: string | null };
  opening: { id: string; title: string; level: 'junior' | 'mid' | 'senior' | 'staff'; status: 'open' | 'on_hold' | 'closed'; hiringManager: string | null };
  applicationId: string;
  /** The recorded decisions on the application, latest first. */
  decisions: DecisionRecord[];
  /** False while the independent-scoring rule hides other interviewers' feedback; `evidence` is then null. */
  othersVisible: boolean;
  evidence: PacketEvidence | null;
  generatedAt: string;
  generatedBy: string;
}

/** The rating scale's anchor nearest a mean; exactly halfway between two anchors names both. */
export function nearestAnchor(mean: number): string {
  const clamped = Math.min(4, Math.max(1, mean));
  const low = Math.floor(clamped) as 1 | 2 | 3 | 4;
  if (low < 4 && Math.abs(clamped - low - 0.5) < 1e-9) return `${RATING_LABELS[low]}–${RATING_LABELS[(low + 1) as 2 | 3 | 4]}`;
  return RATING_LABELS[Math.round(clamped) as 1 | 2 | 3 | 4];
}

/** The candidate and the openings they applied to: what the packet page offers to choose from. */
export async function listPacketOpenings(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'dashboard:read');
  const { candidateId } = parseInput(PacketOpeningsInput, input);
  const [candidate] = await ctx.db
    .select({ id: candidates.id, name: candidates.name, email: candidates.email })
    .from(candidates)
    .where(and(eq(candidates.id, candidateId), eq(candidates.organizationId, ctx.organizationId)));
  if (!candidate) throw new NotFoundError('Candidate');
  const rows = await ctx.db
    .select({
      applicationId: applications.id,
      stage: applications.stage,
      currentStage: openingStages.name,
      openingId: openings.id,
      title: openings.title,
      level: openings.level,
      status: openings.status,
      hiringManager: users.name,
      hiringManagerEmail: users.email,
    })
    .from(applications)
    .innerJoin(openings, and(eq(openings.id, applications.openingId), eq(openings.organizationId, ctx.organizationId)))
    .leftJoin(openingStages, eq(openingStages.id, applications.currentStageId))
    .leftJoin(users, eq(users.id, openings.hiringManagerUserId))
    .where(and(eq(applications.organizationId, ctx.organizationId), eq(applications.candidateId, candidate.id)))
    .orderBy(asc(openings.title));
  // The choice page names the candidate once for all openings: blind if any of the applications is.
  const views = await loadBlindViews(ctx, 'dashboard', rows.map((r) => r.applicationId));
  const blindIn = rows.map((r) => views.get(r.applicationId)).find((v) => v?.hidden);
  return {
    candidate: blindIn ? { id: candidate.id, name: blindIn.identity.code, email: null, blind: true } : { ...candidate, blind: false },
    applications: rows.map(({ hiringManagerEmail, ...r }) => ({ ...r, hiringManager: r.hiringManager ?? hiringManagerEmail })),
  };
}

/**
 * One candidate's decision packet for one opening: composite, coverage and recommendation tally;
 * per-skill mean, n, range, spread and weight; strongest and weakest skills; disagreements by name;
 * and every submitted scorecard with its ratings and per-question notes. Drafts never count.
 */
export async function getDecisionPacket(ctx: Ctx, input: unknown): Promise<DecisionPacket> {
  requirePermission(ctx, 'dashboard:read');
  const data = parseInput(DecisionPacketInput, input);
  const { candidate, applications: apps } = await listPacketOpenings(ctx, { candidateId: data.candidateId });
  let app: (typeof apps)[number] | undefined;
  if (data.openingId) {
    app = apps.find((a) => a.openingId === data.openingId);
    if (!app) throw new NotFoundError('Application');
  } else if (apps.length === 1) {
    app = apps[0];
  } else {
    throw ValidationError.field('openingId', apps.length ? 'Choose one of the candidate’s openings' : 'The candidate has not applied to any opening');
  }
  const application = app!;

  const [evidence, decisions, [viewer], views] = await Promise.all([
    buildApplicationEvidence(ctx, { candidateId: candidate.id, openingId: application.openingId, applicationId: application.applicationId }),
    listApplicationDecisions(ctx, application.applicationId),
    ctx.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, ctx.userId)),
    loadBlindViews(ctx, 'dashboard', [application.applicationId]),
  ]);
  const view = views.get(application.applicationId);
  const identity = view?.hidden ? { name: view.identity.code, email: null, blind: true } : { name: view?.identity.name ?? candidate.name, email: view?.identity.email ?? candidate.email, blind: false };
  return {
    candidate: { id: candidate.id, ...identity, stage: application.stage, currentStage: application.currentStage },
    opening: { id: application.openingId, title: application.title, level: application.level, status: application.status, hiringManager: application.hiringManager },
    applicationId: application.applicationId,
    decisions: maskDecisions(decisions, view),
    generatedAt: new Date().toISOString(),
    generatedBy: viewer?.name ?? viewer?.email ?? 'Unknown',
    othersVisible: evidence !== null,
    evidence,
  };
}

/**
 * The evidence on one application: the grid's own figures for the candidate (composite, coverage,
 * tallies, per-skill cells), the disagreements, and every submitted scorecard on the application's
 * interviews with ratings and notes — or null while the independent-scoring rule hides others'
 * feedback from ctx. Callers check that ctx may open the application at all (the packet needs
 * dashboard:read; the debrief also admits the application's panelists).
 */
export async function buildApplicationEvidence(ctx: Ctx, application: { candidateId: string; openingId: string; applicationId: string }): Promise<PacketEvidence | null> {
  const [grid, feedback, interviewRows] = await Promise.all([
    computeOpeningGrid(ctx, application.openingId, { candidateId: application.candidateId }),
    listCandidateFeedback(ctx, { candidateId: application.candidateId }, { surface: 'dashboard' }),
    ctx.db
      .select({ id: interviews.id, scheduledAt: interviews.scheduledAt, stageName: openingStages.name })
      .from(interviews)
      .leftJoin(openingStages, eq(openingStages.id, interviews.openingStageId))
      .where(and(eq(interviews.organizationId, ctx.organizationId), eq(interviews.applicationId, application.applicationId))),
  ]);
  // The grid applies the same rule as listCandidateFeedback; either one hiding the feedback hides it.
  const row = grid.candidates[0];
  if (!row || !feedback.othersVisible) return null;

  // Only this application's interviews, only submitted scorecards: the set the grid's figures count.
  const interviewOf = new Map(interviewRows.map((i) => [i.id, i]));
  const cards = feedback.scorecards
    .filter((s) => s.status === 'submitted' && interviewOf.has(s.interviewId))
    .map((s) => ({ ...s, interview: interviewOf.get(s.interviewId)! }))
    .sort((a, b) => a.interview.scheduledAt.getTime() - b.interview.scheduledAt.getTime() || a.interviewerName.localeCompare(b.interviewerName));

  const weighted = new Map(grid.skills.map((s) => [s.skillId, s]));
  const ratedIds = new Set(cards.flatMap((c) => Object.keys(c.ratings)));
  const extraIds = [...ratedIds].filter((id) => !weighted.has(id));
  const noteItemIds = [...new Set(cards.flatMap((c) => Object.keys(c.notes)))];
  const [extraSkills, items] = await Promise.all([
    extraIds.length ? ctx.db.select({ skillId: skills.id, name: skills.name }).from(skills).where(inArray(skills.id, extraIds)) : [],
    noteItemIds.length
      ? ctx.db
          .select({ id: kitItems.id, title: questionVersions.title, section: kitSections.position, position: kitItems.position })
          .from(kitItems)
          .innerJoin(kitSections, eq(kitSections.id, kitItems.sectionId))
          .innerJoin(questionVersions, eq(questionVersions.id, kitItems.questionVersionId))
          .where(inArray(kitItems.id, noteItemIds))
      : [],
  ]);
  extraSkills.sort((a, b) => a.name.localeCompare(b.name));

  const skillRows: PacketSkill[] = [...grid.skills.map((s) => ({ skillId: s.skillId, name: s.name, weight: s.weight })), ...extraSkills.map((s) => ({ ...s, weight: null }))].map(
    (s) => {
      const cell = row.cells[s.skillId];
      return cell
        ? { ...s, mean: cell.mean, n: cell.n, min: cell.min, max: cell.max, sd: cell.sd, disagreement: cell.disagreement, anchor: nearestAnchor(cell.mean) }
        : { ...s, mean: null, n: 0, min: null, max: null, sd: null, disagreement: false, anchor: null };
    },
  );
  const itemOrder = new Map(items.map((i) => [i.id, i]));

  const disagreements: PacketDisagreement[] = skillRows
    .filter((s) => s.disagreement)
    .map((s) => ({
      skillId: s.skillId,
      name: s.name,
      spread: s.max! - s.min!,
      // The spread comes from counted cards only, so only their ratings explain it.
      ratings: cards
        .filter((c) => c.counted)
        .flatMap((c) => {
          const rating = c.ratings[s.skillId];
          return typeof rating === 'number' ? [{ interviewerName: c.interviewerName, stageName: c.interview.stageName, rating }] : [];
        })
        .sort((a, b) => b.rating - a.rating || a.interviewerName.localeCompare(b.interviewerName)),
    }));

  const scorecards: PacketScorecard[] = cards.map((c) => ({
    id: c.id,
    interviewId: c.interviewId,
    interviewerName: c.interviewerName,
    mine: c.mine,
    stageName: c.interview.stageName,
    interviewAt: c.interview.scheduledAt.toISOString(),
    submittedAt: c.submittedAt,
    recommendation: c.recommendation,
    panelRole: c.panelRole,
    counted: c.counted,
    summary: c.summary,
    ratings: skillRows.filter((s) => c.ratings[s.skillId] !== undefined).map((s) => ({ skillId: s.skillId, name: s.name, rating: c.ratings[s.skillId]! })),
    notes: Object.keys(c.notes)
      .filter((id) => itemOrder.has(id) && (c.notes[id]!.trim() || c.questionRatings[id]))
      .sort((a, b) => itemOrder.get(a)!.section - itemOrder.get(b)!.section || itemOrder.get(a)!.position - itemOrder.get(b)!.position)
      .map((id) => ({ kitItemId: id, question: itemOrder.get(id)!.title, body: c.notes[id]!, rating: c.questionRatings[id] ?? null })),
  }));

  return {
    composite: row.composite,
    coverage: row.coverage,
    recommendations: row.recommendations,
    recommendationsSplit: recommendationsSplit(row.recommendations),
    skills: skillRows,
    ...strongestAndWeakest(grid.skills, row.cells),
    disagreements,
    scorecards,
  };
}
