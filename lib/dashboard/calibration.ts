import 'server-only';
// Calibration: how each interviewer rates compared with the rest of their panels, and how far the
// organization's ratings can be trusted (Krippendorff's alpha per skill and per kit). Everything
// is aggregated in SQL over submitted scorecards. It reveals individual rating behaviour, so it
// needs scorecard:read_all as well as dashboard:read.
import { sql } from 'drizzle-orm';
import { type Ctx, requirePermission } from '../context';
import { queryRows } from '../sql';
import { ordinalAlphaSql, type ReliabilityBand, reliabilityBand } from './reliability';

export interface InterviewerCalibration {
  userId: string;
  name: string;
  /** Mean of (own rating − mean of the other raters' ratings of the same interview and skill). */
  leniency: number | null;
  leniencyN: number;
  distribution: Record<'1' | '2' | '3' | '4', number>;
  scorecards: number;
  meanHoursToSubmit: number | null;
}

export interface ReliabilityRow {
  label: string;
  alpha: number | null;
  pairableValues: number;
  units: number;
  band: ReliabilityBand;
}

export async function getCalibration(ctx: Ctx): Promise<{ interviewers: InterviewerCalibration[]; bySkill: ReliabilityRow[]; byKit: ReliabilityRow[] }> {
  requirePermission(ctx, 'dashboard:read');
  requirePermission(ctx, 'scorecard:read_all');
  const org = ctx.organizationId;
  const ratings = sql`
    select s.id as scorecard_id, s.interviewer_user_id, s.interview_id, r.skill_id, r.rating::float8 as rating
    from scorecards s join scorecard_ratings r on r.scorecard_id = s.id and r.organization_id = ${org}
    where s.organization_id = ${org} and s.status = 'submitted' and r.rating is not null`;

  const interviewerRows = await queryRows<{
    user_id: string;
    name: string;
    leniency: number | null;
    leniency_n: number;
    d1: number;
    d2: number;
    d3: number;
    d4: number;
    scorecards: number;
    hours: number | null;
  }>(
    ctx.db,
    sql`
    with r as (${ratings}),
    peers as (
      select r.*, sum(rating) over w as total, count(*) over w as raters
      from r window w as (partition by interview_id, skill_id)
    ),
    deviation as (
      select interviewer_user_id, rating - (total - rating) / (raters - 1) as d from peers where raters > 1
    ),
    per_user as (
      select interviewer_user_id,
             count(*) filter (where rating = 1)::int as d1, count(*) filter (where rating = 2)::int as d2,
             count(*) filter (where rating = 3)::int as d3, count(*) filter (where rating = 4)::int as d4
      from r group by 1
    ),
    timing as (
      select s.interviewer_user_id, count(*)::int as scorecards,
             avg(extract(epoch from (s.submitted_at - (i.scheduled_at + make_interval(mins => i.duration_minutes)))) / 3600)::float8 as hours
      from scorecards s join interviews i on i.id = s.interview_id
      where s.organization_id = ${org} and s.status = 'submitted'
      group by 1
    )
    select u.id as user_id, coalesce(u.name, u.email) as name,
           (select avg(d)::float8 from deviation dv where dv.interviewer_user_id = u.id) as leniency,
           (select count(*)::int from deviation dv where dv.interviewer_user_id = u.id) as leniency_n,
           coalesce(p.d1, 0) as d1, coalesce(p.d2, 0) as d2, coalesce(p.d3, 0) as d3, coalesce(p.d4, 0) as d4,
           t.scorecards, t.hours
    from timing t join users u on u.id = t.interviewer_user_id
    left join per_user p on p.interviewer_user_id = u.id
    order by name`,
  );

  const reliability = async (grouping: 'skill' | 'kit') => {
    const observations =
      grouping === 'skill'
        ? sql`select sk.name as grp, r.interview_id::text as unit, r.rating as value from (${ratings}) r join skills sk on sk.id = r.skill_id`
        : sql`select k.name as grp, r.interview_id::text || ':' || r.skill_id::text as unit, r.rating as value
              from (${ratings}) r join interviews i on i.id = r.interview_id join kit_versions kv on kv.id = i.kit_version_id join kits k on k.id = kv.kit_id`;
    const rows = await queryRows<{ grp: string; alpha: number | null; pairable_values: number; units: number }>(ctx.db, ordinalAlphaSql(observations));
    return rows
      .map((r) => {
        const alpha = r.alpha === null ? null : Number(r.alpha);
        return { label: r.grp, alpha, pairableValues: Number(r.pairable_values), units: Number(r.units), band: reliabilityBand(alpha, Number(r.pairable_values), Number(r.units)) };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  };
  const [bySkill, byKit] = await Promise.all([reliability('skill'), reliability('kit')]);

  return {
    interviewers: interviewerRows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      leniency: r.leniency === null ? null : Number(r.leniency),
      leniencyN: Number(r.leniency_n),
      distribution: { '1': Number(r.d1), '2': Number(r.d2), '3': Number(r.d3), '4': Number(r.d4) },
      scorecards: Number(r.scorecards),
      meanHoursToSubmit: r.hours === null ? null : Number(r.hours),
    })),
    bySkill,
    byKit,
  };
}
