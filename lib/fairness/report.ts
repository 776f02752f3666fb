import 'server-only';
// The adverse-impact report for one opening, readable only with `eeo:read` and audited on every
// read (who looked, at which opening — never a figure). Counts are aggregated in SQL by group;
// lib/fairness/statistics.ts turns them into rates, impact ratios and Fisher's p.
//
// "Selected at a step": the loop is applied → stage 1 → … → stage N → hired. An application has
// reached a loop stage when it was moved to it or has a non-cancelled interview there (or later);
// a hire has reached every step. For the step from X to the next, the pool is everyone who
// reached X and was decided there: those who reached the next step (selected) and those
// rejected at X. Applications still active at X are pending and withdrawals are self-removals,
// so both stay out of that step's pool. "Applied → hired" compares hires with all rejections.
import { and, asc, eq, sql } from 'drizzle-orm';
import { openingStages, openings } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { queryRows } from '../sql';
import { parseInput } from '../validation';
import { optionLabel, PREFER_NOT_TO_SAY, SELF_ID_QUESTIONS } from './questions';
import { AdverseImpactInput } from './schemas';
import { compareSelectionRates, type GroupCount, type GroupResult } from './statistics';

export type LabelledGroupResult = GroupResult & { label: string };

export interface DimensionComparison {
  question: string;
  dimension: string;
  groups: LabelledGroupResult[];
  /** People in the pool who chose "prefer not to say" or never answered: in no group. */
  withoutGroup: number;
}

export interface SelectionStep {
  key: string;
  from: string;
  to: string;
  /** Decided at this step (selected + rejected), whatever their self-identification. */
  decided: number;
  /** Reached `from` and still undecided (active) — not in the pool. */
  pending: number;
  dimensions: DimensionComparison[];
}

export interface ScoreComparison {
  /** Median of the composite over every scored application of the opening; null when none is scored. */
  median: number | null;
  scored: number;
  dimensions: DimensionComparison[];
}

export interface AdverseImpactReport {
  opening: { id: string; title: string };
  applications: number;
  steps: SelectionStep[];
  scores: ScoreComparison;
}

const questionKeys = () =>
  sql.join(
    SELF_ID_QUESTIONS.map((q) => sql`(${q.key}::text)`),
    sql`, `,
  );

/** Openings to choose from on the report page (titles only). */
export async function listAdverseImpactOpenings(ctx: Ctx) {
  requirePermission(ctx, 'eeo:read');
  return ctx.db.select({ id: openings.id, title: openings.title, status: openings.status }).from(openings).where(eq(openings.organizationId, ctx.organizationId)).orderBy(asc(openings.title));
}

function compare(question: (typeof SELF_ID_QUESTIONS)[number], counts: Map<string, GroupCount>, withoutGroup: number): DimensionComparison {
  // Every option of the question is listed, answered or not, so a group's absence is visible too.
  const groups = question.options.filter((o) => o.key !== PREFER_NOT_TO_SAY).map((o) => counts.get(o.key) ?? { group: o.key, pool: 0, selected: 0 });
  return {
    question: question.key,
    dimension: question.dimension,
    groups: compareSelectionRates(groups).map((g) => ({ ...g, label: optionLabel(question.key, g.group) })),
    withoutGroup,
  };
}

export async function getAdverseImpactReport(ctx: Ctx, input: unknown): Promise<AdverseImpactReport> {
  requirePermission(ctx, 'eeo:read');
  const { openingId } = parseInput(AdverseImpactInput, input);
  const org = ctx.organizationId;
  const [opening] = await ctx.db.select({ id: openings.id, title: openings.title }).from(openings).where(and(eq(openings.id, openingId), eq(openings.organizationId, org)));
  if (!opening) throw new NotFoundError('Opening');
  const stagesQuery = ctx.db
    .select({ name: openingStages.name })
    .from(openingStages)
    .where(and(eq(openingStages.organizationId, org), eq(openingStages.openingId, openingId)))
    .orderBy(asc(openingStages.position), asc(openingStages.id));

  // Per question, answer, furthest step reached and application status: how many applications.
  const selectionRowsQuery = queryRows<{ question: string; answer: string; reached: number; stage: string; n: number }>(
    ctx.db,
    sql`
    with stages as (
      select id, (row_number() over (order by position, id))::int as level
      from opening_stages where organization_id = ${org} and opening_id = ${openingId}
    ),
    -- Materialized: inlined, the per-application subqueries would run once per question below.
    apps as materialized (
      select a.stage, si.answers,
        case when a.stage = 'hired' then (select count(*) from stages)::int + 1
        else greatest(
          coalesce((select s.level from stages s where s.id = a.current_stage_id), 0),
          coalesce((select max(s.level) from interviews i join stages s on s.id = i.opening_stage_id
                    where i.organization_id = ${org} and i.application_id = a.id and i.status <> 'cancelled'), 0))
        end as reached
      from applications a
      left join self_identifications si on si.organization_id = ${org} and si.candidate_id = a.candidate_id
      where a.organization_id = ${org} and a.opening_id = ${openingId}
    )
    select q.key as question, coalesce(apps.answers ->> q.key, '') as answer, apps.reached, apps.stage::text as stage, count(*)::int as n
    from apps cross join (values ${questionKeys()}) as q(key)
    group by 1, 2, 3, 4`,
  );

  // The composite as the grid computes it (weighted mean of skill means over skills with evidence),
  // split at the opening's median; per question and answer, how many were scored and how many above.
  const scoreRowsQuery = queryRows<{ question: string; answer: string; scored: number; above: number; median: number | null; total: number }>(
    ctx.db,
    sql`
    with weights as (select skill_id, weight from opening_skill_weights where organization_id = ${org} and opening_id = ${openingId}),
    composites as (
      select t.application_id,
             sum(((t.n1 + 2 * t.n2 + 3 * t.n3 + 4 * t.n4)::float8 / (t.n1 + t.n2 + t.n3 + t.n4)) * w.weight) / sum(w.weight) as composite
      from application_skill_tallies t join weights w on w.skill_id = t.skill_id
      where t.organization_id = ${org} and t.opening_id = ${openingId} and t.n1 + t.n2 + t.n3 + t.n4 > 0
      group by 1
    ),
    scored as (
      select c.composite, si.answers from composites c
      join applications a on a.id = c.application_id and a.organization_id = ${org}
      left join self_identifications si on si.organization_id = ${org} and si.candidate_id = a.candidate_id
    ),
    med as (select percentile_cont(0.5) within group (order by composite) as median, count(*)::int as total from scored)
    select q.key as question, coalesce(scored.answers ->> q.key, '') as answer, count(*)::int as scored,
           (count(*) filter (where scored.composite > med.median))::int as above, med.median, med.total
    from scored cross join med cross join (values ${questionKeys()}) as q(key)
    group by 1, 2, med.median, med.total`,
  );
  // The stages and the two counts are independent: the three statements run at once.
  const [stages, selectionRows, scoreRows] = await Promise.all([stagesQuery, selectionRowsQuery, scoreRowsQuery]);

  await recordAudit(ctx.db, { organizationId: org, actorUserId: ctx.userId, action: 'adverse_impact.viewed', entityType: 'opening', entityId: openingId, data: {} });

  const last = stages.length + 1;
  const levelName = (level: number) => (level === 0 ? 'Applied' : level === last ? 'Hired' : stages[level - 1]!.name);
  const rows = selectionRows.map((r) => ({ ...r, reached: Number(r.reached), n: Number(r.n) }));
  const firstQuestion = SELF_ID_QUESTIONS[0]!.key;
  const isGroup = (question: (typeof SELF_ID_QUESTIONS)[number], answer: string) => answer !== '' && answer !== PREFER_NOT_TO_SAY && question.options.some((o) => o.key === answer);

  const buildStep = (key: string, from: string, to: string, inPool: (r: (typeof rows)[number]) => 'selected' | 'rejected' | 'pending' | null): SelectionStep => {
    const pick = (question: string) => rows.filter((r) => r.question === question);
    const sum = (list: typeof rows, kind: string) => list.filter((r) => inPool(r) === kind).reduce((s, r) => s + r.n, 0);
    const base = pick(firstQuestion);
    return {
      key,
      from,
      to,
      decided: sum(base, 'selected') + sum(base, 'rejected'),
      pending: sum(base, 'pending'),
      dimensions: SELF_ID_QUESTIONS.map((question) => {
        const counts = new Map<string, GroupCount>();
        let withoutGroup = 0;
        for (const r of pick(question.key)) {
          const kind = inPool(r);
          if (kind !== 'selected' && kind !== 'rejected') continue;
          if (!isGroup(question, r.answer)) {
            withoutGroup += r.n;
            continue;
          }
          const g = counts.get(r.answer) ?? { group: r.answer, pool: 0, selected: 0 };
          g.pool += r.n;
          if (kind === 'selected') g.selected += r.n;
          counts.set(r.answer, g);
        }
        return compare(question, counts, withoutGroup);
      }),
    };
  };

  const steps: SelectionStep[] = [];
  for (let level = 0; level < last; level++) {
    steps.push(
      buildStep(`step-${level}`, levelName(level), levelName(level + 1), (r) => {
        if (r.reached > level) return 'selected';
        if (r.reached < level) return null;
        if (r.stage === 'rejected') return 'rejected';
        return r.stage === 'active' ? 'pending' : null;
      }),
    );
  }
  if (stages.length > 0) {
    steps.push(buildStep('overall', 'Applied', 'Hired', (r) => (r.stage === 'hired' ? 'selected' : r.stage === 'rejected' ? 'rejected' : r.stage === 'active' ? 'pending' : null)));
  }

  const scoreDimensions = SELF_ID_QUESTIONS.map((question) => {
    const counts = new Map<string, GroupCount>();
    let withoutGroup = 0;
    for (const r of scoreRows.filter((s) => s.question === question.key)) {
      if (!isGroup(question, r.answer)) withoutGroup += Number(r.scored);
      else counts.set(r.answer, { group: r.answer, pool: Number(r.scored), selected: Number(r.above) });
    }
    return compare(question, counts, withoutGroup);
  });
  const anyScore = scoreRows[0];

  return {
    opening,
    applications: rows.filter((r) => r.question === firstQuestion).reduce((s, r) => s + r.n, 0),
    steps,
    scores: { median: anyScore?.median === null || anyScore === undefined ? null : Number(anyScore.median), scored: anyScore ? Number(anyScore.total) : 0, dimensions: scoreDimensions },
  };
}
