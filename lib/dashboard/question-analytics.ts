import 'server-only';
// Question analytics: per question (across its versions, shown by its current title) how often it
// was asked, how its per-question ratings are distributed, and how well those ratings separate
// candidates — Pearson's r against the candidate's weighted composite. One SQL statement does
// the aggregation; only submitted scorecards count. Like calibration, it shows the organization's
// ratings in aggregate, so it needs scorecard:read_all as well as dashboard:read.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { openings } from '@/db/schema';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { queryRows } from '../sql';
import { parseInput } from '../validation';
import { SEPARATION_ORDER, type Separation, separation } from './separation';

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
  separation: Separation;
}

export interface QuestionAnalytics {
  opening: { id: string; title: string } | null;
  sort: QuestionSort;
  questions: QuestionAnalyticsRow[];
}

export async function getQuestionAnalytics(ctx: Ctx, input: unknown = {}): Promise<QuestionAnalytics> {
  requirePermission(ctx, 'dashboard:read');
  requirePermission(ctx, 'scorecard:read_all');
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

  // The composite is the opening dashboard's (lib/dashboard/queries.ts): per application, the mean
  // of submitted ratings per skill, weighted by the opening's skill weights over skills with
  // evidence. Each question rating is paired with the composite of the application whose
  // interview it was given in, so r compares the question with the whole loop's verdict.
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
    with submitted as (
      select s.id as scorecard_id, i.id as interview_id, i.kit_version_id, a.id as application_id, a.opening_id
      from scorecards s
      join interviews i on i.id = s.interview_id and i.organization_id = ${org}
      join applications a on a.id = i.application_id and a.organization_id = ${org}
      where s.organization_id = ${org} and s.status = 'submitted'${openingId ? sql` and a.opening_id = ${openingId}` : sql``}
    ),
    asked as (
      -- Interviews per pinned kit version first (few versions, many interviews), then per question;
      -- distinct (version, question) so a question placed twice in one kit counts once.
      select kq.question_id, sum(k.interviews)::int as times_asked
      from (select kit_version_id, count(distinct interview_id) as interviews from submitted group by kit_version_id) k
      join (
        select distinct ki.kit_version_id, qv.question_id
        from kit_items ki join question_versions qv on qv.id = ki.question_version_id
        where ki.organization_id = ${org} or ki.organization_id is null
      ) kq on kq.kit_version_id = k.kit_version_id
      group by kq.question_id
    ),
    skill_means as (
      -- The skill means come from the running tallies the grid reads (db/analytics.ts).
      select t.application_id, t.opening_id, t.skill_id, (t.n1 + 2 * t.n2 + 3 * t.n3 + 4 * t.n4)::float8 / (t.n1 + t.n2 + t.n3 + t.n4) as mean
      from application_skill_tallies t
      where t.organization_id = ${org} and t.n1 + t.n2 + t.n3 + t.n4 > 0${openingId ? sql` and t.opening_id = ${openingId}` : sql``}
    ),
    composites as (
      select m.application_id, (sum(m.mean * w.weight) / sum(w.weight))::float8 as composite
      from skill_means m
      join opening_skill_weights w on w.organization_id = ${org} and w.opening_id = m.opening_id and w.skill_id = m.skill_id
      group by 1
    ),
    question_ratings as (
      select qv.question_id, sub.application_id, n.rating::float8 as rating, c.composite
      from submitted sub
      join scorecard_notes n on n.scorecard_id = sub.scorecard_id and n.organization_id = ${org} and n.rating is not null
      join kit_items ki on ki.id = n.kit_item_id
      join question_versions qv on qv.id = ki.question_version_id
      left join composites c on c.application_id = sub.application_id
    ),
    stats as (
      select question_id,
             count(*)::int as ratings,
             count(*) filter (where rating = 1)::int as d1, count(*) filter (where rating = 2)::int as d2,
             count(*) filter (where rating = 3)::int as d3, count(*) filter (where rating = 4)::int as d4,
             avg(rating) as mean, min(rating) as min, max(rating) as max,
             corr(rating, composite) as r,
             regr_count(rating, composite)::int as r_n
      from question_ratings
      group by question_id
    ),
    rated_candidates as (
      -- Apart from stats so that aggregate needs no count(distinct), which forces a sort.
      select question_id, count(*)::int as candidates, count(*) filter (where has_composite)::int as r_candidates
      from (select distinct question_id, application_id, composite is not null as has_composite from question_ratings) d
      group by question_id
    )
    select q.id as question_id, cv.title, sk.name as skill, a.times_asked,
           s.ratings, rc.candidates, s.d1, s.d2, s.d3, s.d4, s.mean, s.min, s.max, s.r, s.r_n, rc.r_candidates
    from asked a
    join questions q on q.id = a.question_id
    join question_versions cv on cv.question_id = q.id and cv.version = q.latest_version
    join skills sk on sk.id = cv.primary_skill_id
    left join stats s on s.question_id = a.question_id
    left join rated_candidates rc on rc.question_id = a.question_id`,
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
