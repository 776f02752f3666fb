// Krippendorff's alpha for ordinal data, in SQL. It handles any number of raters per unit and
// missing ratings (units rated once are unpairable and drop out), which is the shape of
// interview panels. Computed per group (e.g. per skill) from rows (grp, unit, value):
//
//   o_ck   = Σ_u (n_uc·n_uk − [c=k]·n_uc) / (m_u − 1)            coincidence matrix
//   n_c    = Σ_k o_ck,  n = Σ_c n_c
//   δ²_ck  = (Σ_{g between c and k} n_g − (n_c + n_k)/2)²        ordinal distance
//   α      = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
//
// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability"; the worked example there
// (α ordinal = 0.815) is reproduced by tests/integration/reliability.test.ts.
import { type SQL, sql } from 'drizzle-orm';

/** Rows (grp text, alpha float8 | null, pairable_values int, units int) for a relation of (grp, unit, value). */
export function ordinalAlphaSql(observations: SQL): SQL {
  return alphaFromCoincidencesSql(sql`
    with obs as (${observations}),
    units as (select grp, unit, count(*)::float8 as m from obs group by grp, unit having count(*) >= 2),
    cnt as (
      select o.grp, o.unit, o.value::float8 as value, count(*)::float8 as n
      from obs o join units u on u.grp = o.grp and u.unit = o.unit
      group by o.grp, o.unit, o.value
    )
    select a.grp, a.value as c, b.value as k, sum((a.n * b.n - case when a.value = b.value then a.n else 0 end) / (u.m - 1)) as o
    from cnt a
    join cnt b on b.grp = a.grp and b.unit = a.unit
    join units u on u.grp = a.grp and u.unit = a.unit
    group by a.grp, a.value, b.value
    union all
    select grp, 0, 0, count(*) from units group by grp`);
}

/**
 * Alpha from coincidence matrices: rows (grp, c, k, o) with c, k the rated values, plus one row
 * per group with c = k = 0 whose o is the number of pairable units. The dashboard keeps these
 * matrices as running tallies (db/analytics.ts), so alpha costs a few rows per group.
 */
export function alphaFromCoincidencesSql(matrix: SQL): SQL {
  return sql`
    with matrix as (${matrix}),
    coincidence as (select grp, c::float8 as c, k::float8 as k, o::float8 as o from matrix where c > 0),
    unit_counts as (select grp, round(o)::int as units from matrix where c = 0),
    -- Values nobody uses drop out; the tolerance absorbs rounding left by running additions.
    marginals as (select grp, c as value, sum(o) as n from coincidence group by grp, c having sum(o) > 1e-9),
    distance as (
      select a.grp, a.value as c, b.value as k, a.n as n_c, b.n as n_k,
             power((select sum(g.n) from marginals g where g.grp = a.grp and g.value between least(a.value, b.value) and greatest(a.value, b.value)) - (a.n + b.n) / 2.0, 2) as d
      from marginals a join marginals b on b.grp = a.grp
    ),
    totals as (
      select d.grp,
             sum(coalesce(co.o, 0) * d.d) as observed,
             sum(d.n_c * d.n_k * d.d) as expected,
             (select sum(n) from marginals m where m.grp = d.grp) as n
      from distance d
      left join coincidence co on co.grp = d.grp and co.c = d.c and co.k = d.k
      group by d.grp
    )
    select t.grp::text as grp,
           case when t.expected > 1e-9 then 1 - (t.n - 1) * t.observed / t.expected end as alpha,
           round(t.n)::int as pairable_values,
           coalesce(u.units, 0) as units
    from totals t left join unit_counts u on u.grp = t.grp`;
}

export type ReliabilityBand = 'not enough data' | 'poor' | 'moderate' | 'good' | 'excellent';

/** Koo & Li (2016) bands, with an honest "not enough data" below 10 pairable ratings or 3 units. */
export function reliabilityBand(alpha: number | null, pairableValues: number, units: number): ReliabilityBand {
  if (alpha === null || pairableValues < 10 || units < 3) return 'not enough data';
  if (alpha < 0.5) return 'poor';
  if (alpha < 0.75) return 'moderate';
  if (alpha < 0.9) return 'good';
  return 'excellent';
}
