// `npm run bench -- questions`: one organization with 100,000 questions on the PostgreSQL server;
// p50/p95 of the bank search (text + filters, with its filter counts) and of the coverage
// computation for a 12-question kit. Targets: search p95 ≤ 25 ms, coverage p95 ≤ 10 ms.
import postgres from 'postgres';
import { sql as drizzleSql } from 'drizzle-orm';
import { refreshQuestionSearch } from '@/db/search';
import { createKit, saveKitDraft } from '@/lib/kits/mutations';
import { getKit } from '@/lib/kits/queries';
import { searchQuestions } from '@/lib/questions/queries';
import { benchOrganization, percentile, timeMany } from './support';

const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 100_000);
const ITERATIONS = 300;

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

export async function runQuestionsBench(): Promise<void> {
  const { url, connection, db, organizationId, admin: ctx } = await benchOrganization('Bench Org');
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
    // Warm the caches the way a running server would be.
    for (const query of queries.slice(0, 20)) await searchQuestions(ctx, query);
    started = performance.now();
    const search = await timeMany(ITERATIONS, (i) => searchQuestions(ctx, queries[i]!));
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
    };
    console.log(`search (text + filters, with filter counts) p50 ${result.search_p50_ms} ms, p95 ${result.search_p95_ms} ms`);
    console.log(`coverage of a 12-question kit (load + compute) p50 ${result.coverage_p50_ms} ms, p95 ${result.coverage_p95_ms} ms`);
    console.log(JSON.stringify(result));
  } finally {
    await connection.close();
  }
}
