import 'server-only';
// Predictive validity: how interview scores of hires relate to their post-hire outcomes at one
// checkpoint, per opening, kit, skill, question and interviewer. Readable with dashboard:read —
// it shows aggregates only, never a candidate. The pairs are built and summed in one SQL
// statement (sufficient statistics per group); lib/validity/statistics.ts turns the sums into
// r, Fisher's interval and a reading. Ratings count by the aggregates' one rule
// (countedScorecardSql), and skill scores and composites come from the same tallies and weights
// as the comparison grid.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { countedScorecardSql } from '@/db/counted';
import { kits, openingSkillWeights, openings, questionVersions, questions, skills, users } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { updateOpening } from '../openings/mutations';
import { getOpeningForEdit } from '../openings/queries';
import type { OutcomeCheckpoint } from '../outcomes/schemas';
import { queryRows } from '../sql';
import { parseInput } from '../validation';
import { AcceptSuggestedWeightsInput, ValidityReportInput } from './schemas';
import { assessValidity, type PairSums, sampleSd, type SuggestedWeight, suggestWeights, type ValidityResult } from './statistics';

export const VALIDITY_DIMENSIONS = ['opening', 'kit', 'skill', 'skill_outcome', 'question', 'interviewer'] as const;
export type ValidityDimension = (typeof VALIDITY_DIMENSIONS)[number];

export interface ValidityRow {
  id: string;
  label: string;
  result: ValidityResult;
}

export interface ValidityReport {
  checkpoint: OutcomeCheckpoint;
  opening: { id: string; title: string; revision: number } | null;
  /** Hires in scope with an outcome at the checkpoint. */
  hiresWithOutcome: number;
  /** Per dimension, one row per group (opening, kit, skill…), most data first. */
  rows: Record<ValidityDimension, ValidityRow[]>;
  /** Spread of the composite among hires vs among every scored candidate in scope: how restricted the range is. */
  rangeRestriction: { applicantsSd: number | null; hiresSd: number | null; applicants: number; hires: number };
  /** For one opening: its current weights beside what the skill validities support. */
  suggestion: (SuggestedWeight & { name: string })[] | null;
}

/** Openings to choose from (titles only). */
export async function listValidityOpenings(ctx: Ctx) {
  requirePermission(ctx, 'dashboard:read');
  return ctx.db.select({ id: openings.id, title: openings.title }).from(openings).where(eq(openings.organizationId, ctx.organizationId)).orderBy(asc(openings.title));
}

interface SumsRow {
  dimension: ValidityDimension;
  group_id: string;
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
}

/**
 * One row per (dimension, group) with the sums of x (interview score), y (outcome rating) and
 * their squares and products over that group's hires:
 *  opening       — x: composite (weighted mean of skill means), y: overall outcome
 *  kit           — x: mean of the counted ratings given in interviews with that kit
 *  skill         — x: the skill's mean rating, y: overall outcome
 *  skill_outcome — x: the skill's mean rating, y: the outcome rating of the same skill
 *  question      — x: mean of the question's ratings
 *  interviewer   — x: mean of that interviewer's ratings of the hire
 */
function validitySumsSql(org: string, checkpoint: OutcomeCheckpoint, openingId: string | undefined) {
  const inOpening = openingId ? sql`and a.opening_id = ${openingId}` : sql``;
  return sql`
    with hires as (
      select o.id as outcome_id, a.id as application_id, a.opening_id, o.overall_rating::float8 as y
      from post_hire_outcomes o
      join applications a on a.id = o.application_id and a.organization_id = ${org} and a.stage = 'hired'
      where o.organization_id = ${org} and o.checkpoint = ${checkpoint} ${inOpening}
    ),
    skill_means as (
      select h.application_id, h.opening_id, h.outcome_id, h.y, t.skill_id,
             (t.n1 + 2 * t.n2 + 3 * t.n3 + 4 * t.n4)::float8 / (t.n1 + t.n2 + t.n3 + t.n4) as x
      from hires h join application_skill_tallies t on t.application_id = h.application_id and t.organization_id = ${org}
      where t.n1 + t.n2 + t.n3 + t.n4 > 0
    ),
    counted as (
      select h.application_id, h.y, s.id as scorecard_id, s.interviewer_user_id, kv.kit_id
      from hires h
      join interviews i on i.application_id = h.application_id and i.organization_id = ${org}
      -- organization first: the (organization_id, interview_id, interviewer_user_id) index answers it
      join scorecards s on s.organization_id = ${org} and s.interview_id = i.id and ${countedScorecardSql('s')}
      join kit_versions kv on kv.id = i.kit_version_id
    ),
    skill_ratings as (
      select c.application_id, c.y, c.interviewer_user_id, c.kit_id, sr.rating::float8 as v
      from counted c join scorecard_ratings sr on sr.scorecard_id = c.scorecard_id and sr.rating is not null
    ),
    pairs as (
      select 'opening' as dimension, sm.opening_id as group_id, sum(sm.x * w.weight) / sum(w.weight) as x, sm.y
      from skill_means sm join opening_skill_weights w on w.opening_id = sm.opening_id and w.skill_id = sm.skill_id and w.organization_id = ${org}
      group by sm.opening_id, sm.application_id, sm.y
      union all
      select 'kit', kit_id, avg(v), y from skill_ratings group by kit_id, application_id, y
      union all
      select 'skill', skill_id, x, y from skill_means
      union all
      select 'skill_outcome', sm.skill_id, sm.x, r.rating::float8
      from skill_means sm join post_hire_outcome_skill_ratings r on r.outcome_id = sm.outcome_id and r.skill_id = sm.skill_id
      union all
      select 'question', qv.question_id, avg(n.rating)::float8, c.y
      from counted c
      join scorecard_notes n on n.scorecard_id = c.scorecard_id and n.rating is not null
      join kit_items ki on ki.id = n.kit_item_id
      join question_versions qv on qv.id = ki.question_version_id
      group by qv.question_id, c.application_id, c.y
      union all
      select 'interviewer', interviewer_user_id, avg(v), y from skill_ratings group by interviewer_user_id, application_id, y
    )
    select dimension, group_id, count(*)::int as n, sum(x) as sx, sum(y) as sy, sum(x * x) as sxx, sum(y * y) as syy, sum(x * y) as sxy
    from pairs group by 1, 2`;
}

/** The composite's spread over every scored application in scope (hired or not), for the range-restriction note. */
function applicantSpreadSql(org: string, openingId: string | undefined) {
  const inOpening = openingId ? sql`and t.opening_id = ${openingId}` : sql``;
  return sql`
    with composites as (
      select t.application_id, sum(w.weight * (t.n1 + 2 * t.n2 + 3 * t.n3 + 4 * t.n4)::float8 / (t.n1 + t.n2 + t.n3 + t.n4)) / sum(w.weight) as x
      from application_skill_tallies t
      join opening_skill_weights w on w.opening_id = t.opening_id and w.skill_id = t.skill_id and w.organization_id = ${org}
      where t.organization_id = ${org} and t.n1 + t.n2 + t.n3 + t.n4 > 0 ${inOpening}
      group by t.application_id
    )
    select count(*)::int as n, stddev_samp(x) as sd from composites`;
}

async function labels(ctx: Ctx, ids: Record<ValidityDimension, string[]>): Promise<Map<string, string>> {
  const org = ctx.organizationId;
  const out = new Map<string, string>();
  const skillIds = [...new Set([...ids.skill, ...ids.skill_outcome])];
  const [o, k, s, q, u] = await Promise.all([
    ids.opening.length ? ctx.db.select({ id: openings.id, label: openings.title }).from(openings).where(and(eq(openings.organizationId, org), inArray(openings.id, ids.opening))) : [],
    ids.kit.length ? ctx.db.select({ id: kits.id, label: kits.name }).from(kits).where(inArray(kits.id, ids.kit)) : [],
    skillIds.length ? ctx.db.select({ id: skills.id, label: skills.name }).from(skills).where(inArray(skills.id, skillIds)) : [],
    ids.question.length
      ? ctx.db.select({ id: questions.id, label: questionVersions.title }).from(questions).innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId)).where(inArray(questions.id, ids.question))
      : [],
    ids.interviewer.length ? ctx.db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids.interviewer)) : [],
  ]);
  for (const r of [...o, ...k, ...s, ...q]) out.set(r.id, r.label);
  for (const r of u) out.set(r.id, r.name ?? r.email);
  return out;
}

export async function getValidityReport(ctx: Ctx, input: unknown): Promise<ValidityReport> {
  requirePermission(ctx, 'dashboard:read');
  const { openingId, checkpoint } = parseInput(ValidityReportInput, input);
  const org = ctx.organizationId;
  let opening: ValidityReport['opening'] = null;
  if (openingId) {
    const [row] = await ctx.db.select({ id: openings.id, title: openings.title, revision: openings.revision }).from(openings).where(and(eq(openings.id, openingId), eq(openings.organizationId, org)));
    if (!row) throw new NotFoundError('Opening');
    opening = row;
  }
  const [sums, [spread]] = await Promise.all([queryRows<SumsRow>(ctx.db, validitySumsSql(org, checkpoint, openingId)), queryRows<{ n: number; sd: number | null }>(ctx.db, applicantSpreadSql(org, openingId))]);
  const [hireCount] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from post_hire_outcomes o join applications a on a.id = o.application_id and a.stage = 'hired'
        where o.organization_id = ${org} and a.organization_id = ${org} and o.checkpoint = ${checkpoint} ${openingId ? sql`and a.opening_id = ${openingId}` : sql``}`,
  );

  const ids = Object.fromEntries(VALIDITY_DIMENSIONS.map((d) => [d, sums.filter((r) => r.dimension === d).map((r) => r.group_id)])) as Record<ValidityDimension, string[]>;
  const names = await labels(ctx, ids);
  const rows = Object.fromEntries(VALIDITY_DIMENSIONS.map((d) => [d, [] as ValidityRow[]])) as Record<ValidityDimension, ValidityRow[]>;
  const sumsOf = (r: SumsRow): PairSums => ({ n: Number(r.n), sx: Number(r.sx), sy: Number(r.sy), sxx: Number(r.sxx), syy: Number(r.syy), sxy: Number(r.sxy) });
  let hiresComposite: PairSums | null = null;
  for (const r of sums) {
    rows[r.dimension].push({ id: r.group_id, label: names.get(r.group_id) ?? 'Removed', result: assessValidity(sumsOf(r)) });
    if (r.dimension === 'opening') {
      const s = sumsOf(r);
      hiresComposite = hiresComposite ? { n: hiresComposite.n + s.n, sx: hiresComposite.sx + s.sx, sy: 0, sxx: hiresComposite.sxx + s.sxx, syy: 0, sxy: 0 } : s;
    }
  }
  for (const d of VALIDITY_DIMENSIONS) rows[d].sort((x, y) => y.result.n - x.result.n || x.label.localeCompare(y.label));

  let suggestion: ValidityReport['suggestion'] = null;
  if (opening) {
    const current = await ctx.db
      .select({ skillId: openingSkillWeights.skillId, weight: openingSkillWeights.weight, name: skills.name })
      .from(openingSkillWeights)
      .innerJoin(skills, eq(skills.id, openingSkillWeights.skillId))
      .where(and(eq(openingSkillWeights.organizationId, org), eq(openingSkillWeights.openingId, opening.id)))
      .orderBy(desc(openingSkillWeights.weight), asc(skills.name));
    const bySkill = new Map(rows.skill.map((r) => [r.id, r.result]));
    const nameOf = new Map(current.map((c) => [c.skillId, c.name]));
    suggestion = suggestWeights(current, bySkill).map((w) => ({ ...w, name: nameOf.get(w.skillId) ?? '' }));
  }

  return {
    checkpoint,
    opening,
    hiresWithOutcome: Number(hireCount?.n ?? 0),
    rows,
    rangeRestriction: {
      applicantsSd: spread?.sd === null || spread?.sd === undefined ? null : Number(spread.sd),
      applicants: Number(spread?.n ?? 0),
      hiresSd: hiresComposite ? sampleSd(hiresComposite.n, hiresComposite.sx, hiresComposite.sxx) : null,
      hires: hiresComposite?.n ?? 0,
    },
    suggestion,
  };
}

/** "skillId:weight" pairs in a stable order: what the page shows and sends back on accept. */
export function suggestionFingerprint(suggestion: readonly { skillId: string; weight: number }[]): string[] {
  return suggestion.map((w) => `${w.skillId}:${w.weight}`).sort();
}

/**
 * Accepts the suggested weights for one opening: recomputes the suggestion, refuses (409) when it
 * is no longer what the page showed (new outcomes or ratings since), and otherwise saves it
 * through updateOpening — the opening's revision check, tally rebuild and audit all apply.
 */
export async function acceptSuggestedWeights(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'opening:write');
  const data = parseInput(AcceptSuggestedWeightsInput, input);
  return inTransaction(ctx, async (tx) => {
    const report = await getValidityReport(tx, { openingId: data.openingId, checkpoint: data.checkpoint });
    const suggestion = report.suggestion ?? [];
    if (suggestionFingerprint(suggestion).join() !== [...data.shown].sort().join()) {
      throw new ConflictError('The data changed since the page was loaded, and so did the suggested weights. Reload the page and review them again.', suggestion);
    }
    const edit = await getOpeningForEdit(tx, data.openingId);
    const result = await updateOpening(tx, {
      openingId: edit.id,
      revision: data.revision,
      title: edit.title,
      level: edit.level,
      status: edit.status,
      description: edit.description,
      hiringManagerUserId: edit.hiringManagerUserId ?? undefined,
      stages: edit.stages.map((s) => ({ id: s.id, name: s.name, kitId: s.kitId, durationMinutes: s.durationMinutes })),
      weights: suggestion.map((w) => ({ skillId: w.skillId, weight: w.weight })),
    });
    await recordAudit(tx.db, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      action: 'validity.weights_accepted',
      entityType: 'opening',
      entityId: edit.id,
      data: { checkpoint: data.checkpoint, revision: result.revision },
    });
    return result;
  });
}
