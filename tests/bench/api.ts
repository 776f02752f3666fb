// `npm run bench -- api`: the production server (`npm start`) on the PostgreSQL server. 50 API-key
// clients (one read-only key each) list candidates and read submitted scorecards over HTTP on
// loopback; then 50 signed-in members (recruiters, session cookies) make the same calls. The two
// paths alternate in phases (key, cookie, key, cookie) so both see the same machine conditions.
// Prints p50/p95 per path and the key path's throughput; target: key p95 ≤ 1.2 × cookie p95.
// The per-key rate limit stays on (its counter statement is part of what is measured) but is set
// far above the load (API_KEY_RATE_LIMIT_PER_MINUTE), so no request is refused.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { READ_ONLY_SCOPES } from '@/lib/auth/permissions';
import { makeApiKey } from '../integration/support/api';
import { addMember, PASSWORD } from '../integration/support/factories';
import { createApplicant, createInterview, createOpeningWithStages, createPublishedKit, skillIdsBySlug, submitFilledScorecard } from '../integration/support/interview-factories';
import { signInOverHttp } from './autosave';
import { benchOrganization, percentile } from './support';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 8);
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 200);
const SCORECARDS = 40;
const PORT = Number(process.env.BENCH_API_PORT ?? 3312);
const BASE = `http://127.0.0.1:${PORT}`;

const rating = (n: number) => (1 + (n % 4)) as 1 | 2 | 3 | 4;

interface PhaseResult {
  samples: number[];
  requests: number;
  failures: number;
  seconds: number;
}

/** `clients` loops, each with its own headers, calling the paths in turn for `seconds`. */
async function runPhase(headersOf: (client: number) => Record<string, string>, paths: string[], seconds: number): Promise<PhaseResult> {
  const samples: number[] = [];
  let failures = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const headers = headersOf(client);
      for (let n = client; performance.now() < until; n++) {
        const t0 = performance.now();
        // Node's fetch keeps connections alive in its global pool (no per-origin connection cap).
        const response = await fetch(`${BASE}${paths[n % paths.length]}`, { headers });
        await response.arrayBuffer();
        samples.push(performance.now() - t0);
        if (response.status !== 200) failures++;
      }
    }),
  );
  return { samples, requests: samples.length, failures, seconds: (performance.now() - started) / 1000 };
}

export async function runApiBench(): Promise<void> {
  if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    console.log('api bench: no production build found, running `npm run build` first…');
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  }
  const { url, connection, db, organizationId, admin } = await benchOrganization('API Bench');
  let server: ReturnType<typeof spawn> | undefined;
  try {
    let started = performance.now();
    const slug = await skillIdsBySlug(db);
    const A = slug['sql-databases']!;
    const B = slug['communication']!;
    const kitId = await createPublishedKit(admin, [
      { skillId: A, weight: 60 },
      { skillId: B, weight: 40 },
    ]);
    const { openingId, stageIds } = await createOpeningWithStages(admin, kitId, ['Technical']);
    const applicants = [];
    for (let i = 0; i < CANDIDATES; i++) applicants.push(await createApplicant(admin, openingId, `Bench Candidate ${i}`));
    const interviewers = [];
    for (let i = 0; i < 4; i++) interviewers.push((await addMember(db, organizationId, 'interviewer')).ctx);
    const scorecardIds: string[] = [];
    for (let i = 0; i < SCORECARDS / 2; i++) {
      const panel = [interviewers[i % 4]!, interviewers[(i + 1) % 4]!];
      const interviewId = await createInterview(admin, { applicationId: applicants[i]!.applicationId, stageId: stageIds[0]!, panel, startsInMs: -2 * 3_600_000 });
      for (const rater of panel) scorecardIds.push(await submitFilledScorecard(rater, interviewId, { [A]: rating(i), [B]: rating(i + 1) }));
    }
    const tokens: string[] = [];
    for (let i = 0; i < CLIENTS; i++) tokens.push(await makeApiKey(db, { organizationId, scopes: READ_ONLY_SCOPES, name: `Bench key ${i}` }));
    const members = [];
    for (let i = 0; i < CLIENTS; i++) members.push(await addMember(db, organizationId, 'recruiter'));
    console.log(`api bench: ${CANDIDATES} candidates, ${scorecardIds.length} submitted scorecards, ${CLIENTS} keys and ${CLIENTS} recruiters seeded in ${Math.round(performance.now() - started)} ms on PostgreSQL`);

    server = spawn(process.execPath, [path.join('scripts', 'server.mjs'), '-p', String(PORT), '-H', '127.0.0.1'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        AUTH_SECRET: 'bench-only-secret-0123456789abcdefghijklmnop',
        AUTH_URL: BASE,
        SEED_DEMO: 'false',
        NODE_ENV: 'production',
        API_KEY_RATE_LIMIT_PER_MINUTE: '10000000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; i < 120; i++) {
      const ok = await fetch(`${BASE}/api/health`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const cookies: string[] = [];
    for (const m of members) cookies.push(await signInOverHttp(m.email, BASE, PASSWORD));

    const paths = ['/api/v1/candidates?limit=25', ...scorecardIds.map((id) => `/api/v1/scorecards/${id}`)];
    // Half the calls list candidates, half read one of the scorecards.
    const mixed = paths.slice(1).flatMap((p) => [paths[0]!, p]);
    const keyHeaders = (c: number) => ({ authorization: `Bearer ${tokens[c]!}` });
    const cookieHeaders = (c: number) => ({ cookie: cookies[c]! });
    for (const [label, headersOf] of [
      ['key', keyHeaders],
      ['cookie', cookieHeaders],
    ] as const) {
      const check = await fetch(`${BASE}${paths[1]}`, { headers: headersOf(0) });
      if (check.status !== 200) throw new Error(`${label} path: GET ${paths[1]} answered ${check.status}: ${await check.text()}`);
    }
    // Warm both paths (JIT, connection pools, plans), then alternate measured phases.
    await runPhase(keyHeaders, mixed, 3);
    await runPhase(cookieHeaders, mixed, 3);
    started = performance.now();
    const key: PhaseResult[] = [];
    const cookie: PhaseResult[] = [];
    for (let round = 0; round < 2; round++) {
      key.push(await runPhase(keyHeaders, mixed, PHASE_SECONDS));
      cookie.push(await runPhase(cookieHeaders, mixed, PHASE_SECONDS));
    }
    const merge = (phases: PhaseResult[]) => ({
      samples: phases.flatMap((p) => p.samples).sort((a, b) => a - b),
      requests: phases.reduce((n, p) => n + p.requests, 0),
      failures: phases.reduce((n, p) => n + p.failures, 0),
      seconds: phases.reduce((n, p) => n + p.seconds, 0),
    });
    const k = merge(key);
    const s = merge(cookie);
    if (k.failures || s.failures) throw new Error(`refused or failed requests: key ${k.failures}, cookie ${s.failures}`);
    const result = {
      bench: 'api',
      key_p95_ms: percentile(k.samples, 95),
      session_p95_ms: percentile(s.samples, 95),
      ratio: Number((percentile(k.samples, 95) / percentile(s.samples, 95)).toFixed(2)),
      req_per_s: Math.round(k.requests / k.seconds),
    };
    console.log(`${CLIENTS} clients, half candidate lists (25 a page), half submitted scorecards; ${key.length} phases of ${PHASE_SECONDS} s per path, alternating; measured in ${Math.round(performance.now() - started)} ms`);
    console.log(`API key:        ${k.requests} requests, ${result.req_per_s}/s, p50 ${percentile(k.samples, 50)} ms, p95 ${result.key_p95_ms} ms`);
    console.log(`session cookie: ${s.requests} requests, ${Math.round(s.requests / s.seconds)}/s, p50 ${percentile(s.samples, 50)} ms, p95 ${result.session_p95_ms} ms`);
    console.log(`ratio key/cookie p95 ${result.ratio} (target ≤ 1.2)`);
    console.log(JSON.stringify(result));
  } finally {
    server?.kill('SIGTERM');
    await connection.close();
  }
}
