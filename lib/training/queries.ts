import 'server-only';
// Reads for calibration exercises. The blind rule lives here: a trainee's view of a sample holds
// no reference rating, rationale or peer rating until they have rated it themselves, whatever page
// or caller asks (getExercise selects those columns only after finding the trainee's rating).
// Agreement sums are computed in SQL over counted samples; lib/training/agreement.ts divides.
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { calibrationRatings, calibrationSamples, questions, questionVersions } from '@/db/schema';
import type { UnitPattern } from '../dashboard/krippendorff';
import { type Ctx, requirePermission } from '../context';
import { ForbiddenError, NotFoundError } from '../errors';
import { ownOrBuiltin } from '../scoping';
import { queryRows } from '../sql';
import { parseInput } from '../validation';
import { type PairSums, type PeerAgreement, peerAgreement, type ReferenceAgreement, referenceAgreement, type TeamAgreement, teamAgreement } from './agreement';
import { QuestionSamplesInput, SampleIdInput } from './schemas';

/**
 * Who may do exercises: everyone who rates candidates. Training is practice for exactly that, so
 * it follows the scorecard permission rather than adding one every role would hold anyway.
 */
export const TRAINEE_PERMISSION = 'scorecard:write_own' as const;

/** The one rule for which samples count in exercises and agreement: the organization's, not archived. */
export function countedSampleSql(alias: string, organizationId: string): SQL {
  const s = sql.raw(alias);
  return sql`${s}.organization_id = ${organizationId} and ${s}.archived_at is null`;
}

/** Authors know their reference: their own samples are no exercise for them. */
export function isOwnSample(sample: { createdByUserId: string | null }, ctx: Pick<Ctx, 'userId'>): boolean {
  return sample.createdByUserId === ctx.userId;
}

export interface SampleForManagers {
  id: string;
  questionVersion: number;
  answer: string;
  referenceRating: number;
  referenceRationale: string;
  archived: boolean;
  revision: number;
  ratings: number;
  createdAt: string;
}

/** The samples of one question, archived ones included, with how many trainees rated each (training:manage). */
export async function listQuestionSamples(ctx: Ctx, input: unknown): Promise<SampleForManagers[]> {
  requirePermission(ctx, 'training:manage');
  const { questionId } = parseInput(QuestionSamplesInput, input);
  const [question] = await ctx.db.select({ id: questions.id }).from(questions).where(and(eq(questions.id, questionId), ownOrBuiltin(questions.organizationId, ctx.organizationId)));
  if (!question) throw new NotFoundError('Question');
  const rows = await ctx.db
    .select({ sample: calibrationSamples, version: questionVersions.version, ratings: count(calibrationRatings.id) })
    .from(calibrationSamples)
    .innerJoin(questionVersions, eq(questionVersions.id, calibrationSamples.questionVersionId))
    .leftJoin(calibrationRatings, eq(calibrationRatings.sampleId, calibrationSamples.id))
    .where(and(eq(calibrationSamples.organizationId, ctx.organizationId), eq(calibrationSamples.questionId, questionId)))
    .groupBy(calibrationSamples.id, questionVersions.version)
    .orderBy(asc(calibrationSamples.createdAt), asc(calibrationSamples.id));
  return rows.map(({ sample, version, ratings }) => toSampleForManagers(sample, version, ratings));
}

export function toSampleForManagers(sample: typeof calibrationSamples.$inferSelect, questionVersion: number, ratings: number): SampleForManagers {
  return {
    id: sample.id,
    questionVersion,
    answer: sample.answer,
    referenceRating: sample.referenceRating,
    referenceRationale: sample.referenceRationale,
    archived: sample.archivedAt !== null,
    revision: sample.revision,
    ratings: Number(ratings),
    createdAt: sample.createdAt.toISOString(),
  };
}

export interface ExerciseListItem {
  sampleId: string;
  questionTitle: string;
  /** Samples have no titles: the n-th sample added to its question (archived ones keep their numbers). */
  sampleNumber: number;
  /** The trainee's own rating, null until they rated. Nothing else about the sample's ratings. */
  myRating: number | null;
  ratedAt: string | null;
}

export interface ExerciseList {
  exercises: ExerciseListItem[];
  rated: number;
  total: number;
  /** Counted samples the viewer wrote: not exercises for them (they know the reference). */
  ownSamples: number;
}

/** The exercises open to the trainee: counted samples they did not write, unrated ones first. */
export async function listExercises(ctx: Ctx): Promise<ExerciseList> {
  requirePermission(ctx, TRAINEE_PERMISSION);
  const rows = await queryRows<{ sample_id: string; title: string; sample_number: number; rating: number | null; rated_at: string | Date | null; own: boolean }>(
    ctx.db,
    sql`
    select s.id as sample_id, v.title, n.sample_number, r.rating, r.rated_at, coalesce(s.created_by_user_id = ${ctx.userId}, false) as own
    from calibration_samples s
    join (
      select id, (row_number() over (partition by question_id order by created_at, id))::int as sample_number
      from calibration_samples where organization_id = ${ctx.organizationId}
    ) n on n.id = s.id
    join question_versions v on v.id = s.question_version_id
    left join calibration_ratings r on r.sample_id = s.id and r.user_id = ${ctx.userId}
    where ${countedSampleSql('s', ctx.organizationId)}
    order by (r.id is not null), case when r.id is null then s.created_at end asc, r.rated_at desc, s.id`,
  );
  const exercises = rows
    .filter((r) => !r.own)
    .map((r) => ({
      sampleId: r.sample_id,
      questionTitle: r.title,
      sampleNumber: Number(r.sample_number),
      myRating: r.rating === null ? null : Number(r.rating),
      ratedAt: r.rated_at === null ? null : new Date(r.rated_at).toISOString(),
    }));
  return { exercises, rated: exercises.filter((e) => e.myRating !== null).length, total: exercises.length, ownSamples: rows.length - exercises.length };
}

export interface ExerciseResult {
  myRating: number;
  note: string | null;
  ratedAt: string;
  referenceRating: number;
  referenceRationale: string;
  /** Other trainees' ratings of this sample by value (index 0 = rating 1); no names. */
  peerCounts: [number, number, number, number];
  peers: number;
}

export interface Exercise {
  sampleId: string;
  archived: boolean;
  question: { title: string; prompt: string; anchors: [string, string, string, string] };
  answer: string;
  /** Null until the trainee rated: the blind rule. */
  result: ExerciseResult | null;
}

/**
 * One exercise as the trainee sees it. Before they rate: the question, its anchors (at the pinned
 * version) and the answer — the reference and the peers' ratings are not even read. An archived
 * sample stays readable to those who rated it (their result), and is gone for everyone else.
 */
export async function getExercise(ctx: Ctx, input: unknown): Promise<Exercise> {
  requirePermission(ctx, TRAINEE_PERMISSION);
  const { sampleId } = parseInput(SampleIdInput, input);
  const [row] = await ctx.db
    .select({
      id: calibrationSamples.id,
      answer: calibrationSamples.answer,
      archivedAt: calibrationSamples.archivedAt,
      createdByUserId: calibrationSamples.createdByUserId,
      title: questionVersions.title,
      prompt: questionVersions.prompt,
      rubric1: questionVersions.rubric1,
      rubric2: questionVersions.rubric2,
      rubric3: questionVersions.rubric3,
      rubric4: questionVersions.rubric4,
    })
    .from(calibrationSamples)
    .innerJoin(questionVersions, eq(questionVersions.id, calibrationSamples.questionVersionId))
    .where(and(eq(calibrationSamples.id, sampleId), eq(calibrationSamples.organizationId, ctx.organizationId)));
  if (!row) throw new NotFoundError('Exercise');
  if (isOwnSample(row, ctx)) throw new ForbiddenError('You wrote this sample’s reference rating, so it is no exercise for you.');
  const [mine] = await ctx.db
    .select({ rating: calibrationRatings.rating, note: calibrationRatings.note, ratedAt: calibrationRatings.ratedAt })
    .from(calibrationRatings)
    .where(and(eq(calibrationRatings.sampleId, sampleId), eq(calibrationRatings.userId, ctx.userId)));
  if (!mine && row.archivedAt) throw new NotFoundError('Exercise');
  const exercise: Exercise = {
    sampleId: row.id,
    archived: row.archivedAt !== null,
    question: { title: row.title, prompt: row.prompt, anchors: [row.rubric1, row.rubric2, row.rubric3, row.rubric4] },
    answer: row.answer,
    result: null,
  };
  if (!mine) return exercise;
  const [reference] = await ctx.db
    .select({ rating: calibrationSamples.referenceRating, rationale: calibrationSamples.referenceRationale })
    .from(calibrationSamples)
    .where(eq(calibrationSamples.id, sampleId));
  const peerRows = await queryRows<{ rating: number; n: number }>(
    ctx.db,
    sql`select rating, count(*)::int as n from calibration_ratings
        where organization_id = ${ctx.organizationId} and sample_id = ${sampleId} and user_id <> ${ctx.userId}
        group by rating`,
  );
  const peerCounts: [number, number, number, number] = [0, 0, 0, 0];
  for (const r of peerRows) peerCounts[Number(r.rating) - 1] = Number(r.n);
  exercise.result = {
    myRating: mine.rating,
    note: mine.note,
    ratedAt: mine.ratedAt.toISOString(),
    referenceRating: reference!.rating,
    referenceRationale: reference!.rationale,
    peerCounts,
    peers: peerCounts.reduce((a, b) => a + b, 0),
  };
  return exercise;
}

// --- Agreement -------------------------------------------------------------------------------

export interface TraineeAgreement {
  reference: ReferenceAgreement;
  peers: PeerAgreement;
}

interface SumsRow {
  user_id: string;
  n: number;
  exact: number;
  within_one: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
  peer_n: number | null;
  peer_sx: number | null;
  peer_sy: number | null;
  peer_sxx: number | null;
  peer_syy: number | null;
  peer_sxy: number | null;
}

/**
 * Per trainee, the sums behind agreement with the reference (every counted sample they rated) and
 * with their peers (the same samples that someone else rated too, against the median of those
 * other ratings). `onlyUserId` limits the trainees, never the peers.
 */
async function agreementSums(ctx: Ctx, onlyUserId?: string): Promise<Map<string, TraineeAgreement>> {
  const only = onlyUserId ? sql`and a.user_id = ${onlyUserId}` : sql``;
  const rows = await queryRows<SumsRow>(
    ctx.db,
    sql`
    with counted as (
      select r.user_id, r.sample_id, r.rating::float8 as x, s.reference_rating::float8 as ref
      from calibration_ratings r
      join calibration_samples s on s.id = r.sample_id
      where r.organization_id = ${ctx.organizationId} and ${countedSampleSql('s', ctx.organizationId)}
    ),
    vs_reference as (
      select a.user_id, count(*)::int as n,
             (count(*) filter (where a.x = a.ref))::int as exact,
             (count(*) filter (where abs(a.x - a.ref) <= 1))::int as within_one,
             sum(a.x) as sx, sum(a.ref) as sy, sum(a.x * a.x) as sxx, sum(a.ref * a.ref) as syy, sum(a.x * a.ref) as sxy
      from counted a where true ${only}
      group by a.user_id
    ),
    peer_medians as (
      select a.user_id, a.sample_id, a.x, percentile_cont(0.5) within group (order by b.x) as y
      from counted a join counted b on b.sample_id = a.sample_id and b.user_id <> a.user_id
      where true ${only}
      group by a.user_id, a.sample_id, a.x
    ),
    vs_peers as (
      select user_id, count(*)::int as n, sum(x) as sx, sum(y) as sy, sum(x * x) as sxx, sum(y * y) as syy, sum(x * y) as sxy
      from peer_medians group by user_id
    )
    select r.*, p.n as peer_n, p.sx as peer_sx, p.sy as peer_sy, p.sxx as peer_sxx, p.syy as peer_syy, p.sxy as peer_sxy
    from vs_reference r left join vs_peers p on p.user_id = r.user_id`,
  );
  const result = new Map<string, TraineeAgreement>();
  for (const r of rows) {
    const peers: PairSums = { n: Number(r.peer_n ?? 0), sumX: Number(r.peer_sx ?? 0), sumY: Number(r.peer_sy ?? 0), sumXX: Number(r.peer_sxx ?? 0), sumYY: Number(r.peer_syy ?? 0), sumXY: Number(r.peer_sxy ?? 0) };
    result.set(r.user_id, {
      reference: referenceAgreement({ n: Number(r.n), exact: Number(r.exact), withinOne: Number(r.within_one), sumX: Number(r.sx), sumY: Number(r.sy), sumXX: Number(r.sxx), sumYY: Number(r.syy), sumXY: Number(r.sxy) }),
      peers: peerAgreement(peers),
    });
  }
  return result;
}

const NO_RATINGS: TraineeAgreement = {
  reference: referenceAgreement({ n: 0, exact: 0, withinOne: 0, sumX: 0, sumY: 0, sumXX: 0, sumYY: 0, sumXY: 0 }),
  peers: peerAgreement({ n: 0, sumX: 0, sumY: 0, sumXX: 0, sumYY: 0, sumXY: 0 }),
};

/** The trainee's own agreement figures (shown on /training). */
export async function getMyAgreement(ctx: Ctx): Promise<TraineeAgreement> {
  requirePermission(ctx, TRAINEE_PERMISSION);
  return (await agreementSums(ctx, ctx.userId)).get(ctx.userId) ?? NO_RATINGS;
}

export interface TraineeOverviewRow extends TraineeAgreement {
  userId: string;
  name: string;
  /** Counted samples this member can rate (not their own) and how many of them they rated. */
  available: number;
  rated: number;
}

export interface TrainingOverview {
  trainees: TraineeOverviewRow[];
  team: TeamAgreement;
  samples: number;
}

/** Every member's agreement, and the team's alpha (training:manage). */
export async function getTrainingOverview(ctx: Ctx): Promise<TrainingOverview> {
  requirePermission(ctx, 'training:manage');
  const org = ctx.organizationId;
  const members = await queryRows<{ user_id: string; name: string | null; email: string; available: number; rated: number }>(
    ctx.db,
    sql`
    select m.user_id, u.name, u.email,
      (select count(*) from calibration_samples s where ${countedSampleSql('s', org)} and s.created_by_user_id is distinct from m.user_id)::int as available,
      (select count(*) from calibration_ratings r join calibration_samples s on s.id = r.sample_id
        where r.organization_id = ${org} and r.user_id = m.user_id and ${countedSampleSql('s', org)})::int as rated
    from memberships m join users u on u.id = m.user_id
    where m.organization_id = ${org}
    order by lower(coalesce(u.name, u.email)), m.user_id`,
  );
  const sums = await agreementSums(ctx);
  const patternRows = await queryRows<{ n1: number; n2: number; n3: number; n4: number; units: number }>(
    ctx.db,
    sql`
    select n1, n2, n3, n4, count(*)::int as units from (
      select r.sample_id,
        (count(*) filter (where r.rating = 1))::int as n1, (count(*) filter (where r.rating = 2))::int as n2,
        (count(*) filter (where r.rating = 3))::int as n3, (count(*) filter (where r.rating = 4))::int as n4
      from calibration_ratings r join calibration_samples s on s.id = r.sample_id
      where r.organization_id = ${org} and ${countedSampleSql('s', org)}
      group by r.sample_id
    ) p group by 1, 2, 3, 4`,
  );
  const [traineesRow] = await queryRows<{ n: number }>(
    ctx.db,
    sql`
    select count(distinct r.user_id)::int as n
    from calibration_ratings r join calibration_samples s on s.id = r.sample_id
    where r.organization_id = ${org} and ${countedSampleSql('s', org)}
      and (select count(*) from calibration_ratings o where o.sample_id = r.sample_id) >= 2`,
  );
  const [samplesRow] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from calibration_samples s where ${countedSampleSql('s', org)}`);
  const patterns: UnitPattern[] = patternRows.map((p) => ({ counts: [Number(p.n1), Number(p.n2), Number(p.n3), Number(p.n4)], units: Number(p.units) }));
  return {
    trainees: members.map((m) => ({
      userId: m.user_id,
      name: m.name ?? m.email,
      available: Number(m.available),
      rated: Number(m.rated),
      ...(sums.get(m.user_id) ?? NO_RATINGS),
    })),
    team: teamAgreement(patterns, Number(traineesRow?.n ?? 0)),
    samples: Number(samplesRow?.n ?? 0),
  };
}
