import 'server-only';
// The opening dashboard's grid, computed in one SQL statement: per candidate and skill the mean of
// submitted ratings with n, range and standard deviation; the weighted composite over skills with
// evidence and its coverage (share of the opening's weight that has evidence); the tally of
// recommendations; a disagreement flag where the range is 2 points or more. Only submitted
// scorecards count, and the independent-scoring rule limits which candidates a viewer sees.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { openings, organizations } from '@/db/schema';
import { can, type Ctx, requirePermission } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { listCandidateFeedback } from '../scorecards/queries';
import { parseInput } from '../validation';
import { parseId } from '../ids';
import { queryRows } from '../sql';

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
  name: string;
  stage: 'active' | 'hired' | 'rejected' | 'withdrawn';
  composite: number | null;
  coverage: number;
  recommendations: Record<'strong_no' | 'no' | 'yes' | 'strong_yes', number>;
  cells: Record<string, GridCell>;
}

export interface OpeningGrid {
  skills: { skillId: string; name: string; weight: number }[];
  candidates: GridCandidate[];
  /** Candidates with feedback hidden from this viewer by the independent-scoring rule. */
  hiddenCandidates: number;
}

export const DISAGREEMENT_RANGE = 2;

/**
 * The grid for an opening; with `candidateId`, the same statement restricted to that candidate's
 * application (the decision packet), so one candidate's figures never differ from their grid row.
 */
export async function getOpeningGrid(ctx: Ctx, openingIdInput: unknown, options: { candidateId?: unknown } = {}): Promise<OpeningGrid> {
  requirePermission(ctx, 'dashboard:read');
  const openingId = parseId('openingId', openingIdInput);
  const candidateId = options.candidateId === undefined ? undefined : parseId('candidateId', options.candidateId);
  const [opening] = await ctx.db.select({ id: openings.id }).from(openings).where(and(eq(openings.id, openingId), eq(openings.organizationId, ctx.organizationId)));
  if (!opening) throw new NotFoundError('Opening');
  let seesAll = false;
  if (can(ctx, 'scorecard:read_all')) {
    const [org] = await ctx.db.select({ strict: organizations.leadsScoreIndependently }).from(organizations).where(eq(organizations.id, ctx.organizationId));
    seesAll = !org?.strict;
  }
  const org = ctx.organizationId;
  const rows = await queryRows<{ kind: 'skill' | 'candidate' | 'hidden'; data: string }>(
    ctx.db,
    sql`
    with apps as (
      select a.id, a.candidate_id, a.stage,
        (${seesAll} or exists (
          select 1 from scorecards s2
          join interviews i2 on i2.id = s2.interview_id
          join applications a2 on a2.id = i2.application_id
          where s2.organization_id = ${org} and s2.interviewer_user_id = ${ctx.userId} and s2.status = 'submitted' and a2.candidate_id = a.candidate_id
        )) as visible
      from applications a
      where a.organization_id = ${org} and a.opening_id = ${openingId} ${candidateId ? sql`and a.candidate_id = ${candidateId}` : sql``}
    ),
    submitted as (
      select apps.candidate_id, s.id as scorecard_id, s.recommendation
      from apps
      join interviews i on i.application_id = apps.id and i.organization_id = ${org}
      join scorecards s on s.interview_id = i.id and s.organization_id = ${org} and s.status = 'submitted'
      where apps.visible
    ),
    cells as (
      select sub.candidate_id, r.skill_id, avg(r.rating)::float8 as mean, count(*)::int as n, min(r.rating)::int as min, max(r.rating)::int as max,
             coalesce(stddev_pop(r.rating), 0)::float8 as sd
      from submitted sub
      join scorecard_ratings r on r.scorecard_id = sub.scorecard_id and r.organization_id = ${org} and r.rating is not null
      group by 1, 2
    ),
    weights as (
      select w.skill_id, w.weight, s.name from opening_skill_weights w join skills s on s.id = w.skill_id
      where w.organization_id = ${org} and w.opening_id = ${openingId}
    ),
    composite as (
      select c.candidate_id, sum(c.mean * w.weight) / sum(w.weight) as composite,
             sum(w.weight)::float8 / nullif((select sum(weight) from weights), 0) as coverage
      from cells c join weights w on w.skill_id = c.skill_id
      group by 1
    ),
    recs as (
      select candidate_id,
        count(*) filter (where recommendation = 'strong_no')::int as strong_no, count(*) filter (where recommendation = 'no')::int as no,
        count(*) filter (where recommendation = 'yes')::int as yes, count(*) filter (where recommendation = 'strong_yes')::int as strong_yes
      from submitted group by 1
    )
    select 'skill' as kind, json_build_object('skillId', w.skill_id, 'name', w.name, 'weight', w.weight)::text as data from weights w
    union all
    select 'candidate', json_build_object(
      'candidateId', c.id, 'name', c.name, 'stage', apps.stage,
      'composite', comp.composite, 'coverage', coalesce(comp.coverage, 0),
      'recommendations', json_build_object('strong_no', coalesce(recs.strong_no, 0), 'no', coalesce(recs.no, 0), 'yes', coalesce(recs.yes, 0), 'strong_yes', coalesce(recs.strong_yes, 0)),
      'cells', coalesce((select json_object_agg(cells.skill_id, json_build_object('mean', cells.mean, 'n', cells.n, 'min', cells.min, 'max', cells.max, 'sd', cells.sd,
                                'disagreement', cells.max - cells.min >= ${DISAGREEMENT_RANGE}))
                         from cells where cells.candidate_id = c.id), '{}'::json))::text
    from apps
    join candidates c on c.id = apps.candidate_id
    left join composite comp on comp.candidate_id = apps.candidate_id
    left join recs on recs.candidate_id = apps.candidate_id
    where apps.visible
    union all
    select 'hidden', count(*)::text from apps where not apps.visible`,
  );
  const skills = rows.filter((r) => r.kind === 'skill').map((r) => JSON.parse(r.data) as OpeningGrid['skills'][number]);
  skills.sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  const candidates = rows.filter((r) => r.kind === 'candidate').map((r) => JSON.parse(r.data) as GridCandidate);
  candidates.sort((a, b) => (b.composite ?? -1) - (a.composite ?? -1) || a.name.localeCompare(b.name));
  return { skills, candidates, hiddenCandidates: Number(rows.find((r) => r.kind === 'hidden')?.data ?? 0) };
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
  const grid = await getOpeningGrid(ctx, openingId);
  const chosen = candidateIds.map((id) => grid.candidates.find((c) => c.candidateId === id)).filter((c): c is GridCandidate => Boolean(c));
  if (chosen.length < candidateIds.length) throw ValidationError.field('candidateIds', 'Choose candidates of this opening whose feedback you can see');
  const feedback = await Promise.all(chosen.map((c) => listCandidateFeedback(ctx, { candidateId: c.candidateId })));
  return {
    skills: grid.skills,
    candidates: chosen.map((c, i) => ({
      ...c,
      ...strongestAndWeakest(grid.skills, c.cells),
      scorecards: feedback[i]!.scorecards.filter((s) => s.status === 'submitted'),
    })),
  };
}
