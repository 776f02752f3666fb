import 'server-only';
// Calibration: how each interviewer rates compared with the rest of their panels, and how far the
// organization's ratings can be trusted (Krippendorff's alpha per skill and per kit, with a
// bootstrap interval). Everything is read from running tallies kept by db/analytics.ts at every
// submit and reopen. It reveals individual rating behaviour, so it needs scorecard:read_all as
// well as dashboard:read.
import { sql } from 'drizzle-orm';
import { type Ctx, requirePermission } from '../context';
import { requireNothingOwedForAggregates } from '../scorecards/visibility';
import { queryRows } from '../sql';
import { type AlphaInterval, alpha, bootstrapAlphaInterval, describeReliability, type ReliabilityVerdict, reliabilityVerdict, type UnitPattern } from './krippendorff';
import { type LeniencyVerdict, leniencyVerdict } from './leniency';
import { type MeanInterval, meanInterval, seedFrom } from './statistics';
import { forReads } from '../read-replica';

export interface InterviewerCalibration {
  userId: string;
  name: string;
  /** Mean of (own rating − mean of the other raters' ratings of the same candidate and skill, within one application). */
  leniency: number | null;
  /** Ratings given where another interviewer rated the same candidate and skill. */
  leniencyN: number;
  leniencyInterval: MeanInterval | null;
  leniencyVerdict: LeniencyVerdict;
  distribution: Record<'1' | '2' | '3' | '4', number>;
  scorecards: number;
  meanHoursToSubmit: number | null;
}

export interface ReliabilityRow {
  label: string;
  alpha: number | null;
  interval: AlphaInterval | null;
  /** Units (one candidate's skill in one application) rated by two or more interviewers. */
  units: number;
  /** Distinct candidates with such a unit, and distinct interviewers who rated one. */
  candidates: number;
  raters: number;
  verdict: ReliabilityVerdict;
  /** The verdict and interval in one plain sentence. */
  summary: string;
}

const RATING_VALUES = [1, 2, 3, 4];

export async function getCalibration(primaryCtx: Ctx): Promise<{ interviewers: InterviewerCalibration[]; bySkill: ReliabilityRow[]; byKit: ReliabilityRow[] }> {
  requirePermission(primaryCtx, 'dashboard:read');
  const ctx = await forReads(primaryCtx); // a configured read replica serves it (lib/read-replica.ts)
  requirePermission(ctx, 'scorecard:read_all');
  const org = ctx.organizationId;
  // The cost depends on the number of interviewers, skills, kits and rating patterns — not on
  // the number of ratings. Under "hold leads to independent scoring" the page shows only while
  // the viewer owes no started scorecard: checked alongside the reads (nothing is returned when
  // it refuses), so it costs no extra round trip.
  const [, interviewerRows, patternRows, groupRows] = await Promise.all([
    requireNothingOwedForAggregates(ctx),
    queryRows<{ user_id: string; name: string; deviation_sum: number; deviation_n: number; deviation_squares_sum: number; d1: number; d2: number; d3: number; d4: number; scorecards: number; hours: number | null }>(
      ctx.db,
      sql`
      select u.id as user_id, coalesce(u.name, u.email) as name,
             t.deviation_sum, t.deviation_n, t.deviation_squares_sum,
             t.n1 as d1, t.n2 as d2, t.n3 as d3, t.n4 as d4, t.scorecards,
             t.hours_to_submit_sum / t.scorecards as hours
      from interviewer_tallies t join users u on u.id = t.user_id
      where t.organization_id = ${org} and t.scorecards > 0
      order by name`,
    ),
    queryRows<{ grouping: 'skill' | 'kit'; group_id: string; n1: number; n2: number; n3: number; n4: number; units: number }>(
      ctx.db,
      sql`select grouping, group_id, n1, n2, n3, n4, units from reliability_patterns where organization_id = ${org} and units > 0`,
    ),
    queryRows<{ grouping: 'skill' | 'kit'; group_id: string; label: string; candidates: number; raters: number }>(
      ctx.db,
      sql`
      select g.grouping, g.group_id,
             case g.grouping when 'skill' then (select name from skills where id = g.group_id) else (select name from kits where id = g.group_id) end as label,
             g.candidates,
             (select count(*) from reliability_raters r
              where r.organization_id = g.organization_id and r.grouping = g.grouping and r.group_id = g.group_id and r.ratings > 0)::int as raters
      from reliability_groups g
      where g.organization_id = ${org} and g.candidates > 0`,
    ),
  ]);

  const patternsByGroup = new Map<string, UnitPattern[]>();
  for (const p of patternRows) {
    const key = `${p.grouping}:${p.group_id}`;
    const list = patternsByGroup.get(key) ?? [];
    list.push({ counts: [Number(p.n1), Number(p.n2), Number(p.n3), Number(p.n4)], units: Number(p.units) });
    patternsByGroup.set(key, list);
  }
  const rows = groupRows.map((g) => ({ grouping: g.grouping, row: reliabilityRow(g, patternsByGroup.get(`${g.grouping}:${g.group_id}`) ?? []) }));
  const byLabel = (a: ReliabilityRow, b: ReliabilityRow) => a.label.localeCompare(b.label);

  return {
    interviewers: interviewerRows.map((r) => {
      const interval = meanInterval(Number(r.deviation_n), Number(r.deviation_sum), Number(r.deviation_squares_sum));
      return {
        userId: r.user_id,
        name: r.name,
        leniency: Number(r.deviation_n) > 0 ? Number(r.deviation_sum) / Number(r.deviation_n) : null,
        leniencyN: Number(r.deviation_n),
        leniencyInterval: interval,
        leniencyVerdict: leniencyVerdict(interval),
        distribution: { '1': Number(r.d1), '2': Number(r.d2), '3': Number(r.d3), '4': Number(r.d4) },
        scorecards: Number(r.scorecards),
        meanHoursToSubmit: r.hours === null ? null : Number(r.hours),
      };
    }),
    bySkill: rows.filter((r) => r.grouping === 'skill').map((r) => r.row).sort(byLabel),
    byKit: rows.filter((r) => r.grouping === 'kit').map((r) => r.row).sort(byLabel),
  };
}

function reliabilityRow(g: { grouping: string; group_id: string; label: string; candidates: number; raters: number }, patterns: UnitPattern[]): ReliabilityRow {
  const evidence = { alpha: alpha(patterns, RATING_VALUES, 'ordinal'), candidates: Number(g.candidates), raters: Number(g.raters) };
  const verdict = reliabilityVerdict(evidence);
  const interval = verdict === 'not enough data' ? null : cachedInterval(`${g.grouping}:${g.group_id}`, patterns);
  return {
    label: g.label,
    ...evidence,
    interval,
    units: patterns.reduce((sum, p) => sum + p.units, 0),
    verdict,
    summary: describeReliability(evidence, interval),
  };
}

// The bootstrap costs milliseconds per group; the patterns change only when a scorecard is
// submitted or reopened, so each process keeps the last interval per group and its patterns.
// Seeded by the group, so every process (and every reload) shows the same interval.
const intervals = new Map<string, { fingerprint: string; interval: AlphaInterval | null }>();
const MAX_CACHED_GROUPS = 5000;

function cachedInterval(group: string, patterns: UnitPattern[]): AlphaInterval | null {
  const fingerprint = patterns
    .map((p) => `${p.counts.join('.')}x${p.units}`)
    .sort()
    .join(',');
  const hit = intervals.get(group);
  if (hit?.fingerprint === fingerprint) return hit.interval;
  const interval = bootstrapAlphaInterval(patterns, RATING_VALUES, 'ordinal', { seed: seedFrom(group) });
  if (intervals.size >= MAX_CACHED_GROUPS) intervals.delete(intervals.keys().next().value!);
  intervals.set(group, { fingerprint, interval });
  return interval;
}
