// Keeps the score analytics tallies (db/schema/analytics.ts) in step with submitted ratings —
// only the ones that count (db/counted.ts: never a shadow's; predictive validity uses the same rule).
//
// Every figure they hold is a sum over applications, so a change to one application's submitted
// scorecards is applied as "subtract what this application contributed, make the change, add
// what it contributes now" — in the caller's transaction, with the application row locked so
// two submits for the same candidate cannot interleave. rebuildScoreAnalytics recomputes the
// lot from the ratings (seeding, and the proof in tests that the running tallies are exact).
import { type SQL, sql } from 'drizzle-orm';
import type { DbExecutor } from './client';
import { countedScorecardSql } from './counted';

/** Submitted ratings of the applications matching `filter` (a condition on alias a). */
function submittedRatings(filter: SQL): SQL {
  return sql`
    select a.organization_id, a.id as application_id, s.interviewer_user_id as user_id, kv.kit_id, sr.skill_id, sr.rating::int as v
    from applications a
    join interviews i on i.application_id = a.id
    join scorecards s on s.interview_id = i.id and ${countedScorecardSql('s')}
    join kit_versions kv on kv.id = i.kit_version_id
    join scorecard_ratings sr on sr.scorecard_id = s.id and sr.rating is not null
    where ${filter}`;
}

/** Adds (sign 1) or removes (sign −1) what the matching applications contribute to the running tallies. */
async function applyContributions(db: DbExecutor, filter: SQL, sign: 1 | -1): Promise<void> {
  await db.execute(sql`
    with r as (${submittedRatings(filter)}),
    units as (select application_id, skill_id, count(*)::float8 as m, sum(v)::float8 as t from r group by 1, 2),
    per_user as (
      select r.organization_id, r.user_id,
             coalesce(sum(r.v - (u.t - r.v) / (u.m - 1)) filter (where u.m > 1), 0) as deviation_sum,
             coalesce(sum(power(r.v - (u.t - r.v) / (u.m - 1), 2)) filter (where u.m > 1), 0) as deviation_squares_sum,
             count(*) filter (where u.m > 1) as deviation_n,
             count(*) filter (where r.v = 1) as n1, count(*) filter (where r.v = 2) as n2,
             count(*) filter (where r.v = 3) as n3, count(*) filter (where r.v = 4) as n4
      from r join units u on u.application_id = r.application_id and u.skill_id = r.skill_id
      group by 1, 2
    ),
    timing as (
      select a.organization_id, s.interviewer_user_id as user_id, count(*) as scorecards,
             sum(extract(epoch from s.submitted_at - (i.scheduled_at + make_interval(mins => i.duration_minutes))) / 3600) as hours
      from applications a
      join interviews i on i.application_id = a.id
      join scorecards s on s.interview_id = i.id and ${countedScorecardSql('s')}
      where ${filter}
      group by 1, 2
    )
    insert into interviewer_tallies (organization_id, user_id, deviation_sum, deviation_n, deviation_squares_sum, n1, n2, n3, n4, scorecards, hours_to_submit_sum)
    select coalesce(p.organization_id, t.organization_id), coalesce(p.user_id, t.user_id),
           ${sql.raw(String(sign))} * coalesce(p.deviation_sum, 0), ${sql.raw(String(sign))} * coalesce(p.deviation_n, 0),
           ${sql.raw(String(sign))} * coalesce(p.deviation_squares_sum, 0),
           ${sql.raw(String(sign))} * coalesce(p.n1, 0), ${sql.raw(String(sign))} * coalesce(p.n2, 0), ${sql.raw(String(sign))} * coalesce(p.n3, 0), ${sql.raw(String(sign))} * coalesce(p.n4, 0),
           ${sql.raw(String(sign))} * coalesce(t.scorecards, 0), ${sql.raw(String(sign))} * coalesce(t.hours, 0)
    from per_user p full join timing t on t.organization_id = p.organization_id and t.user_id = p.user_id
    on conflict (organization_id, user_id) do update set
      deviation_sum = interviewer_tallies.deviation_sum + excluded.deviation_sum,
      deviation_n = interviewer_tallies.deviation_n + excluded.deviation_n,
      deviation_squares_sum = interviewer_tallies.deviation_squares_sum + excluded.deviation_squares_sum,
      n1 = interviewer_tallies.n1 + excluded.n1, n2 = interviewer_tallies.n2 + excluded.n2,
      n3 = interviewer_tallies.n3 + excluded.n3, n4 = interviewer_tallies.n4 + excluded.n4,
      scorecards = interviewer_tallies.scorecards + excluded.scorecards,
      hours_to_submit_sum = interviewer_tallies.hours_to_submit_sum + excluded.hours_to_submit_sum`);

  // Krippendorff's alpha per skill and per kit, as unit patterns (see db/schema/analytics.ts): a
  // unit is one application's skill; by kit, the ratings given in interviews with that kit.
  const s = sql.raw(String(sign));
  const pairableUnits = sql`
    with r as (${submittedRatings(filter)}),
    rated as (
      select organization_id, 'skill' as grouping, skill_id as group_id, application_id, skill_id, user_id, v from r
      union all
      select organization_id, 'kit', kit_id, application_id, skill_id, user_id, v from r
    ),
    units as (
      select organization_id, grouping, group_id, application_id, skill_id,
             count(*) filter (where v = 1) as n1, count(*) filter (where v = 2) as n2,
             count(*) filter (where v = 3) as n3, count(*) filter (where v = 4) as n4
      from rated group by 1, 2, 3, 4, 5 having count(*) >= 2
    )`;
  // One statement: the ratings are read once for all three tallies (data-modifying CTEs).
  await db.execute(sql`
    ${pairableUnits},
    patterns as (
      insert into reliability_patterns (organization_id, grouping, group_id, n1, n2, n3, n4, units)
      select organization_id, grouping, group_id, n1, n2, n3, n4, ${s} * count(*) from units group by 1, 2, 3, 4, 5, 6, 7
      on conflict (organization_id, grouping, group_id, n1, n2, n3, n4) do update set units = reliability_patterns.units + excluded.units
    ),
    groups as (
      insert into reliability_groups (organization_id, grouping, group_id, candidates)
      select organization_id, grouping, group_id, ${s} * count(distinct application_id) from units group by 1, 2, 3
      on conflict (organization_id, grouping, group_id) do update set candidates = reliability_groups.candidates + excluded.candidates
    )
    insert into reliability_raters (organization_id, grouping, group_id, user_id, ratings)
    select x.organization_id, x.grouping, x.group_id, x.user_id, ${s} * count(*)
    from rated x join units u using (organization_id, grouping, group_id, application_id, skill_id)
    group by 1, 2, 3, 4
    on conflict (organization_id, grouping, group_id, user_id) do update set ratings = reliability_raters.ratings + excluded.ratings`);
}

/**
 * Adds or removes what the matching applications contribute to the question tallies. Reads the
 * composite from application_skill_tallies and the opening's weights, so it must run while those
 * describe the same moment as the ratings (before a change: before the refresh; after: after it).
 */
async function applyQuestionContributions(db: DbExecutor, filter: SQL, sign: 1 | -1): Promise<void> {
  const s = sql.raw(String(sign));
  await db.execute(sql`
    with apps as (select a.id, a.organization_id, a.opening_id from applications a where ${filter}),
    composites as (
      select t.application_id, sum(w.weight * (t.n1 + 2 * t.n2 + 3 * t.n3 + 4 * t.n4)::float8 / (t.n1 + t.n2 + t.n3 + t.n4)) / sum(w.weight) as y
      from application_skill_tallies t
      join apps on apps.id = t.application_id
      join opening_skill_weights w on w.opening_id = t.opening_id and w.skill_id = t.skill_id
      where t.n1 + t.n2 + t.n3 + t.n4 > 0
      group by 1
    ),
    submitted as (
      select apps.id as application_id, apps.organization_id, apps.opening_id, i.id as interview_id, i.kit_version_id, s.id as scorecard_id
      from apps
      join interviews i on i.application_id = apps.id
      join scorecards s on s.interview_id = i.id and ${countedScorecardSql('s')}
    ),
    asked as (
      -- Per interview with a submitted scorecard, each question of its pinned kit version once.
      select k.organization_id, k.opening_id, kq.question_id, count(*) as times_asked
      from (select distinct organization_id, opening_id, interview_id, kit_version_id from submitted) k
      join (select distinct ki.kit_version_id, qv.question_id from kit_items ki join question_versions qv on qv.id = ki.question_version_id) kq
        on kq.kit_version_id = k.kit_version_id
      group by 1, 2, 3
    ),
    per_application as (
      select sub.organization_id, sub.opening_id, qv.question_id, sub.application_id, c.y,
             count(*) filter (where n.rating = 1) as n1, count(*) filter (where n.rating = 2) as n2,
             count(*) filter (where n.rating = 3) as n3, count(*) filter (where n.rating = 4) as n4,
             count(*) as n, sum(n.rating)::float8 as sx, sum(n.rating * n.rating)::float8 as sx2
      from submitted sub
      join scorecard_notes n on n.scorecard_id = sub.scorecard_id and n.rating is not null
      join kit_items ki on ki.id = n.kit_item_id
      join question_versions qv on qv.id = ki.question_version_id
      left join composites c on c.application_id = sub.application_id
      group by 1, 2, 3, 4, 5
    ),
    rated as (
      select organization_id, opening_id, question_id,
             sum(n1) as n1, sum(n2) as n2, sum(n3) as n3, sum(n4) as n4,
             count(*) as applications, count(*) filter (where y is not null) as paired_applications,
             coalesce(sum(n) filter (where y is not null), 0) as paired_n,
             sum(sx) as sum_x,
             coalesce(sum(sx) filter (where y is not null), 0) as paired_sum_x,
             coalesce(sum(sx2) filter (where y is not null), 0) as paired_sum_x2,
             coalesce(sum(n * y), 0) as sum_y, coalesce(sum(n * y * y), 0) as sum_y2, coalesce(sum(sx * y), 0) as sum_xy
      from per_application group by 1, 2, 3
    )
    insert into question_tallies (organization_id, opening_id, question_id, times_asked, n1, n2, n3, n4, applications, paired_applications, paired_n, sum_x, paired_sum_x, paired_sum_x2, sum_y, sum_y2, sum_xy)
    select coalesce(a.organization_id, r.organization_id), coalesce(a.opening_id, r.opening_id), coalesce(a.question_id, r.question_id),
           ${s} * coalesce(a.times_asked, 0), ${s} * coalesce(r.n1, 0), ${s} * coalesce(r.n2, 0), ${s} * coalesce(r.n3, 0), ${s} * coalesce(r.n4, 0),
           ${s} * coalesce(r.applications, 0), ${s} * coalesce(r.paired_applications, 0), ${s} * coalesce(r.paired_n, 0),
           ${s} * coalesce(r.sum_x, 0), ${s} * coalesce(r.paired_sum_x, 0), ${s} * coalesce(r.paired_sum_x2, 0), ${s} * coalesce(r.sum_y, 0), ${s} * coalesce(r.sum_y2, 0), ${s} * coalesce(r.sum_xy, 0)
    from asked a full join rated r on r.organization_id = a.organization_id and r.opening_id = a.opening_id and r.question_id = a.question_id
    on conflict (organization_id, opening_id, question_id) do update set
      times_asked = question_tallies.times_asked + excluded.times_asked,
      n1 = question_tallies.n1 + excluded.n1, n2 = question_tallies.n2 + excluded.n2,
      n3 = question_tallies.n3 + excluded.n3, n4 = question_tallies.n4 + excluded.n4,
      applications = question_tallies.applications + excluded.applications,
      paired_applications = question_tallies.paired_applications + excluded.paired_applications,
      paired_n = question_tallies.paired_n + excluded.paired_n,
      sum_x = question_tallies.sum_x + excluded.sum_x,
      paired_sum_x = question_tallies.paired_sum_x + excluded.paired_sum_x, paired_sum_x2 = question_tallies.paired_sum_x2 + excluded.paired_sum_x2,
      sum_y = question_tallies.sum_y + excluded.sum_y, sum_y2 = question_tallies.sum_y2 + excluded.sum_y2,
      sum_xy = question_tallies.sum_xy + excluded.sum_xy`);
}

/** Recomputes the per-application tallies of the matching applications. Idempotent. */
async function refreshApplicationTallies(db: DbExecutor, filter: SQL): Promise<void> {
  await db.execute(sql`delete from application_tallies t using applications a where t.application_id = a.id and ${filter}`);
  await db.execute(sql`
    insert into application_tallies (organization_id, opening_id, application_id, strong_no, no, yes, strong_yes)
    select a.organization_id, a.opening_id, a.id,
           count(*) filter (where s.recommendation = 'strong_no'), count(*) filter (where s.recommendation = 'no'),
           count(*) filter (where s.recommendation = 'yes'), count(*) filter (where s.recommendation = 'strong_yes')
    from applications a
    join interviews i on i.application_id = a.id
    join scorecards s on s.interview_id = i.id and ${countedScorecardSql('s')}
    where ${filter}
    group by a.organization_id, a.opening_id, a.id`);
  await db.execute(sql`delete from application_skill_tallies t using applications a where t.application_id = a.id and ${filter}`);
  await db.execute(sql`
    insert into application_skill_tallies (organization_id, opening_id, application_id, skill_id, n1, n2, n3, n4)
    select a.organization_id, a.opening_id, a.id, sr.skill_id,
           count(*) filter (where sr.rating = 1), count(*) filter (where sr.rating = 2),
           count(*) filter (where sr.rating = 3), count(*) filter (where sr.rating = 4)
    from applications a
    join interviews i on i.application_id = a.id
    join scorecards s on s.interview_id = i.id and ${countedScorecardSql('s')}
    join scorecard_ratings sr on sr.scorecard_id = s.id and sr.rating is not null
    where ${filter}
    group by a.organization_id, a.opening_id, a.id, sr.skill_id`);
}

/**
 * Runs `change` — something that moves scorecards of one application into or out of the
 * counted set (a submit, a reopen, a panelist's role changing) — and brings the tallies up to
 * date around it. Call inside a transaction.
 */
export async function withScoreAnalytics<T>(db: DbExecutor, applicationId: string, change: () => Promise<T>): Promise<T> {
  const filter = sql`a.id = ${applicationId}`;
  // Serializes changes per application: the "before" must be the state this change starts from.
  await db.execute(sql`select 1 from applications where id = ${applicationId} for update`);
  await applyContributions(db, filter, -1);
  await applyQuestionContributions(db, filter, -1);
  const result = await change();
  await applyContributions(db, filter, 1);
  await refreshApplicationTallies(db, filter);
  await applyQuestionContributions(db, filter, 1);
  return result;
}

/**
 * After an opening's skill weights change, every composite of the opening may differ: its question
 * tallies are recomputed. Call in the transaction that changed the weights.
 */
export async function refreshOpeningQuestionTallies(db: DbExecutor, openingId: string): Promise<void> {
  // The applications' locks order this after (or before) any submit in flight for the opening,
  // so no submit applies a delta computed with the other weights.
  await db.execute(sql`select 1 from applications where opening_id = ${openingId} order by id for update`);
  await db.execute(sql`delete from question_tallies where opening_id = ${openingId}`);
  await applyQuestionContributions(db, sql`a.opening_id = ${openingId}`, 1);
}

/** Recomputes every tally of one organization from its submitted ratings. */
export async function rebuildScoreAnalytics(db: DbExecutor, organizationId: string): Promise<void> {
  await db.execute(sql`delete from interviewer_tallies where organization_id = ${organizationId}`);
  for (const table of ['reliability_patterns', 'reliability_groups', 'reliability_raters']) {
    await db.execute(sql`delete from ${sql.identifier(table)} where organization_id = ${organizationId}`);
  }
  await db.execute(sql`delete from question_tallies where organization_id = ${organizationId}`);
  const filter = sql`a.organization_id = ${organizationId}`;
  await applyContributions(db, filter, 1);
  await refreshApplicationTallies(db, filter);
  await applyQuestionContributions(db, filter, 1);
}
