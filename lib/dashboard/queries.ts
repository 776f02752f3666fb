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
        (${seesAll} or a.candidate_id in (
          select a2.candidate_id from scorecards s2
          join interviews i2 on i2.id = s2.interview_id
          join applications a2 on a2.id = i2.application_id
          where s2.organization_id = ${org} and s2.interviewer_user_id = ${ctx.userId} and s2.status = 'submitted'
        )) as visible
      from applications a
      where a.organization_id = ${org} and a.opening_id = ${openingId} ${candidateId ? sql`and a.candidate_id = ${candidateId}` : sql``}
    ),
    -- Per application and skill, from the running tallies of submitted ratings (db/analytics.ts).
    tallies as (
      select t.application_id, t.skill_id, t.n1 + t.n2 + t.n3 + t.n4 as n,
             (t.n1 + 2 * t.n2 + 3 * t.n3 + 4 * t.n4)::float8 as total,
             (t.n1 + 4 * t.n2 + 9 * t.n3 + 16 * t.n4)::float8 as squares,
             case when t.n1 > 0 then 1 when t.n2 > 0 then 2 when t.n3 > 0 then 3 else 4 end as min,
             case when t.n4 > 0 then 4 when t.n3 > 0 then 3 when t.n2 > 0 then 2 else 1 end as max
      from application_skill_tallies t join apps on apps.id = t.application_id and apps.visible
      where t.organization_id = ${org} and t.opening_id = ${openingId} and t.n1 + t.n2 + t.n3 + t.n4 > 0
    ),
    cells as (
      select application_id, skill_id, n, min, max, total / n as mean,
             sqrt(greatest(squares / n - (total / n) ^ 2, 0)) as sd
      from tallies
    ),
    weights as (
      select w.skill_id, w.weight, s.name from opening_skill_weights w join skills s on s.id = w.skill_id
      where w.organization_id = ${org} and w.opening_id = ${openingId}
    ),
    per_application as (
      select c.application_id,
             sum(c.mean * w.weight) filter (where w.weight is not null) / sum(w.weight) as composite,
             coalesce(sum(w.weight), 0)::float8 / nullif((select sum(weight) from weights), 0) as coverage,
             json_object_agg(c.skill_id, json_build_object('mean', c.mean, 'n', c.n, 'min', c.min, 'max', c.max, 'sd', c.sd,
                             'disagreement', c.max - c.min >= ${DISAGREEMENT_RANGE})) as cells
      from cells c left join weights w on w.skill_id = c.skill_id
      group by 1
    ),
    recs as (
      select i.application_id,
        count(*) filter (where s.recommendation = 'strong_no')::int as strong_no, count(*) filter (where s.recommendation = 'no')::int as no,
        count(*) filter (where s.recommendation = 'yes')::int as yes, count(*) filter (where s.recommendation = 'strong_yes')::int as strong_yes
      from apps
      join interviews i on i.application_id = apps.id and i.organization_id = ${org}
      join scorecards s on s.interview_id = i.id and s.organization_id = ${org} and s.status = 'submitted'
      where apps.visible
      group by 1
    )
    select 'skill' as kind, json_build_object('skillId', w.skill_id, 'name', w.name, 'weight', w.weight)::text as data from weights w
    union all
    select 'candidate', json_build_object(
      'candidateId', c.id, 'name', c.name, 'stage', apps.stage,
      'composite', pa.composite, 'coverage', coalesce(pa.coverage, 0),
      'recommendations', json_build_object('strong_no', coalesce(recs.strong_no, 0), 'no', coalesce(recs.no, 0), 'yes', coalesce(recs.yes, 0), 'strong_yes', coalesce(recs.strong_yes, 0)),
      'cells', coalesce(pa.cells, '{}'::json))::text
    from apps
    join candidates c on c.id = apps.candidate_id
    left join per_application pa on pa.application_id = apps.id
    left join recs on recs.application_id = apps.id
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
