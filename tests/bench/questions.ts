// `npm run bench -- questions`: one organization with 100,000 questions on the PostgreSQL server;
// p50/p95 of the bank search (text + filters, with its filter counts) against a hand-written SQL
// statement doing the same search through postgres.js in the same run (search_ratio, target ≤ 1.5),
// and p50/p95 of the coverage computation for a 12-question kit (target p95 ≤ 10 ms).
import postgres from 'postgres';
import { sql as drizzleSql } from 'drizzle-orm';
import { refreshQuestionSearch } from '@/db/search';
import { createKit, saveKitDraft } from '@/lib/kits/mutations';
import { getKit } from '@/lib/kits/queries';
import { type FacetCounts, searchQuestions } from '@/lib/questions/queries';
import { benchOrganization, percentile, timeMany } from './support';

const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 100_000);
const ITERATIONS = 300;
const PAGE_SIZE = 25;

// A synthetic bank built from a backend vocabulary of a realistic size, so that one search word
// matches 1–3% of the bank (1,000–3,000 of 100,000 questions), as common terms do in a real one.
const VERBS = ['design', 'cache', 'index', 'shard', 'retry', 'secure', 'profile', 'migrate', 'deploy', 'monitor', 'paginate', 'validate', 'encrypt', 'throttle', 'replicate', 'debug', 'refactor', 'partition', 'queue', 'stream', 'version', 'document', 'test', 'benchmark', 'rollback', 'audit', 'scale', 'batch', 'schedule', 'serialize', 'compress', 'authenticate', 'authorize', 'rotate', 'observe', 'trace', 'isolate', 'harden', 'normalize', 'denormalize'];
const NOUNS = ['endpoint', 'schema', 'session', 'webhook', 'pipeline', 'cluster', 'ledger', 'checkout', 'inventory', 'gateway', 'scheduler', 'search', 'upload', 'report', 'notification', 'token', 'tenant', 'invoice', 'catalog', 'feed', 'export', 'login', 'payment', 'worker', 'cart', 'order', 'shipment', 'refund', 'subscription', 'profile', 'comment', 'message', 'timeline', 'dashboard', 'importer', 'crawler', 'ranking', 'recommendation', 'booking', 'calendar', 'wallet', 'coupon', 'review', 'address', 'permission', 'role', 'quota', 'counter', 'leaderboard', 'thumbnail'];
const CONTEXTS = ['kubernetes', 'postgres', 'redis', 'kafka', 'lambda', 'django', 'spring', 'express', 'laravel', 'graphql', 'grpc', 'mongodb', 'terraform', 'docker', 'nginx', 'rabbitmq', 'elasticsearch', 'cassandra', 'oauth', 'websocket', 'mysql', 'dynamodb', 'cloudflare', 'fastapi', 'flask', 'rails', 'golang', 'rust', 'kotlin', 'nodejs', 'typescript', 'jenkins', 'gitlab', 'prometheus', 'grafana', 'sqlite', 'clickhouse', 'snowflake', 'airflow', 'celery', 'sidekiq', 'memcached', 'envoy', 'istio', 'vault', 'consul', 'nomad', 'ansible', 'pulumi', 'helm'];
const SCALES = ['peak', 'steady', 'bursty', 'global', 'regional', 'nightly', 'seasonal', 'sustained', 'spiky', 'unpredictable'];

/** Bulk insert with set-based SQL: ~100k questions in a few seconds. */
async function seedQuestions(url: string, organizationId: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const skillIds = (await sql<{ id: string }[]>`select id from skills where organization_id is null order by slug`).map((r) => r.id);
    await sql`
      insert into questions (organization_id, status, latest_version)
      select ${organizationId}::uuid, case when i % 25 = 0 then 'archived'::question_status else 'active'::question_status end, 1
      from generate_series(1, ${QUESTIONS}) as i`;
    await sql`
      with q as (select id, row_number() over (order by id) as i from questions where organization_id = ${organizationId}),
      w as (
        select q.id, q.i,
          (${VERBS}::text[])[1 + abs(hashtext(q.i::text || 'v')) % ${VERBS.length}] as verb,
          (${NOUNS}::text[])[1 + abs(hashtext(q.i::text || 'n')) % ${NOUNS.length}] as noun,
          (${CONTEXTS}::text[])[1 + abs(hashtext(q.i::text || 'c')) % ${CONTEXTS.length}] as context,
          (${SCALES}::text[])[1 + abs(hashtext(q.i::text || 's')) % ${SCALES.length}] as scale
        from q
      )
      insert into question_versions (organization_id, question_id, version, title, prompt, kind, level, expected_minutes, primary_skill_id,
                                     listen_for, red_flags, follow_ups, rubric_1, rubric_2, rubric_3, rubric_4, search_text)
      select ${organizationId}::uuid, w.id, 1,
        initcap(w.verb) || ' the ' || w.noun || ' on ' || w.context || ' (' || w.i || ')',
        'How would you ' || w.verb || ' the ' || w.noun || ' service running on ' || w.context || ' under ' || w.scale || ' traffic? Walk through the trade-offs.',
        (array['technical','system_design','coding','behavioural','situational'])[1 + w.i % 5]::question_kind,
        (array['junior','mid','senior','staff'])[1 + (w.i / 5) % 4]::seniority_level,
        5 + (w.i % 8) * 5,
        (${skillIds}::uuid[])[1 + w.i % ${skillIds.length}],
        array['Explains how to ' || w.verb || ' safely', 'Quantifies the ' || w.scale || ' load'],
        array['Ignores failure of the ' || w.noun],
        array['What changes on ' || w.context || '?'],
        'Cannot describe how to ' || w.verb || ' the ' || w.noun || '.',
        'Describes the idea but not the ' || w.context || ' specifics.',
        'Solid plan to ' || w.verb || ' the ' || w.noun || ' with trade-offs.',
        'Also covers failure modes, rollout and measurement under ' || w.scale || ' load.',
        ''
      from w`;
    await sql`
      update question_versions set search_text = concat_ws(' ', title, prompt, array_to_string(listen_for, ' '), array_to_string(red_flags, ' '), array_to_string(follow_ups, ' '))
      where organization_id = ${organizationId}`;
    await sql`
      insert into question_version_skills (organization_id, question_version_id, skill_id, is_primary)
      select ${organizationId}::uuid, v.id, v.primary_skill_id, true from question_versions v where v.organization_id = ${organizationId}
      union all
      select ${organizationId}::uuid, v.id, (${skillIds}::uuid[])[1 + (abs(hashtext(v.id::text)) % ${skillIds.length})], false
      from question_versions v where v.organization_id = ${organizationId}
      on conflict do nothing`;
    await sql`update questions q set current_version_id = v.id from question_versions v where v.question_id = q.id and q.organization_id = ${organizationId}`;
  } finally {
    await sql.end();
  }
}

type FloorFilters = { levels: string[] | null; kinds: string[] | null; categories: string[] | null; skills: string[] | null; status: string | null; origin: string | null };

/** The words the app searches for: lower case, [a-z0-9] runs of two or more, distinct, at most eight. */
function searchTerms(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length >= 2))].slice(0, 8);
}

/**
 * The app's search, hand-written as one statement: the same tsquery with its trigram alternatives
 * for misspelt words, the same match set (own and built-in questions, copied built-ins left out),
 * the same ranking and order, one page with its skill name and prompt, and every facet counted
 * with all filters but its own. The five single-valued facets and the total come from one
 * grouping-sets pass with a filtered count per facet; skills, being an array, need their own.
 * A null filter is off (a custom plan folds it away, as the app leaves the condition out).
 */
function floorSearch(sql: postgres.Sql, organizationId: string, terms: string[], f: FloorFilters, pageSize: number) {
  return sql<{ rows: { id: string; rank: number }[] | null; facets: [string, string, number][] | null }[]>`
    with tsq as (
      select to_tsquery('english', coalesce(string_agg(g.alternatives, ' & ' order by g.position), '')) as q
      from (
        select t.position, '(' || t.term || ':*' || coalesce((
          select string_agg(' | ' || w.word, '' order by similarity(w.word, t.term) desc)
          from (
            select distinct word from question_search_words
            where length(t.term) >= 4 and t.term ~ '^[a-z]+$' and (organization_id = ${organizationId} or organization_id is null)
              and word % t.term and word <> t.term
            order by word limit 6
          ) w
        ), '') || ')' as alternatives
        from unnest(${terms}::text[]) with ordinality as t(term, position)
        where to_tsvector('english', t.term) <> ''::tsvector
      ) g
    ),
    m as materialized (
      select qs.question_id as id, qs.organization_id, qs.status, qs.version_id, qs.title, qs.kind, qs.level, qs.expected_minutes,
             qs.primary_skill_id, qs.category_id, qs.skill_ids, qs.search_vector,
             case when qs.organization_id is null then 'builtin' else 'ours' end as origin,
             (${f.categories}::uuid[] is null or qs.category_id = any(${f.categories}::uuid[])) as category_ok,
             (${f.skills}::uuid[] is null or qs.skill_ids && ${f.skills}::uuid[]) as skill_ok,
             (${f.levels}::text[] is null or qs.level::text = any(${f.levels}::text[])) as level_ok,
             (${f.kinds}::text[] is null or qs.kind::text = any(${f.kinds}::text[])) as kind_ok,
             (${f.status}::text is null or qs.status::text = ${f.status}::text) as status_ok,
             (${f.origin}::text is null or (qs.organization_id is null) = (${f.origin}::text = 'builtin')) as origin_ok
      from question_search qs
      where (qs.organization_id = ${organizationId}
             or (qs.organization_id is null and not exists (
               select 1 from questions copy where copy.organization_id = ${organizationId} and copy.copied_from_question_id = qs.question_id)))
        and qs.search_vector @@ (select q from tsq)
    ),
    page as (
      select m.*, ts_rank_cd(m.search_vector, (select q from tsq)) as rank
      from m
      where m.category_ok and m.skill_ok and m.level_ok and m.kind_ok and m.status_ok and m.origin_ok
      order by rank desc, m.title asc, m.id asc
      limit ${pageSize}
    ),
    counts as (
      select case when grouping(m.category_id) = 0 then 'category' when grouping(m.level) = 0 then 'level' when grouping(m.kind) = 0 then 'kind'
                  when grouping(m.status) = 0 then 'status' when grouping(m.origin) = 0 then 'origin' else 'total' end as facet,
             case when grouping(m.category_id) = 0 then m.category_id::text when grouping(m.level) = 0 then m.level::text
                  when grouping(m.kind) = 0 then m.kind::text when grouping(m.status) = 0 then m.status::text
                  when grouping(m.origin) = 0 then m.origin end as value,
             case when grouping(m.category_id) = 0 then count(*) filter (where m.skill_ok and m.level_ok and m.kind_ok and m.status_ok and m.origin_ok)
                  when grouping(m.level) = 0 then count(*) filter (where m.category_ok and m.skill_ok and m.kind_ok and m.status_ok and m.origin_ok)
                  when grouping(m.kind) = 0 then count(*) filter (where m.category_ok and m.skill_ok and m.level_ok and m.status_ok and m.origin_ok)
                  when grouping(m.status) = 0 then count(*) filter (where m.category_ok and m.skill_ok and m.level_ok and m.kind_ok and m.origin_ok)
                  when grouping(m.origin) = 0 then count(*) filter (where m.category_ok and m.skill_ok and m.level_ok and m.kind_ok and m.status_ok)
                  else count(*) filter (where m.category_ok and m.skill_ok and m.level_ok and m.kind_ok and m.status_ok and m.origin_ok) end::int as n
      from m
      group by grouping sets ((m.category_id), (m.level), (m.kind), (m.status), (m.origin), ())
    ),
    skill_counts as (
      select skill_id::text as value, count(*)::int as n
      from m, unnest(m.skill_ids) as skill_id
      where m.category_ok and m.level_ok and m.kind_ok and m.status_ok and m.origin_ok
      group by 1
    )
    select
      (select json_agg(json_build_object('id', p.id, 'versionId', p.version_id, 'title', p.title, 'kind', p.kind, 'level', p.level,
                         'minutes', p.expected_minutes, 'status', p.status, 'builtin', p.organization_id is null,
                         'primarySkillId', p.primary_skill_id, 'primarySkill', s.name, 'snippet', left(v.prompt, 400),
                         'skillIds', p.skill_ids, 'rank', p.rank)
                       order by p.rank desc, p.title asc, p.id asc)
         from page p join question_versions v on v.id = p.version_id join skills s on s.id = p.primary_skill_id) as rows,
      (select json_agg(json_build_array(c.facet, c.value, c.n))
         from (select facet, value, n from counts where n > 0 or facet = 'total' union all select 'skill', value, n from skill_counts) c) as facets`;
}

/** The floor's answer in the app's shape: the page's ids, the total and the facet counts. */
function floorAnswer(result: Awaited<ReturnType<typeof floorSearch>>) {
  const { rows, facets: facetRows } = result[0] ?? { rows: null, facets: null };
  const facets: FacetCounts = { category: {}, skill: {}, level: {}, kind: {}, status: {}, origin: {} };
  let total = 0;
  for (const [facet, value, n] of facetRows ?? []) {
    if (facet === 'total') total = n;
    else facets[facet as keyof FacetCounts][value] = n;
  }
  const ids = (rows ?? []).map((r) => r.id);
  // The app reports 0 for an empty page.
  return { ids, total: ids.length ? total : 0, facets };
}

/** Facet counts as a string that does not depend on the order their keys arrived in. */
function canonicalFacets(facets: FacetCounts): string {
  return JSON.stringify(
    Object.entries(facets)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, counts]) => [name, Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))]),
  );
}

export async function runQuestionsBench(): Promise<void> {
  const { url, connection, db, organizationId, admin: ctx } = await benchOrganization('Bench Org');
  // The floor speaks to the server as the app's driver does (Drizzle sends unnamed statements, so
  // PostgreSQL parses and plans each one), with the app's session settings (JIT off): the ratio
  // then measures the app's own overhead. The same SQL as a prepared statement is printed beside
  // it, for information.
  const floorSql = postgres(url, { max: 4, prepare: false, onnotice: () => {}, connection: { application_name: 'loopkit-bench-floor', jit: 'off' } });
  const preparedSql = postgres(url, { max: 4, onnotice: () => {}, connection: { application_name: 'loopkit-bench-prepared', jit: 'off' } });
  try {
    let started = performance.now();
    await seedQuestions(url, organizationId);
    // The same projection refresh every write runs, here for the whole organization at once.
    await refreshQuestionSearch(db, drizzleSql`q.organization_id = ${organizationId}`);
    await db.execute(drizzleSql`analyze`);
    console.log(`questions bench: seeded ${QUESTIONS.toLocaleString('en')} questions in ${Math.round(performance.now() - started)} ms on PostgreSQL`);

    const levels = ['junior', 'mid', 'senior', 'staff'];
    const kinds = ['technical', 'system_design', 'coding', 'behavioural', 'situational'];
    const typo = (word: string) => word.slice(0, -2) + word.slice(-1); // drop the second-to-last letter
    // A quarter each: one word, two words, a misspelt word, one word plus a kind filter; all with a level filter.
    const queries = Array.from({ length: ITERATIONS }, (_, i) => {
      const words = [VERBS[(i * 7) % VERBS.length]!, NOUNS[(i * 11) % NOUNS.length]!, CONTEXTS[(i * 13) % CONTEXTS.length]!];
      const q = [words[2]!, `${words[0]} ${words[1]}`, typo(words[2]!), words[1]!][i % 4]!;
      return { q, level: [levels[i % 4]!], kind: i % 4 === 3 ? [kinds[i % 5]!] : [] };
    });
    const floorFilters = (query: (typeof queries)[number]): FloorFilters => ({
      levels: query.level.length ? query.level : null,
      kinds: query.kind.length ? query.kind : null,
      categories: null,
      skills: null,
      status: 'active', // the app's default
      origin: null,
    });
    const runFloor = (client: postgres.Sql, i: number) => floorSearch(client, organizationId, searchTerms(queries[i]!.q), floorFilters(queries[i]!), PAGE_SIZE);

    // The comparison is only honest if both do the same work: for every query of the mix, the floor
    // must give the app's page (same ids, same order), total and facet counts.
    for (let i = 0; i < ITERATIONS; i++) {
      const app = await searchQuestions(ctx, queries[i]!);
      const floor = floorAnswer(await runFloor(floorSql, i));
      const appIds = app.rows.map((r) => r.id);
      if (app.pageSize !== PAGE_SIZE || JSON.stringify(appIds) !== JSON.stringify(floor.ids) || app.total !== floor.total || canonicalFacets(app.facets) !== canonicalFacets(floor.facets)) {
        throw new Error(`The app's search and the SQL floor's differ for ${JSON.stringify(queries[i])}: ` +
          `app ${app.total} matches ${JSON.stringify(appIds.slice(0, 3))}… ${canonicalFacets(app.facets)}; ` +
          `floor ${floor.total} matches ${JSON.stringify(floor.ids.slice(0, 3))}… ${canonicalFacets(floor.facets)}`);
      }
    }
    console.log(`the SQL floor gives the app's page, total and facet counts for all ${ITERATIONS} queries`);

    // Warm all three the way a running server would be, then interleave them query by query so
    // that machine noise hits each alike.
    for (let i = 0; i < 20; i++) {
      await searchQuestions(ctx, queries[i]!);
      await runFloor(floorSql, i);
      await runFloor(preparedSql, i);
    }
    started = performance.now();
    const search: number[] = [];
    const floor: number[] = [];
    const prepared: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      search.push(...(await timeMany(1, () => searchQuestions(ctx, queries[i]!))));
      floor.push(...(await timeMany(1, () => runFloor(floorSql, i))));
      prepared.push(...(await timeMany(1, () => runFloor(preparedSql, i))));
    }
    for (const series of [search, floor, prepared]) series.sort((a, b) => a - b);
    console.log(`search, floor and prepared floor timed ${ITERATIONS} times each, interleaved, in ${Math.round(performance.now() - started)} ms`);
    const matches: number[] = [];
    for (const query of queries.slice(0, 40)) matches.push((await searchQuestions(ctx, { q: query.q })).total);
    matches.sort((a, b) => a - b);
    console.log(`search text alone matches: median ${percentile(matches, 50)}, max ${matches.at(-1)} questions (e.g. "${queries[2]!.q}" finds ${(await searchQuestions(ctx, { q: queries[2]!.q })).total})`);

    // A 12-question kit weighted on 6 skills.
    const picked = (await searchQuestions(ctx, { q: 'kubernetes', pageSize: 12 })).rows;
    const { kitId } = await createKit(ctx, { name: 'Bench kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 120 });
    const draft = await getKit(ctx, kitId);
    await saveKitDraft(ctx, {
      kitId,
      revision: draft.current.revision,
      name: 'Bench kit',
      roleTitle: 'Backend Engineer',
      level: 'mid',
      targetMinutes: 120,
      description: '',
      weights: [...new Set(picked.map((r) => r.primarySkillId))].slice(0, 6).map((skillId, i) => ({ skillId, weight: 10 + i * 5 })),
      sections: [{ title: 'All', items: picked.map((r) => ({ questionVersionId: r.versionId, minutes: r.minutes })) }],
    });
    for (let i = 0; i < 20; i++) await getKit(ctx, kitId);
    const coverage = await timeMany(ITERATIONS, () => getKit(ctx, kitId));
    const kit = await getKit(ctx, kitId);
    console.log(`coverage: ${kit.sections[0]!.items.length} questions, ${kit.coverage.skills.length} weighted skills, ${Math.round(kit.coverage.weightCovered * 100)}% covered`);

    const result = {
      bench: 'questions',
      questions: QUESTIONS,
      search_p50_ms: percentile(search, 50),
      search_p95_ms: percentile(search, 95),
      coverage_p50_ms: percentile(coverage, 50),
      coverage_p95_ms: percentile(coverage, 95),
      search_floor_p95_ms: percentile(floor, 95),
      search_ratio: Number((percentile(search, 95) / percentile(floor, 95)).toFixed(2)),
    };
    console.log(`search (text + filters, with filter counts) p50 ${result.search_p50_ms} ms, p95 ${result.search_p95_ms} ms`);
    console.log(`hand-written SQL for the same search (unprepared) p50 ${percentile(floor, 50)} ms, p95 ${result.search_floor_p95_ms} ms; search_ratio ${result.search_ratio} (target ≤ 1.5)`);
    console.log(`the same SQL as a prepared statement p50 ${percentile(prepared, 50)} ms, p95 ${percentile(prepared, 95)} ms (for information)`);
    console.log(`coverage of a 12-question kit (load + compute) p50 ${result.coverage_p50_ms} ms, p95 ${result.coverage_p95_ms} ms`);
    console.log(JSON.stringify(result));
  } finally {
    await floorSql.end();
    await preparedSql.end();
    await connection.close();
  }
}
