// `npm run bench -- dashboard`: one organization with 1,000,000 skill ratings on the PostgreSQL
// server. Its main opening has 2,000 candidates × 12 skills × 4 submitted scorecards (two
// interviews of two panelists each); nine more openings of the same shape carry the rest, so the
// calibration page aggregates the whole million; every scorecard also rates each question of its
// kit; 70 % of the candidates answered the voluntary self-identification; every hire has a 90-day
// outcome. Measures the opening dashboard's data, the comparison of 5 candidates, the calibration
// page's data (leniency and reliability with their intervals), the adverse-impact report, the
// predictive-validity report and the question analytics through
// the real lib functions and, in the same run, the same figures hand-written as directly as
// possible (the floors): each series is timed interleaved with its floor and reported as a ratio.
import { eq, sql } from 'drizzle-orm';
import { rebuildScoreAnalytics } from '@/db/analytics';
import { kits, kitVersions } from '@/db/schema';
import { getCalibration } from '@/lib/dashboard/calibration';
import { alpha, bootstrapAlphaInterval, type UnitPattern } from '@/lib/dashboard/krippendorff';
import { seedFrom } from '@/lib/dashboard/statistics';
import { getAdverseImpactReport } from '@/lib/fairness/report';
import { SELF_ID_QUESTIONS } from '@/lib/fairness/questions';
import { getValidityReport } from '@/lib/validity/report';
import { getQuestionAnalytics } from '@/lib/dashboard/question-analytics';
import { compareCandidates, getOpeningGrid } from '@/lib/dashboard/queries';
import type { Ctx } from '@/lib/context';
import { createKit, publishKit } from '@/lib/kits/mutations';
import { benchOrganization, percentile, timeMany } from './support';

const TARGET_RATINGS = Number(process.env.BENCH_RATINGS ?? 1_000_000);
const SKILLS = 12;
const SCORECARDS_PER_CANDIDATE = 4; // two interviews × two panelists
const MAIN_OPENING_CANDIDATES = 2_000;
const OPENINGS = 10;
const INTERVIEWERS = 40;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

/** Times the app and its floor alternately, so both series see the same machine conditions. */
async function interleaved(app: () => Promise<unknown>, floor: () => Promise<unknown>): Promise<[number[], number[]]> {
  const appMs: number[] = [];
  const floorMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    floorMs.push(...(await timeMany(1, floor)));
    appMs.push(...(await timeMany(1, app)));
  }
  return [appMs.sort((a, b) => a - b), floorMs.sort((a, b) => a - b)];
}

const ratio = (app: number[], floor: number[]) => Number((percentile(app, 95) / percentile(floor, 95)).toFixed(2));

export async function runDashboardBench(): Promise<void> {
  const { connection, db, user, organizationId: org, admin } = await benchOrganization('Dashboard Bench');
  try {

    const seedStarted = performance.now();
    const kitVersionIds: string[] = [];
    for (const key of ['backend-engineer-nodejs', 'senior-backend-system-design-security']) {
      const [template] = await db.select().from(kits).where(eq(kits.builtinKey, key));
      const { kitId } = await createKit(admin, { name: `Bench ${key}`, roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 90, sourceKitId: template!.id });
      await publishKit(admin, { kitId, revision: 0 });
      const [version] = await db.select({ id: kitVersions.id }).from(kitVersions).where(eq(kitVersions.kitId, kitId));
      kitVersionIds.push(version!.id);
    }

    const candidatesTotal = Math.ceil(TARGET_RATINGS / (SKILLS * SCORECARDS_PER_CANDIDATE));
    // Everything below is set-based SQL: the shape of real data (candidate ability per skill,
    // interviewer leniency, noise) generated in the database, deterministic through setseed.
    await db.transaction(async (tx) => {
      await tx.execute(sql`select setseed(0.42)`);
      await tx.execute(sql`
        create temporary table bench_interviewers on commit drop as
        select row_number() over () - 1 as k, u.id, (random() - 0.5) * 0.8 as bias
        from (select id from users limit 0) u`);
      await tx.execute(sql`
        with new_users as (
          insert into users (name, email) select 'Interviewer ' || g, 'interviewer' || g || '@bench.test' from generate_series(0, ${INTERVIEWERS - 1}) g
          returning id, name
        ), m as (insert into memberships (organization_id, user_id, role) select ${org}, id, 'interviewer' from new_users)
        insert into bench_interviewers select (substring(name from 13))::int, id, (random() - 0.5) * 0.8 from new_users`);
      await tx.execute(sql`
        create temporary table bench_skills on commit drop as
        select row_number() over (order by name) - 1 as k, id from skills where organization_id is null order by name limit ${SKILLS}`);
      await tx.execute(sql`
        create temporary table bench_openings on commit drop as
        select g as k, gen_random_uuid() as id from generate_series(0, ${OPENINGS - 1}) g`);
      await tx.execute(sql`insert into openings (id, organization_id, title, level, hiring_manager_user_id)
        select id, ${org}, 'Bench opening ' || k, 'mid', ${user.id} from bench_openings`);
      await tx.execute(sql`insert into opening_skill_weights (organization_id, opening_id, skill_id, weight)
        select ${org}, o.id, s.id, 1 + (s.k % 5) from bench_openings o cross join bench_skills s`);
      await tx.execute(sql`
        create temporary table bench_stages on commit drop as
        select o.id as opening_id, st.position, gen_random_uuid() as id from bench_openings o cross join (values (0), (1)) st(position)`);
      await tx.execute(sql`insert into opening_stages (id, organization_id, opening_id, position, name, duration_minutes)
        select id, ${org}, opening_id, position, case position when 0 then 'Technical' else 'System design' end, 60 from bench_stages`);
      await tx.execute(sql`
        create temporary table bench_candidates on commit drop as
        select g as k, gen_random_uuid() as id, gen_random_uuid() as application_id,
               case when g < ${MAIN_OPENING_CANDIDATES} then 0 else 1 + g % ${OPENINGS - 1} end as opening_k,
               1.2 + random() * 2.6 as ability
        from generate_series(0, ${candidatesTotal - 1}) g`);
      await tx.execute(sql`insert into candidates (id, organization_id, name, email, created_at)
        select id, ${org}, 'Candidate ' || k, 'candidate' || k || '@bench.test', now() - make_interval(mins => k) from bench_candidates`);
      await tx.execute(sql`insert into applications (id, organization_id, candidate_id, opening_id, stage, created_at)
        select c.application_id, ${org}, c.id, o.id, (array['active','active','active','rejected','hired','withdrawn'])[1 + c.k % 6]::application_stage, now() - make_interval(mins => c.k)
        from bench_candidates c join bench_openings o on o.k = c.opening_k`);
      await tx.execute(sql`
        create temporary table bench_interviews on commit drop as
        select gen_random_uuid() as id, c.k as candidate_k, c.application_id, st.position, st.id as stage_id,
               now() - make_interval(days => 1 + (c.k % 300), hours => st.position) as scheduled_at
        from bench_candidates c join bench_openings o on o.k = c.opening_k join bench_stages st on st.opening_id = o.id`);
      await tx.execute(sql`insert into interviews (id, organization_id, application_id, opening_stage_id, kit_version_id, scheduled_at, duration_minutes, status)
        select id, ${org}, application_id, stage_id, (${sql.param(kitVersionIds)}::uuid[])[1 + position], scheduled_at, 60, 'completed' from bench_interviews`);
      await tx.execute(sql`
        create temporary table bench_scorecards on commit drop as
        select gen_random_uuid() as id, i.id as interview_id, i.candidate_k, i.scheduled_at, p.slot,
               iv.id as interviewer_id, iv.bias
        from bench_interviews i cross join (values (0), (1)) p(slot)
        join bench_interviewers iv on iv.k = (i.candidate_k * 7 + i.position * 3 + p.slot * 11) % ${INTERVIEWERS}`);
      await tx.execute(sql`insert into interview_panelists (organization_id, interview_id, user_id) select ${org}, interview_id, interviewer_id from bench_scorecards`);
      await tx.execute(sql`
        create temporary table bench_ratings on commit drop as
        select sc.id as scorecard_id, s.id as skill_id,
               greatest(1, least(4, round(c.ability + ((s.k * 37 + c.k) % 7 - 3) * 0.15 + sc.bias + (random() - 0.5) * 1.3)))::smallint as rating
        from bench_scorecards sc join bench_candidates c on c.k = sc.candidate_k cross join bench_skills s`);
      await tx.execute(sql`insert into scorecards (id, organization_id, interview_id, interviewer_user_id, status, recommendation, summary, revision, submitted_at)
        select sc.id, ${org}, sc.interview_id, sc.interviewer_id, 'submitted',
               (array['strong_no','no','yes','strong_yes'])[greatest(1, least(4, round(avg(r.rating))))::int]::recommendation,
               'Bench summary', 3, sc.scheduled_at + interval '1 hour' + make_interval(mins => (sc.candidate_k * 13) % 2000)
        from bench_scorecards sc join bench_ratings r on r.scorecard_id = sc.id
        group by sc.id, sc.interview_id, sc.interviewer_id, sc.scheduled_at, sc.candidate_k`);
      await tx.execute(sql`insert into scorecard_ratings (organization_id, scorecard_id, skill_id, rating, no_evidence)
        select ${org}, scorecard_id, skill_id, rating, false from bench_ratings`);
      // A rated note per question of the pinned kit, for the question analytics.
      await tx.execute(sql`insert into scorecard_notes (organization_id, scorecard_id, kit_item_id, body, rating)
        select ${org}, sc.id, ki.id, 'Bench note',
               greatest(1, least(4, round(c.ability + sc.bias + (random() - 0.5) * 1.6)))::smallint
        from bench_scorecards sc
        join bench_candidates c on c.k = sc.candidate_k
        join interviews i on i.id = sc.interview_id
        join kit_items ki on ki.kit_version_id = i.kit_version_id`);
      // Voluntary self-identification: 70 % answered; of those some prefer not to say.
      await tx.execute(sql`insert into self_identifications (organization_id, candidate_id, answers)
        select ${org}, c.id, jsonb_build_object(
          'gender', (array['female','male','male','non_binary','prefer_not_to_say'])[1 + floor(random() * 5)::int],
          'race_ethnicity', (array['white','white','asian','black','hispanic_latino','two_or_more','prefer_not_to_say'])[1 + floor(random() * 7)::int],
          'veteran', (array['not_veteran','not_veteran','protected_veteran','prefer_not_to_say'])[1 + floor(random() * 4)::int],
          'disability', (array['no','no','yes','prefer_not_to_say'])[1 + floor(random() * 4)::int])
        from bench_candidates c where c.k % 10 < 7`);
      // Post-hire outcomes at 90 days for every hire: overall and per-skill ratings that follow the
      // candidate's ability with noise, so the validity figures are not degenerate.
      await tx.execute(sql`
        create temporary table bench_outcomes on commit drop as
        select gen_random_uuid() as id, c.application_id, c.ability from bench_candidates c where c.k % 6 = 4`);
      await tx.execute(sql`insert into post_hire_outcomes (id, organization_id, application_id, checkpoint, overall_rating, still_employed, recorded_by_user_id)
        select id, ${org}, application_id, '90_days', greatest(1, least(4, round(ability + (random() - 0.5) * 2)))::smallint, random() > 0.1, ${user.id} from bench_outcomes`);
      await tx.execute(sql`insert into post_hire_outcome_skill_ratings (organization_id, outcome_id, skill_id, rating)
        select ${org}, o.id, s.id, greatest(1, least(4, round(o.ability + (random() - 0.5) * 2.4)))::smallint from bench_outcomes o cross join bench_skills s`);
      // Written in bulk, so the running tallies are built in one go, as the demo seed does.
      await rebuildScoreAnalytics(tx, org);
    });
    await db.execute(sql`vacuum analyze`);
    const seedMs = performance.now() - seedStarted;
    const [{ ratings } = { ratings: 0 }] = (await db.execute<{ ratings: number }>(sql`select count(*)::int as ratings from scorecard_ratings where organization_id = ${org}`)) as unknown as { ratings: number }[];
    const [main] = (await db.execute<{ id: string }>(sql`select id from openings where organization_id = ${org} and title = 'Bench opening 0'`)) as unknown as { id: string }[];
    const openingId = main!.id;
    console.log(`dashboard bench: ${ratings.toLocaleString('en')} ratings, ${candidatesTotal.toLocaleString('en')} candidates in ${OPENINGS} openings, seeded in ${(seedMs / 1000).toFixed(1)} s`);

    // The floor: one hand-written query returning the grid in its plain relational shape — a row
    // per candidate and skill with mean, n, range and SD, the candidate's composite, coverage and
    // recommendation tally — from the same tallies the app reads.
    const sqlFloor = () =>
      db.execute(sql`
        with w as (select skill_id, weight from opening_skill_weights where organization_id = ${org} and opening_id = ${openingId})
        select a.candidate_id, c.name, a.stage, t.skill_id, x.n, x.mean, t.n1, t.n2, t.n3, t.n4,
               sqrt(greatest((t.n1 + 4 * t.n2 + 9 * t.n3 + 16 * t.n4)::float8 / x.n - x.mean ^ 2, 0)) as sd,
               sum(x.mean * w.weight) over app / sum(w.weight) over app as composite,
               sum(w.weight) over app / (select sum(weight) from w) as coverage,
               rt.strong_no, rt.no, rt.yes, rt.strong_yes
        from applications a
        join candidates c on c.id = a.candidate_id
        left join application_skill_tallies t on t.application_id = a.id
        cross join lateral (select t.n1 + t.n2 + t.n3 + t.n4 as n, (t.n1 + 2 * t.n2 + 3 * t.n3 + 4 * t.n4)::float8 / nullif(t.n1 + t.n2 + t.n3 + t.n4, 0) as mean) x
        left join w on w.skill_id = t.skill_id
        left join application_tallies rt on rt.application_id = a.id
        where a.organization_id = ${org} and a.opening_id = ${openingId}
        window app as (partition by a.id)`);
    // For scale: the same per-cell aggregates straight from the million ratings, without the tallies.
    const fromRatings = () =>
      db.execute(sql`
        select a.candidate_id, r.skill_id, avg(r.rating)::float8 as mean, count(*)::int as n, min(r.rating) as min, max(r.rating) as max, stddev_pop(r.rating)::float8 as sd
        from applications a
        join interviews i on i.application_id = a.id
        join scorecards s on s.interview_id = i.id and s.status = 'submitted'
        join scorecard_ratings r on r.scorecard_id = s.id and r.rating is not null
        where a.organization_id = ${org} and a.opening_id = ${openingId}
        group by 1, 2`);
    // A panelist without scorecard:read_all reads the grid under the independent-scoring rule
    // (lib/scorecards/visibility.ts): interviewer 0, made a recruiter, sits on about a fortieth of
    // the panels, so the rule decides every row. One of their started interviews is left owed, so
    // the "owes a card" half of the rule has rows too.
    const [panelistRow] = (await db.execute(sql`
      update memberships set role = 'recruiter' where organization_id = ${org} and user_id = (select id from users where email = 'interviewer0@bench.test')
      returning user_id`)) as unknown as { user_id: string }[];
    const panelist: Ctx = { ...admin, userId: panelistRow!.user_id, role: 'recruiter' };
    await db.execute(sql`
      update scorecards set status = 'draft', submitted_at = null
      where id = (select s.id from scorecards s join interviews i on i.id = s.interview_id join applications a on a.id = i.application_id
                  where s.organization_id = ${org} and s.interviewer_user_id = ${panelist.userId} and a.opening_id = ${openingId} limit 1)`);
    await rebuildScoreAnalytics(db, org);

    // The calibration floor: the same three reads (interviewer tallies, rating patterns, groups
    // with their rater counts) straight through the driver, in parallel, without the permission
    // and independent-scoring checks, and the same alpha per group computed from the patterns.
    const calibrationFloor = async () => {
      const [interviewers, patterns, groups] = await Promise.all([
        db.execute(sql`select u.id, coalesce(u.name, u.email) as name, t.deviation_sum, t.deviation_n, t.deviation_squares_sum, t.n1, t.n2, t.n3, t.n4, t.scorecards, t.hours_to_submit_sum / t.scorecards as hours
                       from interviewer_tallies t join users u on u.id = t.user_id where t.organization_id = ${org} and t.scorecards > 0 order by name`),
        db.execute(sql`select grouping, group_id, n1, n2, n3, n4, units from reliability_patterns where organization_id = ${org} and units > 0`),
        db.execute(sql`select g.grouping, g.group_id, g.candidates, count(r.user_id) filter (where r.ratings > 0) as raters
                       from reliability_groups g left join reliability_raters r on r.organization_id = g.organization_id and r.grouping = g.grouping and r.group_id = g.group_id
                       where g.organization_id = ${org} and g.candidates > 0 group by 1, 2, 3`),
      ]);
      const byGroup = new Map<string, UnitPattern[]>();
      for (const p of patterns as unknown as { grouping: string; group_id: string; n1: number; n2: number; n3: number; n4: number; units: number }[]) {
        const key = `${p.grouping}:${p.group_id}`;
        byGroup.set(key, [...(byGroup.get(key) ?? []), { counts: [p.n1, p.n2, p.n3, p.n4].map(Number), units: Number(p.units) }]);
      }
      return [interviewers, groups, [...byGroup.values()].map((list) => alpha(list, [1, 2, 3, 4], 'ordinal'))];
    };
    // The reliability intervals are bootstraps (1,000 replicates per skill and kit), computed on
    // the first read after a group's rating patterns change and kept per process until the next
    // change, so a page never shows a stale interval. Cold: all groups recomputed, as after a submit
    // that touched every group.
    const patternRows = (await db.execute(sql`select grouping, group_id, n1, n2, n3, n4, units from reliability_patterns where organization_id = ${org} and units > 0`)) as unknown as { grouping: string; group_id: string; n1: number; n2: number; n3: number; n4: number; units: number }[];
    const patternsByGroup = new Map<string, UnitPattern[]>();
    for (const p of patternRows) {
      const key = `${p.grouping}:${p.group_id}`;
      patternsByGroup.set(key, [...(patternsByGroup.get(key) ?? []), { counts: [p.n1, p.n2, p.n3, p.n4].map(Number), units: Number(p.units) }]);
    }
    const intervalsStarted = performance.now();
    for (const [group, patterns] of patternsByGroup) bootstrapAlphaInterval(patterns, [1, 2, 3, 4], 'ordinal', { seed: seedFrom(group) });
    const intervalsColdMs = performance.now() - intervalsStarted;

    // The adverse-impact floor: the same counts — applications per self-identified answer, furthest
    // step reached and status, and scored applications above the composite's median per answer —
    // written as one join and group each, without the permission check, audit row or the
    // four-fifths and Fisher arithmetic.
    const questionKeys = sql.join(SELF_ID_QUESTIONS.map((q) => sql`(${q.key}::text)`), sql`, `);
    const impactFloor = () =>
      Promise.all([
        db.execute(sql`
          with levels as (select id, row_number() over (order by position, id)::int as level from opening_stages where organization_id = ${org} and opening_id = ${openingId}),
          reached as (
            select a.candidate_id, a.stage,
                   case when a.stage = 'hired' then (select count(*) + 1 from levels)::int else greatest(coalesce(max(l0.level), 0), coalesce(max(l.level), 0)) end as reached
            from applications a
            left join levels l0 on l0.id = a.current_stage_id
            left join interviews i on i.organization_id = ${org} and i.application_id = a.id and i.status <> 'cancelled'
            left join levels l on l.id = i.opening_stage_id
            where a.organization_id = ${org} and a.opening_id = ${openingId}
            group by a.id)
          select q.key, coalesce(si.answers ->> q.key, '') as answer, r.reached, r.stage, count(*)::int as n
          from reached r left join self_identifications si on si.candidate_id = r.candidate_id cross join (values ${questionKeys}) q(key)
          group by 1, 2, 3, 4`),
        db.execute(sql`
          with composites as (
            select t.application_id, sum(((t.n1 + 2 * t.n2 + 3 * t.n3 + 4 * t.n4)::float8 / (t.n1 + t.n2 + t.n3 + t.n4)) * w.weight) / sum(w.weight) as composite
            from application_skill_tallies t join opening_skill_weights w on w.opening_id = t.opening_id and w.skill_id = t.skill_id
            where t.organization_id = ${org} and t.opening_id = ${openingId} and t.n1 + t.n2 + t.n3 + t.n4 > 0 group by 1),
          med as (select percentile_cont(0.5) within group (order by composite) as median from composites)
          select q.key, coalesce(si.answers ->> q.key, '') as answer, count(*)::int as scored, count(*) filter (where c.composite > med.median)::int as above
          from composites c cross join med join applications a on a.id = c.application_id
          left join self_identifications si on si.candidate_id = a.candidate_id cross join (values ${questionKeys}) q(key)
          group by 1, 2`),
      ]);

    // The validity floor: per opening, kit, skill, skill against the same skill's outcome, question
    // and interviewer, the hires' (score, outcome) pairs and PostgreSQL's own corr() and count over
    // them, in one statement straight from the tallies and ratings; no permission check, labels,
    // intervals or suggested weights. Counted cards only, as everywhere (no shadows in the bench).
    const validityFloor = () =>
      db.execute(sql`
        with h as (
          select o.id as outcome_id, a.id as application_id, a.opening_id, o.overall_rating::float8 as y
          from post_hire_outcomes o join applications a on a.id = o.application_id
          where o.organization_id = ${org} and o.checkpoint = '90_days' and a.stage = 'hired' and a.opening_id = ${openingId}),
        skill_x as (
          select h.*, t.skill_id, (t.n1 + 2 * t.n2 + 3 * t.n3 + 4 * t.n4)::float8 / (t.n1 + t.n2 + t.n3 + t.n4) as x
          from h join application_skill_tallies t on t.application_id = h.application_id where t.n1 + t.n2 + t.n3 + t.n4 > 0),
        cards as (
          select h.application_id, h.y, s.id, s.interviewer_user_id, kv.kit_id
          from h join interviews i on i.application_id = h.application_id join kit_versions kv on kv.id = i.kit_version_id
          join scorecards s on s.interview_id = i.id and s.status = 'submitted'),
        ratings as (select c.*, r.rating::float8 as v from cards c join scorecard_ratings r on r.scorecard_id = c.id and r.rating is not null),
        pairs as (
          select 'opening' as d, x.opening_id as g, sum(x.x * w.weight) / sum(w.weight) as x, x.y
          from skill_x x join opening_skill_weights w on w.opening_id = x.opening_id and w.skill_id = x.skill_id group by x.opening_id, x.application_id, x.y
          union all select 'kit', kit_id, avg(v), y from ratings group by kit_id, application_id, y
          union all select 'skill', skill_id, x, y from skill_x
          union all select 'skill_outcome', x.skill_id, x.x, r.rating from skill_x x join post_hire_outcome_skill_ratings r on r.outcome_id = x.outcome_id and r.skill_id = x.skill_id
          union all select 'question', ki.question_version_id, avg(n.rating)::float8, c.y
            from cards c join scorecard_notes n on n.scorecard_id = c.id and n.rating is not null join kit_items ki on ki.id = n.kit_item_id group by 2, c.application_id, c.y
          union all select 'interviewer', interviewer_user_id, avg(v), y from ratings group by interviewer_user_id, application_id, y)
        select d, g, count(*) as n, corr(x, y) as r from pairs group by d, g`);

    const grid = await getOpeningGrid(admin, openingId);
    const five = grid.candidates.slice(0, 5).map((c) => c.candidateId);
    // Warm-up so every measurement sees a warm cache and prepared plans.
    for (let i = 0; i < 3; i++) await Promise.all([sqlFloor(), getOpeningGrid(admin, openingId)]);
    await getCalibration(admin);

    await getAdverseImpactReport(admin, { openingId });

    const [dashboard, floor] = await interleaved(() => getOpeningGrid(admin, openingId), sqlFloor);
    const asPanelist = await timeMany(RUNS, () => getOpeningGrid(panelist, openingId));
    const panelistGrid = await getOpeningGrid(panelist, openingId);
    const compare = await timeMany(RUNS, () => compareCandidates(admin, { openingId, candidateIds: five }));
    const [calibration, calibrationFloorMs] = await interleaved(() => getCalibration(admin), calibrationFloor);
    const [impact, impactFloorMs] = await interleaved(() => getAdverseImpactReport(admin, { openingId }), impactFloor);
    const validity = await getValidityReport(admin, { openingId, checkpoint: '90_days' });
    const [validityMs, validityFloorMs] = await interleaved(() => getValidityReport(admin, { openingId, checkpoint: '90_days' }), validityFloor);
    const questions = await timeMany(RUNS, (i) => getQuestionAnalytics(admin, i % 2 ? { openingId } : {}));
    const raw = await timeMany(5, fromRatings);

    const result = {
      bench: 'dashboard',
      ratings,
      dashboard_p50_ms: percentile(dashboard, 50),
      dashboard_p95_ms: percentile(dashboard, 95),
      sql_floor_p50_ms: percentile(floor, 50),
      sql_floor_p95_ms: percentile(floor, 95),
      ratio: ratio(dashboard, floor),
      dashboard_panelist_p50_ms: percentile(asPanelist, 50),
      dashboard_panelist_p95_ms: percentile(asPanelist, 95),
      compare_p50_ms: percentile(compare, 50),
      compare_p95_ms: percentile(compare, 95),
      calibration_p50_ms: percentile(calibration, 50),
      calibration_p95_ms: percentile(calibration, 95),
      calibration_floor_p95_ms: percentile(calibrationFloorMs, 95),
      calibration_ratio: ratio(calibration, calibrationFloorMs),
      intervals_cold_ms: Number(intervalsColdMs.toFixed(1)),
      interval_groups: patternsByGroup.size,
      impact_p50_ms: percentile(impact, 50),
      impact_p95_ms: percentile(impact, 95),
      impact_floor_p95_ms: percentile(impactFloorMs, 95),
      impact_ratio: ratio(impact, impactFloorMs),
      validity_hires: validity.hiresWithOutcome,
      validity_p50_ms: percentile(validityMs, 50),
      validity_p95_ms: percentile(validityMs, 95),
      validity_floor_p95_ms: percentile(validityFloorMs, 95),
      validity_ratio: ratio(validityMs, validityFloorMs),
      questions_p95_ms: percentile(questions, 95),
    };
    console.log(`opening dashboard (${grid.candidates.length} candidates × ${grid.skills.length} skills) p50 ${result.dashboard_p50_ms} ms, p95 ${result.dashboard_p95_ms} ms`);
    console.log(`hand-written SQL floor                        p50 ${result.sql_floor_p50_ms} ms, p95 ${result.sql_floor_p95_ms} ms (ratio ${result.ratio})`);
    console.log(`(the same cells aggregated from the raw ratings: p50 ${percentile(raw, 50)} ms)`);
    console.log(`as a panelist (${panelistGrid.candidates.length} visible, ${panelistGrid.hiddenCandidates} hidden)   p50 ${result.dashboard_panelist_p50_ms} ms, p95 ${result.dashboard_panelist_p95_ms} ms`);
    console.log(`compare 5 candidates                          p50 ${result.compare_p50_ms} ms, p95 ${result.compare_p95_ms} ms`);
    console.log(`calibration (whole organization)              p50 ${result.calibration_p50_ms} ms, p95 ${result.calibration_p95_ms} ms (floor p95 ${result.calibration_floor_p95_ms} ms, ratio ${result.calibration_ratio})`);
    console.log(`reliability intervals, all ${result.interval_groups} groups cold     ${result.intervals_cold_ms} ms (then cached until a group's ratings change)`);
    console.log(`adverse impact (main opening)                 p50 ${result.impact_p50_ms} ms, p95 ${result.impact_p95_ms} ms (floor p95 ${result.impact_floor_p95_ms} ms, ratio ${result.impact_ratio})`);
    console.log(`predictive validity (${result.validity_hires} hires, 90 days)     p50 ${result.validity_p50_ms} ms, p95 ${result.validity_p95_ms} ms (floor p95 ${result.validity_floor_p95_ms} ms, ratio ${result.validity_ratio})`);
    console.log(`question analytics (all openings / one)       p50 ${percentile(questions, 50)} ms, p95 ${result.questions_p95_ms} ms`);
    console.log(JSON.stringify(result));
  } finally {
    await connection.close();
  }
}
