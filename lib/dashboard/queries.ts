import 'server-only';
// The opening dashboard's grid, computed from the running tallies of submitted ratings: per
// candidate and skill the mean with n, range and standard deviation; the weighted composite over skills with
// evidence and its coverage (share of the opening's weight that has evidence); the tally of
// recommendations; a disagreement flag where the range is 2 points or more. Only submitted
// scorecards count, and the independent-scoring rule limits which candidates a viewer sees.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { openings } from '@/db/schema';
import { candidateLabelSql, identityHiddenSql } from '../candidates/blind';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { listCandidateFeedback } from '../scorecards/queries';
import type { DecisionOutcome } from '../decisions/schemas';
import { othersFeedbackVisibleSql, viewerFeedbackScope } from '../scorecards/visibility';
import { parseInput } from '../validation';
import { parseId } from '../ids';
import { queryRows } from '../sql';
import { forReads } from '../read-replica';

export interface GridCell {
  mean: number;
  n: number;
  min: number;
  max: number;
  sd: number;
  disagreement: boolean;
}

export interface GridCandidate {
  candidateId: string;
  applicationId: string;
  /** The candidate's name, or the application's code where blind review hides it from the viewer. */
  name: string;
  /** Shown by code (lib/candidates/blind.ts). */
  blind: boolean;
  stage: 'active' | 'hired' | 'rejected' | 'withdrawn';
  composite: number | null;
  coverage: number;
  recommendations: Record<'strong_no' | 'no' | 'yes' | 'strong_yes', number>;
  cells: Record<string, GridCell>;
  /** The decision in force on the application (the latest recorded), if any. */
  decision: { outcome: DecisionOutcome; decidedAt: string } | null;
}

export interface OpeningGrid {
  skills: { skillId: string; name: string; weight: number }[];
  candidates: GridCandidate[];
  /** Candidates with feedback hidden from this viewer by the independent-scoring rule. */
  hiddenCandidates: number;
}

export const DISAGREEMENT_RANGE = 2;

/** The panel split on the recommendation: at least one yes (or strong yes) and one no (or strong no). */
export function recommendationsSplit(r: GridCandidate['recommendations']): boolean {
  return r.yes + r.strong_yes > 0 && r.no + r.strong_no > 0;
}

/**
 * The grid for an opening. With `candidateId` (the decision packet) or already validated
 * `candidateIds` (the comparison), the same statement restricted to those candidates, so their
 * figures never differ from their grid rows.
 */
export async function getOpeningGrid(ctx: Ctx, openingIdInput: unknown, options: { candidateId?: unknown; candidateIds?: string[] } = {}): Promise<OpeningGrid> {
  requirePermission(ctx, 'dashboard:read');
  // The grid is the heaviest read: a configured read replica serves it (lib/read-replica.ts).
  return computeOpeningGrid(await forReads(ctx), openingIdInput, options);
}

/**
 * The grid's statement without the dashboard:read check, for readers that decided access their
 * own way (the debrief, open to a candidate's cleared panelists). The independent-scoring rule
 * still applies inside, exactly as on the grid.
 */
export async function computeOpeningGrid(ctx: Ctx, openingIdInput: unknown, options: { candidateId?: unknown; candidateIds?: string[] } = {}): Promise<OpeningGrid> {
  const openingId = parseId('openingId', openingIdInput);
  const candidateId = options.candidateId === undefined ? undefined : parseId('candidateId', options.candidateId);
  const onlyCandidates = candidateId ? [candidateId] : options.candidateIds;
  const candidateFilter = onlyCandidates
    ? sql`and a.candidate_id in (${sql.join(
        onlyCandidates.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const [opening] = await ctx.db.select({ id: openings.id }).from(openings).where(and(eq(openings.id, openingId), eq(openings.organizationId, ctx.organizationId)));
  if (!opening) throw new NotFoundError('Opening');
  const scope = await viewerFeedbackScope(ctx);
  const org = ctx.organizationId;
  const blindAliases = { opening: 'bo', application: 'ba', candidate: 'c' };
  const skillRows = await queryRows<{ skill_id: string; name: string; weight: number }>(
    ctx.db,
    sql`select w.skill_id, s.name, w.weight from opening_skill_weights w join skills s on s.id = w.skill_id
        where w.organization_id = ${org} and w.opening_id = ${openingId}`,
  );
  // One row per application. Per skill the database sends the four counts of the running
  // tallies (db/analytics.ts) as "skill:n1:n2:n3:n4" — far cheaper than building JSON per cell —
  // and does the weighting itself: composite and coverage come out of SQL.
  const rows = await queryRows<{
    application_id: string;
    candidate_id: string;
    name: string;
    blind: boolean;
    stage: GridCandidate['stage'];
    visible: boolean;
    composite: number | null;
    coverage: number | null;
    cells: string | null;
    strong_no: number | null;
    no: number | null;
    yes: number | null;
    strong_yes: number | null;
    decision_outcome: DecisionOutcome | null;
    decided_at: Date | string | null;
  }>(
    ctx.db,
    sql`
    with apps as (
      select a.id, a.candidate_id, a.stage,
        ${othersFeedbackVisibleSql(ctx, sql`a.candidate_id`, scope)} as visible
      from applications a
      where a.organization_id = ${org} and a.opening_id = ${openingId} ${candidateFilter}
    ),
    weights as (select skill_id, weight from opening_skill_weights where organization_id = ${org} and opening_id = ${openingId}),
    cells as (
      select t.application_id, t.skill_id, t.n1, t.n2, t.n3, t.n4, w.weight,
             (t.n1 + 2 * t.n2 + 3 * t.n3 + 4 * t.n4)::float8 / (t.n1 + t.n2 + t.n3 + t.n4) as mean
      from application_skill_tallies t
      join apps on apps.id = t.application_id and apps.visible
      left join weights w on w.skill_id = t.skill_id
      where t.organization_id = ${org} and t.opening_id = ${openingId} and t.n1 + t.n2 + t.n3 + t.n4 > 0
    ),
    per_application as (
      select application_id,
             sum(mean * weight) / sum(weight) as composite,
             coalesce(sum(weight), 0)::float8 / nullif((select sum(weight) from weights), 0) as coverage,
             string_agg(skill_id || ':' || n1 || ':' || n2 || ':' || n3 || ':' || n4, ',') as cells
      from cells group by 1
    )
    select apps.id as application_id, apps.candidate_id, ${candidateLabelSql('dashboard', ctx, blindAliases)} as name,
           ${identityHiddenSql('dashboard', ctx, blindAliases)} as blind, apps.stage, apps.visible, pa.composite, pa.coverage, pa.cells,
           rt.strong_no, rt.no, rt.yes, rt.strong_yes, ld.outcome as decision_outcome, ld.decided_at
    from apps
    join candidates c on c.id = apps.candidate_id
    join applications ba on ba.id = apps.id
    join openings bo on bo.id = ba.opening_id
    left join per_application pa on pa.application_id = apps.id
    left join application_tallies rt on rt.application_id = apps.id and apps.visible
    left join lateral (
      select d.outcome, d.decided_at from application_decisions d
      where d.organization_id = ${org} and d.application_id = apps.id
      order by d.revision desc limit 1
    ) ld on true`,
  );
  const skills = skillRows.map((r) => ({ skillId: r.skill_id, name: r.name, weight: Number(r.weight) }));
  skills.sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  const visible = rows.filter((r) => r.visible);
  const candidates: GridCandidate[] = visible.map((r) => ({
    candidateId: r.candidate_id,
    applicationId: r.application_id,
    name: r.name,
    blind: Boolean(r.blind),
    stage: r.stage,
    composite: r.composite === null ? null : Number(r.composite),
    coverage: Number(r.coverage ?? 0),
    recommendations: { strong_no: Number(r.strong_no ?? 0), no: Number(r.no ?? 0), yes: Number(r.yes ?? 0), strong_yes: Number(r.strong_yes ?? 0) },
    cells: Object.fromEntries((r.cells ? r.cells.split(',') : []).map(cellFromCounts)),
    decision: r.decision_outcome && r.decided_at ? { outcome: r.decision_outcome, decidedAt: new Date(r.decided_at).toISOString() } : null,
  }));
  candidates.sort((a, b) => (b.composite ?? -1) - (a.composite ?? -1) || a.name.localeCompare(b.name));
  return { skills, candidates, hiddenCandidates: rows.length - visible.length };
}

/** "skillId:n1:n2:n3:n4" → [skillId, the cell's mean, n, range, population SD and disagreement]. */
function cellFromCounts(encoded: string): [string, GridCell] {
  const [skillId, ...parts] = encoded.split(':');
  const counts = parts.map(Number);
  let n = 0;
  let total = 0;
  let squares = 0;
  let min = 0;
  let max = 0;
  counts.forEach((count, i) => {
    if (!count) return;
    const value = i + 1;
    n += count;
    total += count * value;
    squares += count * value * value;
    min ||= value;
    max = value;
  });
  const mean = total / n;
  const sd = Math.sqrt(Math.max(0, squares / n - mean * mean));
  return [skillId!, { mean, n, min, max, sd, disagreement: max - min >= DISAGREEMENT_RANGE }];

}

const CompareInput = z.object({
  openingId: z.uuid({ error: 'Opening is not a valid id' }),
  candidateIds: z.preprocess(
    (v) => (Array.isArray(v) ? v : v ? [v] : []),
    z.array(z.uuid({ error: 'Candidate is not a valid id' })).min(2, 'Choose 2 to 5 candidates').max(5, 'Choose 2 to 5 candidates'),
  ),
});

/** The skills with the highest and the lowest mean among the opening's weighted skills with evidence (ties listed together). */
export function strongestAndWeakest(skills: OpeningGrid['skills'], cells: GridCandidate['cells']): { strongest: string[]; weakest: string[] } {
  const scored = skills.filter((s) => cells[s.skillId]).map((s) => ({ name: s.name, mean: cells[s.skillId]!.mean }));
  const best = Math.max(...scored.map((s) => s.mean));
  const worst = Math.min(...scored.map((s) => s.mean));
  return {
    strongest: scored.filter((s) => s.mean === best).map((s) => s.name),
    weakest: scored.length > 1 ? scored.filter((s) => s.mean === worst && worst < best).map((s) => s.name) : [],
  };
}

/** Two to five candidates side by side: their grid rows, strongest and weakest skills, and the feedback the viewer may see. */
export async function compareCandidates(ctx: Ctx, input: unknown) {
  const { openingId, candidateIds } = parseInput(CompareInput, input);
  const grid = await getOpeningGrid(ctx, openingId, { candidateIds });
  const chosen = candidateIds.map((id) => grid.candidates.find((c) => c.candidateId === id)).filter((c): c is GridCandidate => Boolean(c));
  if (chosen.length < candidateIds.length) throw ValidationError.field('candidateIds', 'Choose candidates of this opening whose feedback you can see');
  const feedback = await Promise.all(chosen.map((c) => listCandidateFeedback(ctx, { candidateId: c.candidateId }, { surface: 'dashboard' })));
  return {
    skills: grid.skills,
    candidates: chosen.map((c, i) => ({
      ...c,
      ...strongestAndWeakest(grid.skills, c.cells),
      scorecards: feedback[i]!.scorecards.filter((s) => s.status === 'submitted'),
    })),
  };
}
