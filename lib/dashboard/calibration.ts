import 'server-only';
// Calibration: how each interviewer rates compared with the rest of their panels, and how far the
// organization's ratings can be trusted (Krippendorff's alpha per skill and per kit). Everything
// is aggregated in SQL over submitted scorecards. It reveals individual rating behaviour, so it
// needs scorecard:read_all as well as dashboard:read.
import { sql } from 'drizzle-orm';
import { type Ctx, requirePermission } from '../context';
import { requireNothingOwedForAggregates } from '../scorecards/visibility';
import { queryRows } from '../sql';
import { alphaFromCoincidencesSql, type ReliabilityBand, reliabilityBand } from './reliability';
import { forReads } from '../read-replica';

export interface InterviewerCalibration {
  userId: string;
  name: string;
  /** Mean of (own rating − mean of the other raters' ratings of the same candidate and skill, within one application). */
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

export async function getCalibration(primaryCtx: Ctx): Promise<{ interviewers: InterviewerCalibration[]; bySkill: ReliabilityRow[]; byKit: ReliabilityRow[] }> {
  requirePermission(primaryCtx, 'dashboard:read');
  const ctx = await forReads(primaryCtx); // a configured read replica serves it (lib/read-replica.ts)
  requirePermission(ctx, 'scorecard:read_all');
  // Under "hold leads to independent scoring": only while the viewer owes no started scorecard.
  await requireNothingOwedForAggregates(ctx);
  const org = ctx.organizationId;
  // Both read the running tallies kept by db/analytics.ts at every submit and reopen, so the
  // cost depends on the number of interviewers, skills and kits — not on the number of ratings.
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
    select u.id as user_id, coalesce(u.name, u.email) as name,
           case when t.deviation_n > 0 then t.deviation_sum / t.deviation_n end as leniency, t.deviation_n as leniency_n,
           t.n1 as d1, t.n2 as d2, t.n3 as d3, t.n4 as d4, t.scorecards,
           t.hours_to_submit_sum / t.scorecards as hours
    from interviewer_tallies t join users u on u.id = t.user_id
    where t.organization_id = ${org} and t.scorecards > 0
    order by name`,
  );

  const reliability = async (grouping: 'skill' | 'kit') => {
    const label = grouping === 'skill' ? sql`(select name from skills where id = rc.group_id)` : sql`(select name from kits where id = rc.group_id)`;
    const matrix = sql`
      select ${label} || chr(31) || rc.group_id as grp, rc.c, rc.k, rc.o
      from reliability_coincidences rc
      where rc.organization_id = ${org} and rc.grouping = ${grouping}`;
    const rows = await queryRows<{ grp: string; alpha: number | null; pairable_values: number; units: number }>(ctx.db, alphaFromCoincidencesSql(matrix));
    return rows
      .filter((r) => Number(r.pairable_values) > 0)
      .map((r) => {
        const alpha = r.alpha === null ? null : Number(r.alpha);
        const [name] = r.grp.split('\u001f');
        return { label: name!, alpha, pairableValues: Number(r.pairable_values), units: Number(r.units), band: reliabilityBand(alpha, Number(r.pairable_values), Number(r.units)) };
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
