import 'server-only';
// Question analytics: per question (across its versions, shown by its current title) how often it
// was asked, how its per-question ratings are distributed, and how well those ratings separate
// candidates — Pearson's r against the candidate's weighted composite. It reads running tallies
// kept at every submit and reopen (db/analytics.ts); only submitted scorecards count. Like calibration, it shows the organization's
// ratings in aggregate, so it needs scorecard:read_all as well as dashboard:read.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { openings } from '@/db/schema';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { requireNothingOwedForAggregates } from '../scorecards/visibility';
import { queryRows } from '../sql';
import { parseInput } from '../validation';
import { correlationInterval } from './statistics';
import { SEPARATION_ORDER, type Separation, separation } from './separation';
import { forReads } from '../read-replica';

export const QUESTION_SORTS = ['asked', 'separation', 'question'] as const;
export type QuestionSort = (typeof QUESTION_SORTS)[number];

export const QuestionAnalyticsInput = z.object({
  // An empty select ("All openings") arrives as ''.
  openingId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid({ error: 'Opening is not a valid id' }).optional()),
  // A presentation choice from the URL: an unknown value falls back to the default.
  sort: z.enum(QUESTION_SORTS).catch('asked').default('asked'),
});

export interface QuestionAnalyticsRow {
  questionId: string;
  title: string;
  skill: string;
  /**
   * Interviews with at least one submitted scorecard whose pinned kit version holds the question.
   * Interviews, not scorecards: a panel of three hears the question once. A kit question the
   * panel skipped still counts, since scorecards do not record skipping.
   */
  timesAsked: number;
  /** Per-question ratings on submitted scorecards (one per interviewer who rated it). */
  ratings: number;
  /** Candidates with at least one rating (a candidate in two openings counts once per opening). */
  candidates: number;
  distribution: Record<'1' | '2' | '3' | '4', number>;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Pearson's r between each rating and the candidate's composite; null when either side is constant. */
  r: number | null;
  /** Ratings paired with a composite, and their candidates: the data behind r. */
  rN: number;
  rCandidates: number;
  /**
   * 95% Fisher-z interval for r over the candidates, not the ratings: one candidate's ratings
   * share a composite, so the candidates are the independent draws.
   */
  rInterval: { low: number; high: number } | null;
  separation: Separation;
}

export interface QuestionAnalytics {
  opening: { id: string; title: string } | null;
  sort: QuestionSort;
  questions: QuestionAnalyticsRow[];
}

export async function getQuestionAnalytics(primaryCtx: Ctx, input: unknown = {}): Promise<QuestionAnalytics> {
  requirePermission(primaryCtx, 'dashboard:read');
  const ctx = await forReads(primaryCtx); // a configured read replica serves it (lib/read-replica.ts)
  requirePermission(ctx, 'scorecard:read_all');
  // Under "hold leads to independent scoring": only while the viewer owes no started scorecard.
  await requireNothingOwedForAggregates(ctx);
  const { openingId, sort } = parseInput(QuestionAnalyticsInput, input);
  const org = ctx.organizationId;
  let opening: QuestionAnalytics['opening'] = null;
  if (openingId) {
    [opening = null] = await ctx.db
      .select({ id: openings.id, title: openings.title })
      .from(openings)
      .where(and(eq(openings.id, openingId), eq(openings.organizationId, org)));
    if (!opening) throw new NotFoundError('Opening');
  }

  // Everything is read from the running question tallies (db/analytics.ts): per opening and
  // question the ratings by value, and the sums behind Pearson's r, where each rating is paired
  // with the composite of the application whose interview it was given in (the opening
  // dashboard's composite, so r compares the question with the whole loop's verdict).
  const rows = await queryRows<{
    question_id: string;
    title: string;
    skill: string;
    times_asked: number;
    ratings: number | null;
    candidates: number | null;
    d1: number | null;
    d2: number | null;
    d3: number | null;
    d4: number | null;
    mean: number | null;
    min: number | null;
    max: number | null;
    r: number | null;
    r_n: number | null;
    r_candidates: number | null;
  }>(
    ctx.db,
    sql`
    with t as (
      select question_id, sum(times_asked)::int as times_asked,
             sum(n1)::int as d1, sum(n2)::int as d2, sum(n3)::int as d3, sum(n4)::int as d4,
             sum(applications)::int as candidates, sum(paired_applications)::int as r_candidates, sum(paired_n)::int as r_n,
             sum(sum_x) as sx, sum(paired_sum_x) as psx, sum(paired_sum_x2) as psx2, sum(sum_y) as sy, sum(sum_y2) as sy2, sum(sum_xy) as sxy
      from question_tallies
      where organization_id = ${org}${openingId ? sql` and opening_id = ${openingId}` : sql``}
      group by question_id
      having sum(times_asked) > 0
    ),
    stats as (
      select t.*, d1 + d2 + d3 + d4 as ratings,
             -- n²·variance of each side and n²·covariance, from the running sums.
             r_n * psx2 - psx * psx as vx, r_n * sy2 - sy * sy as vy, r_n * sxy - psx * sy as cov
      from t
    )
    select q.id as question_id, cv.title, sk.name as skill, st.times_asked, st.ratings, st.candidates, st.d1, st.d2, st.d3, st.d4,
           case when st.ratings > 0 then st.sx / st.ratings end as mean,
           case when st.d1 > 0 then 1 when st.d2 > 0 then 2 when st.d3 > 0 then 3 when st.d4 > 0 then 4 end as min,
           case when st.d4 > 0 then 4 when st.d3 > 0 then 3 when st.d2 > 0 then 2 when st.d1 > 0 then 1 end as max,
           -- Null when either side does not vary (the tolerance absorbs rounding in the running sums).
           case when st.r_n >= 2 and st.vx > 1e-9 * st.r_n * st.r_n and st.vy > 1e-9 * st.r_n * st.r_n
                then greatest(-1, least(1, st.cov / sqrt(st.vx * st.vy))) end as r,
           st.r_n, st.r_candidates
    from stats st
    join questions q on q.id = st.question_id
    join question_versions cv on cv.question_id = q.id and cv.version = q.latest_version
    join skills sk on sk.id = cv.primary_skill_id`,
  );

  const num = (v: number | string | null) => (v === null ? null : Number(v));
  const questions = rows.map((row): QuestionAnalyticsRow => {
    const base = {
      ratings: Number(row.ratings ?? 0),
      candidates: Number(row.candidates ?? 0),
      min: num(row.min),
      max: num(row.max),
      r: num(row.r),
      rN: Number(row.r_n ?? 0),
      rCandidates: Number(row.r_candidates ?? 0),
    };
    return {
      questionId: row.question_id,
      title: row.title,
      skill: row.skill,
      timesAsked: Number(row.times_asked),
      ...base,
      distribution: { '1': Number(row.d1 ?? 0), '2': Number(row.d2 ?? 0), '3': Number(row.d3 ?? 0), '4': Number(row.d4 ?? 0) },
      mean: num(row.mean),
      rInterval: correlationInterval(base.r, base.rCandidates),
      separation: separation(base),
    };
  });
  return { opening, sort, questions: sortQuestions(questions, sort) };
}

/** Orders the (already aggregated) rows; separation puts the weakest first, then ties by use. */
export function sortQuestions(rows: QuestionAnalyticsRow[], sort: QuestionSort): QuestionAnalyticsRow[] {
  const byTitle = (a: QuestionAnalyticsRow, b: QuestionAnalyticsRow) => a.title.localeCompare(b.title) || a.questionId.localeCompare(b.questionId);
  const byUse = (a: QuestionAnalyticsRow, b: QuestionAnalyticsRow) => b.timesAsked - a.timesAsked || b.ratings - a.ratings;
  const compare = {
    asked: (a: QuestionAnalyticsRow, b: QuestionAnalyticsRow) => byUse(a, b) || byTitle(a, b),
    separation: (a: QuestionAnalyticsRow, b: QuestionAnalyticsRow) =>
      SEPARATION_ORDER[a.separation] - SEPARATION_ORDER[b.separation] || (a.r ?? 0) - (b.r ?? 0) || byUse(a, b) || byTitle(a, b),
    question: byTitle,
  }[sort];
  return [...rows].sort(compare);
}
