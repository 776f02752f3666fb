// `npm run bench -- candidates`: one organization with 10,000 candidates on the PostgreSQL server,
// applied across four openings at every status and interview stage. p95 of the app's list
// (listCandidates: a search term and filters, one page with its applications and the total)
// against a hand-written SQL query returning the same page through postgres.js, in the same run.
// Target: ratio ≤ 1.5.
import { isNull, sql as drizzleSql } from 'drizzle-orm';
import postgres from 'postgres';
import { kits } from '@/db/schema';
import { listCandidates } from '@/lib/candidates/queries';
import { createKit, publishKit } from '@/lib/kits/mutations';
import { createOpening } from '@/lib/openings/mutations';
import { getOpening } from '@/lib/openings/queries';
import { benchOrganization, percentile, timeMany } from './support';

const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 10_000);
const ITERATIONS = 300;
const PAGE = 25;

const FIRST = ['Anna', 'Ben', 'Chloé', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam', 'María', 'Noah', 'Olga', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zoë', 'Amara', 'Bruno', 'Carmen', 'Dmitri', 'Emma', 'Felix', 'Gita', 'Hugo', 'Ida', 'Jamal', 'Katrin', 'Lucas', 'Mei', 'Nils'];
const LAST = ['Andersen', 'Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Larsen', 'Müller', 'Nakamura', 'Okafor', 'Petrova', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka', 'Umar', 'Vogel', 'Weber', 'Xu', 'Yilmaz', 'Zimmermann', 'Moreau', 'Novak', 'Singh', 'Okonkwo', 'Johansson', 'Kim', 'Lopez', 'Meyer', 'Nguyen', 'Ortiz', 'Park', 'Reyes', 'Silva', 'Tran'];
const DOMAINS = ['gmail.example', 'proton.example', 'outlook.example', 'fastmail.example', 'corp.example'];

/** Openings and their loops through the domain functions; candidates and applications set-based. */
async function seed(url: string, admin: Parameters<typeof createOpening>[0], organizationId: string) {
  const [template] = await admin.db.select().from(kits).where(isNull(kits.organizationId)).limit(1);
  const { kitId } = await createKit(admin, { name: 'Bench kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 60, sourceKitId: template!.id });
  await publishKit(admin, { kitId, revision: 0 });
  const openingIds: string[] = [];
  for (const title of ['Backend Engineer', 'Platform Engineer', 'Data Engineer', 'Site Reliability Engineer']) {
    const { openingId } = await createOpening(admin, { title, level: 'mid', stages: ['Screen', 'Technical', 'System design'].map((name) => ({ name, kitId, durationMinutes: 60 })) });
    openingIds.push(openingId);
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`
      insert into candidates (organization_id, name, email, source, created_at)
      select ${organizationId}::uuid, n.first || ' ' || n.last, lower(n.first || '.' || n.last) || '.' || n.i || '@' || n.domain, 'Bench', now() - make_interval(mins => n.i)
      from (
        -- Names and domains hashed from the row number, so they do not line up with the openings below.
        select i, (${FIRST}::text[])[1 + abs(hashtext(i || 'first')) % ${FIRST.length}] as first,
                  (${LAST}::text[])[1 + abs(hashtext(i || 'last')) % ${LAST.length}] as last,
                  (${DOMAINS}::text[])[1 + abs(hashtext(i || 'domain')) % ${DOMAINS.length}] as domain
        from generate_series(1, ${CANDIDATES}) as i
      ) n`;
    // Nine in ten apply to one opening, one in six to a second; status and loop stage spread.
    await sql`
      with c as (select id, row_number() over (order by created_at) as i from candidates where organization_id = ${organizationId}),
      apps as (
        select c.id as candidate_id, (${openingIds}::uuid[])[1 + c.i % 4] as opening_id, c.i from c where c.i % 10 <> 0
        union all
        select c.id, (${openingIds}::uuid[])[1 + (c.i + 1) % 4], c.i + 7 from c where c.i % 6 = 0
      )
      insert into applications (organization_id, candidate_id, opening_id, stage, current_stage_id, closed_at)
      select ${organizationId}::uuid, apps.candidate_id, apps.opening_id,
        (array['active','active','active','active','rejected','rejected','hired','withdrawn'])[1 + apps.i % 8]::application_stage,
        (select s.id from opening_stages s where s.opening_id = apps.opening_id order by s.position offset (apps.i / 8) % 4 limit 1),
        case when apps.i % 8 >= 4 then now() end
      from apps`;
  } finally {
    await sql.end();
  }
  return openingIds;
}

/** The same page, hand-written: matches, the page in keyset order, its applications as JSON, and the total, in one statement. */
function floorQuery(sql: postgres.Sql, organizationId: string, f: { pattern: string | null; openingId: string; stage: string; loopStageId: string | null }) {
  return sql`
    with matched as (
      select c.id, c.name, c.email, c.erased_at, c.created_at
      from candidates c
      where c.organization_id = ${organizationId}
        and (${f.pattern}::text is null or lower(c.name || ' ' || c.email) like ${f.pattern})
        and exists (select 1 from applications a where a.candidate_id = c.id and a.organization_id = ${organizationId}
                    and a.opening_id = ${f.openingId} and a.stage = ${f.stage}::application_stage
                    and (${f.loopStageId}::uuid is null or a.current_stage_id = ${f.loopStageId}))
    ),
    page as (select * from matched order by created_at desc, id desc limit ${PAGE + 1})
    select p.id, p.name, p.email, p.erased_at is not null as erased, p.created_at,
      (select count(*) from matched) as total,
      (select json_agg(json_build_object('id', a.id, 'openingId', a.opening_id, 'openingTitle', o.title, 'stage', a.stage, 'loopStage', s.name) order by a.created_at)
         from applications a join openings o on o.id = a.opening_id left join opening_stages s on s.id = a.current_stage_id
        where a.candidate_id = p.id and a.organization_id = ${organizationId}) as applications
    from page p
    order by p.created_at desc, p.id desc`;
}

export async function runCandidatesBench(): Promise<void> {
  const { url, connection, db, organizationId, admin: ctx } = await benchOrganization('Bench Candidates Org');
  // The floor speaks to the server as the app's driver does (Drizzle sends unnamed statements, so
  // PostgreSQL parses and plans each one): the ratio then measures the app's own overhead. The
  // same SQL as a prepared statement is printed beside it, to show what planning costs.
  const floorSql = postgres(url, { max: 4, prepare: false, onnotice: () => {}, connection: { application_name: 'loopkit-bench-floor', jit: 'off' } });
  const preparedSql = postgres(url, { max: 4, onnotice: () => {}, connection: { application_name: 'loopkit-bench-prepared', jit: 'off' } });
  try {
    let started = performance.now();
    const openingIds = await seed(url, ctx, organizationId);
    await db.execute(drizzleSql`analyze`);
    console.log(`candidates bench: seeded ${CANDIDATES.toLocaleString('en')} candidates in ${openingIds.length} openings in ${Math.round(performance.now() - started)} ms on PostgreSQL`);
    const stagesOf = await Promise.all(openingIds.map(async (id) => (await getOpening(ctx, id)).stages.map((s) => s.id)));
    // A third each: a name fragment, an e-mail fragment, and no search (an interview-stage filter instead);
    // every one filtered to one opening and one status, as a recruiter working a pipeline does.
    const fragments = [...FIRST.map((n) => n.slice(1, 4).toLowerCase()), ...LAST.map((n) => n.slice(0, 5).toLowerCase())];
    const queries = Array.from({ length: ITERATIONS }, (_, i) => {
      const o = i % openingIds.length;
      const q = i % 3 === 0 ? fragments[i % fragments.length]! : i % 3 === 1 ? `${DOMAINS[i % DOMAINS.length]!.slice(0, 6)}` : null;
      const loopStageId = q === null ? stagesOf[o]![i % 3]! : null;
      return { q, openingId: openingIds[o]!, stage: i % 5 === 0 ? 'rejected' : 'active', loopStageId };
    });
    const appInput = (x: (typeof queries)[number]) => ({ q: x.q ?? undefined, openingId: x.openingId, stage: x.stage, loopStageId: x.loopStageId ?? undefined, limit: PAGE });
    const floorInput = (x: (typeof queries)[number]) => ({ pattern: x.q ? `%${x.q}%` : null, openingId: x.openingId, stage: x.stage, loopStageId: x.loopStageId });

    // Both paths give the same page.
    for (const x of queries.slice(0, 12)) {
      const app = await listCandidates(ctx, appInput(x));
      const floor = await floorQuery(floorSql, organizationId, floorInput(x));
      const floorIds = floor.slice(0, PAGE).map((r) => r.id as string);
      if (JSON.stringify(app.rows.map((r) => r.id)) !== JSON.stringify(floorIds) || app.total !== Number(floor[0]?.total ?? 0)) {
        throw new Error(`The app's page and the SQL floor's differ for ${JSON.stringify(x)}`);
      }
    }
    const totals = await Promise.all(queries.slice(0, 30).map(async (x) => (await listCandidates(ctx, appInput(x))).total));
    totals.sort((a, b) => a - b);
    console.log(`matches per query: median ${percentile(totals, 50)}, max ${totals.at(-1)} (e.g. "${queries[0]!.q}" in one opening, active)`);

    // Warm all three, then interleave them query by query so that they see the same machine conditions.
    for (const x of queries.slice(0, 30)) {
      await listCandidates(ctx, appInput(x));
      await floorQuery(floorSql, organizationId, floorInput(x));
      await floorQuery(preparedSql, organizationId, floorInput(x));
    }
    started = performance.now();
    const app: number[] = [];
    const floor: number[] = [];
    const prepared: number[] = [];
    for (const x of queries) {
      app.push(...(await timeMany(1, () => listCandidates(ctx, appInput(x)))));
      floor.push(...(await timeMany(1, () => floorQuery(floorSql, organizationId, floorInput(x)))));
      prepared.push(...(await timeMany(1, () => floorQuery(preparedSql, organizationId, floorInput(x)))));
    }
    for (const series of [app, floor, prepared]) series.sort((a, b) => a - b);
    const deep = await (async () => {
      let cursor: string | undefined;
      for (let p = 0; p < 10; p++) cursor = (await listCandidates(ctx, { limit: PAGE, cursor })).nextCursor ?? undefined;
      return timeMany(50, () => listCandidates(ctx, { limit: PAGE, cursor }));
    })();
    const result = {
      bench: 'candidates',
      candidates: CANDIDATES,
      list_p95_ms: percentile(app, 95),
      sql_floor_p95_ms: percentile(floor, 95),
      ratio: Number((percentile(app, 95) / percentile(floor, 95)).toFixed(2)),
    };
    console.log(`list (search + filters, page of ${PAGE} with applications and total) p50 ${percentile(app, 50)} ms, p95 ${result.list_p95_ms} ms`);
    console.log(`hand-written SQL for the same page p50 ${percentile(floor, 50)} ms, p95 ${result.sql_floor_p95_ms} ms; ratio ${result.ratio} (target ≤ 1.5)`);
    console.log(`the same SQL as a prepared statement (planned once) p50 ${percentile(prepared, 50)} ms, p95 ${percentile(prepared, 95)} ms`);
    console.log(`unfiltered page 11 (keyset) p95 ${percentile(deep, 95)} ms; measured in ${Math.round(performance.now() - started)} ms`);
    console.log(JSON.stringify(result));
  } finally {
    await floorSql.end();
    await preparedSql.end();
    await connection.close();
  }
}
