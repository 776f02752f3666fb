// `npm run bench -- scale`: the reference topology of scripts/scale-out.mjs — nginx in front of two
// `npm start` instances, PgBouncer in transaction mode, PostgreSQL with a streaming replica — on
// this machine. It proves the shared state (a session made on one instance is valid on the other;
// sign-in failures counted on both lock the account; a job sent through PgBouncer is run by an
// instance's worker), then drives the autosave load through nginx across both instances
// (BENCH_SECONDS, default 20), checks that every acknowledged save is in the database, then runs
// the load again (BENCH_FAILOVER_SECONDS, default 12) and kills one instance (SIGKILL) a third of
// the way in: nginx moves on and no acknowledged save is lost. Replica lag is sampled during the
// first phase: the time from the primary's WAL position to the replica having replayed it.
// Last line: {"bench":"scale","instances":2,"saves_per_s":…,"lost":0,"failover_lost":0,"replica_lag_ms":…}
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import postgres from 'postgres';
import { connect } from '@/db/client';
import { kits, memberships, scorecardNotes, scorecards, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { createCandidate } from '@/lib/candidates/mutations';
import { getCandidate } from '@/lib/candidates/queries';
import { scheduleInterview } from '@/lib/interviews/mutations';
import { sendJob } from '@/lib/jobs/enqueue';
import { createKit, publishKit } from '@/lib/kits/mutations';
import { createOpening } from '@/lib/openings/mutations';
import { getOpening } from '@/lib/openings/queries';
import { startTopology, type Topology } from '../../scripts/scale-out.mjs';
import { attemptSignIn, BENCH_PASSWORD, benchOrganization, percentile } from './support';

const INTERVIEWERS = Number(process.env.BENCH_INTERVIEWERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const FAILOVER_SECONDS = Number(process.env.BENCH_FAILOVER_SECONDS ?? 12);
// Ports: nginx on BASE, the instances on BASE+1 and BASE+2, PgBouncer on 6432+(BASE-3480), the replica on 5433+(BASE-3480).
const BASE_PORT = Number(process.env.BENCH_SCALE_PORT ?? 3480);
const PORTS = { lbPort: BASE_PORT, instancePorts: [BASE_PORT + 1, BASE_PORT + 2], pgbouncerPort: 6432 + BASE_PORT - 3480, replicaPort: 5433 + BASE_PORT - 3480 };

/** Signs in over HTTP at `base`; the cookie header is empty when refused. */
async function signIn(base: string, email: string, password = BENCH_PASSWORD): Promise<{ cookie: string; upstream: string | null }> {
  const { cookie, upstream } = await attemptSignIn(base, email, password);
  return { cookie: cookie ?? '', upstream };
}

async function sessionEmail(base: string, cookie: string): Promise<string | undefined> {
  const body = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie } })).json()) as { user?: { email?: string } } | null;
  return body?.user?.email;
}

interface Worker {
  w: number;
  id: string;
  itemId: string;
  cookie: string;
  revision: number;
  startRevision: number;
  n: number;
  pending: string;
  acked: number;
  last: string;
  /** Texts sent since the last acknowledgement whose fate is unknown (a 502, or a 409 after a retry). */
  sentSinceAck: string[];
}

interface LoadResult {
  acked: number;
  conflicts: number;
  failures: number;
  p50: number;
  p99: number;
}

/** The autosave load through the load balancer: each interviewer has at most one save in flight, based on the last revision it learned. */
async function autosaveLoad(base: string, workers: Worker[], seconds: number): Promise<LoadResult> {
  const idle = [...workers];
  let conflicts = 0;
  let failures = 0;
  const ackedBefore = workers.reduce((s, w) => s + w.acked, 0);
  const run = await autocannon({
    url: base,
    connections: workers.length,
    duration: seconds,
    requests: [
      {
        method: 'PATCH',
        setupRequest: (request, context: { worker?: Worker }) => {
          const worker = idle.pop();
          if (!worker) throw new Error('no idle interviewer: a response went missing');
          context.worker = worker;
          worker.n += 1;
          worker.pending = `worker ${worker.w} save ${worker.n}: candidate explained idempotency keys and retries`;
          worker.sentSinceAck.push(worker.pending);
          return {
            ...request,
            path: `/api/v1/scorecards/${worker.id}`,
            headers: { 'content-type': 'application/json', cookie: worker.cookie },
            body: JSON.stringify({ baseRevision: worker.revision, notes: { [worker.itemId]: worker.pending } }),
          };
        },
        onResponse: (status, body, context: { worker?: Worker }) => {
          const worker = context.worker!;
          if (status === 200) {
            worker.revision = (JSON.parse(body) as { revision: number }).revision;
            worker.acked += 1;
            worker.last = worker.pending;
            worker.sentSinceAck = [];
          } else if (status === 409) {
            // A save whose first answer was lost with the instance landed, and its retry found the
            // revision moved: take the current revision, as the live page does after a conflict.
            conflicts += 1;
            worker.revision = (JSON.parse(body) as { error: { current: { revision: number } } }).error.current.revision;
          } else failures += 1;
          idle.push(worker);
        },
      },
    ],
  });
  return { acked: workers.reduce((s, w) => s + w.acked, 0) - ackedBefore, conflicts, failures, p50: run.latency.p50, p99: run.latency.p99 };
}

/** Acknowledged saves missing from the database: the revision advanced at least once per ack and the note holds the last acknowledged text or a later one. */
async function lostSaves(db: ReturnType<typeof connect>['db'], workers: Worker[]): Promise<number> {
  const ids = workers.map((w) => w.id);
  const rows = await db.select().from(scorecards).where(inArray(scorecards.id, ids));
  const notes = await db.select().from(scorecardNotes).where(inArray(scorecardNotes.scorecardId, ids));
  let lost = 0;
  for (const worker of workers) {
    const row = rows.find((r) => r.id === worker.id)!;
    const note = notes.find((n) => n.scorecardId === worker.id && n.kitItemId === worker.itemId);
    lost += Math.max(0, worker.acked - (row.revision - worker.startRevision));
    if (worker.acked && note?.body !== worker.last && !worker.sentSinceAck.includes(note?.body ?? '')) lost += 1;
  }
  return lost;
}

/** Replica lag: from the primary's current WAL position to the replica having replayed it, sampled until stopped. */
function sampleReplicaLag(primaryUrl: string, replicaUrl: string) {
  const primary = postgres(primaryUrl, { max: 1, onnotice: () => {} });
  const replica = postgres(replicaUrl, { max: 1, onnotice: () => {} });
  const samples: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const [{ lsn }] = (await primary`select pg_current_wal_lsn()::text as lsn`) as unknown as [{ lsn: string }];
      const started = performance.now();
      for (;;) {
        const [{ ok }] = (await replica`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as ok`) as unknown as [{ ok: boolean }];
        if (ok || performance.now() - started > 10_000) break;
        await new Promise((r) => setTimeout(r, 1));
      }
      samples.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      await Promise.all([primary.end(), replica.end()]);
      return samples.sort((a, b) => a - b);
    },
  };
}

/** The dashboard (the opening grid as CSV, served from the replica when it has caught up) fetched through nginx every 200 ms until stopped. */
function sampleDashboard(base: string, cookie: string, openingId: string) {
  const samples: number[] = [];
  let failures = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/openings/${openingId}/dashboard`, { headers: { cookie } });
      await response.text();
      if (response.ok) samples.push(performance.now() - started);
      else failures += 1;
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return { samples: samples.sort((a, b) => a - b), failures };
    },
  };
}

/** PATCH lines per instance in nginx's access log (status|upstreams|upstream statuses|method|time); "a → b" is a request nginx retried on b. */
function patchesByInstance(log: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of log.split('\n')) {
    const [, upstream, , method] = line.split('|');
    if (method !== 'PATCH' || !upstream) continue;
    const key = upstream.split(', ').join(' → ');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export async function runScaleBench(): Promise<void> {
  if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    console.log('scale bench: no production build found, running `npm run build` first…');
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  }
  // Its own database: the other benches use loopkit_bench, and a replica copies the whole server.
  process.env.BENCH_DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/loopkit_scale_bench';
  const { url, connection, db, organizationId, admin } = await benchOrganization('Scale Bench');
  let topology: Topology | undefined;
  try {
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const interviewerRows = await db
      .insert(users)
      .values(Array.from({ length: INTERVIEWERS + 1 }, (_, i) => ({ name: `Interviewer ${i}`, email: `interviewer${i}@bench.test`, passwordHash })))
      .returning();
    const lockedOut = interviewerRows.pop()!; // signs in nowhere but in the rate-limit proof
    await db.insert(memberships).values([...interviewerRows, lockedOut].map((u) => ({ organizationId, userId: u.id, role: 'interviewer' as const })));
    const [template] = await db.select().from(kits).where(eq(kits.builtinKey, 'backend-engineer-nodejs'));
    const { kitId } = await createKit(admin, { name: 'Bench kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 90, sourceKitId: template!.id });
    await publishKit(admin, { kitId, revision: 0 });
    const { openingId } = await createOpening(admin, { title: 'Bench opening', level: 'mid', stages: [{ name: 'Technical', kitId, durationMinutes: 90 }] });
    const stageId = (await getOpening(admin, openingId)).stages[0]!.id;
    const interviewIds: string[] = [];
    for (const [i, interviewer] of interviewerRows.entries()) {
      const { candidateId } = await createCandidate(admin, { name: `Candidate ${i}`, email: `candidate${i}@bench.test`, openingId });
      const applicationId = (await getCandidate(admin, candidateId)).applications[0]!.id;
      interviewIds.push((await scheduleInterview(admin, { applicationId, openingStageId: stageId, scheduledAt: new Date().toISOString(), durationMinutes: 90, panelUserIds: [interviewer.id] })).interviewId);
    }

    topology = await startTopology({ databaseUrl: url, ...PORTS, log: (line) => console.log(`  ${line}`) });
    const { lbUrl, instances } = topology;
    const [first, second] = instances as [(typeof instances)[number], (typeof instances)[number]];

    // 1. A session made on one instance is valid on the other (both hold the same AUTH_SECRET).
    const made = await signIn(lbUrl, interviewerRows[0]!.email);
    const madeOn = instances.find((i) => made.upstream === `127.0.0.1:${i.port}`) ?? first;
    const otherInstance = madeOn === first ? second : first;
    const sessionShared = (await sessionEmail(otherInstance.url, made.cookie)) === interviewerRows[0]!.email;
    console.log(`session: signed in on :${madeOn.port}, valid on :${otherInstance.port}: ${sessionShared}`);

    // 2. Sign-in failures are counted in PostgreSQL: five wrong passwords spread over both
    // instances lock the account on either, even for the right password.
    for (let i = 0; i < 5; i++) await signIn(instances[i % 2]!.url, lockedOut.email, 'wrong password 123');
    const refused = !(await signIn(first.url, lockedOut.email)).cookie && !(await signIn(second.url, lockedOut.email)).cookie;
    console.log(`rate limit: 5 failures over both instances lock the account on both: ${refused}`);

    // 3. The job queue is shared and works through PgBouncer: a job sent by another process
    // through PgBouncer is fetched and run by one of the instances' workers.
    const viaBouncer = connect({ url: topology.appUrl, pgbouncer: true, max: 2 });
    let jobsShared = false;
    try {
      const jobId = await sendJob('auth.prune-sign-in-records', {}, { db: viaBouncer.db });
      for (let i = 0; i < 60 && !jobsShared && jobId; i++) {
        const rows = (await viaBouncer.db.execute(`select state from pgboss.job where id = '${jobId}'`)) as unknown as { state: string }[];
        jobsShared = rows[0]?.state === 'completed';
        if (!jobsShared) await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      await viaBouncer.close();
    }
    console.log(`job queue: a job sent through PgBouncer was completed by an instance's worker: ${jobsShared}`);
    if (!sessionShared || !refused || !jobsShared) throw new Error('shared state is not shared across the instances');

    // The interviewers sign in and create their drafts through the load balancer.
    const sessions = await Promise.all(interviewerRows.map((u) => signIn(lbUrl, u.email)));
    const workers: Worker[] = await Promise.all(
      interviewIds.map(async (interviewId, w) => {
        const cookie = sessions[w]!.cookie;
        const response = await fetch(`${lbUrl}/api/v1/interviews/${interviewId}/scorecard`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', origin: lbUrl },
          body: '{}',
        });
        const body = (await response.json()) as { scorecard: { id: string; revision: number }; kit: { sections: { items: { id: string }[] }[] } };
        const revision = body.scorecard.revision;
        return { w, id: body.scorecard.id, itemId: body.kit.sections[0]!.items[0]!.id, cookie, revision, startRevision: revision, n: 0, pending: '', acked: 0, last: '', sentSinceAck: [] };
      }),
    );

    // Phase 1: both instances.
    const lag = topology.replicaUrl ? sampleReplicaLag(url, topology.replicaUrl) : undefined;
    const adminCookie = (await signIn(lbUrl, 'admin@bench.test')).cookie;
    const dashboard = adminCookie ? sampleDashboard(lbUrl, adminCookie, openingId) : undefined;
    const logBefore = topology.accessLog().length;
    const steady = await autosaveLoad(lbUrl, workers, SECONDS);
    const lagSamples = (await lag?.stop()) ?? [];
    const dashboardRun = await dashboard?.stop();
    const spread = patchesByInstance(topology.accessLog().slice(logBefore));
    const lost = await lostSaves(db, workers);
    const savesPerSecond = Math.round(steady.acked / SECONDS);
    console.log(
      `steady: ${INTERVIEWERS} interviewers for ${SECONDS} s through nginx: ${steady.acked} acknowledged saves (${savesPerSecond}/s), p50 ${steady.p50} ms, p99 ${steady.p99} ms, ${steady.failures} failed, lost ${lost}`,
    );
    console.log(`  PATCHes per instance: ${JSON.stringify(spread)}`);
    const replicaLag = { p50: percentile(lagSamples, 50), p95: percentile(lagSamples, 95), max: percentile(lagSamples, 100) };
    if (dashboardRun) {
      console.log(
        `  dashboard (grid CSV of the ${INTERVIEWERS}-candidate opening) through nginx during that load: ${dashboardRun.samples.length} reads, p50 ${percentile(dashboardRun.samples, 50)} ms, p95 ${percentile(dashboardRun.samples, 95)} ms, ${dashboardRun.failures} failed`,
      );
    } else console.log('  dashboard probe skipped: the bench admin could not sign in');
    console.log(`  replica lag under that load (${lagSamples.length} samples): p50 ${replicaLag.p50} ms, p95 ${replicaLag.p95} ms, max ${replicaLag.max} ms`);

    // Phase 2: one instance dies a third of the way in.
    const killAfterMs = Math.round((FAILOVER_SECONDS * 1000) / 3);
    let ackedAtKill = 0;
    const failoverStarted = workers.reduce((s, w) => s + w.acked, 0);
    const logAtPhase2 = topology.accessLog().length;
    let logAtKill = 0;
    const killer = setTimeout(() => {
      ackedAtKill = workers.reduce((s, w) => s + w.acked, 0) - failoverStarted;
      logAtKill = topology!.accessLog().length;
      second.kill('SIGKILL');
    }, killAfterMs);
    const failover = await autosaveLoad(lbUrl, workers, FAILOVER_SECONDS);
    clearTimeout(killer);
    const afterKill = patchesByInstance(topology.accessLog().slice(Math.max(logAtKill, logAtPhase2)));
    const failoverLost = await lostSaves(db, workers);
    const afterKillSaves = failover.acked - ackedAtKill;
    console.log(
      `failover: instance :${second.port} killed (SIGKILL) after ${killAfterMs} ms of ${FAILOVER_SECONDS} s: ${failover.acked} acknowledged (${afterKillSaves} after the kill, ` +
        `${Math.round(afterKillSaves / (FAILOVER_SECONDS - killAfterMs / 1000))}/s), ${failover.conflicts} conflicts re-based, ${failover.failures} failed, lost ${failoverLost}`,
    );
    console.log(`  PATCHes per instance after the kill: ${JSON.stringify(afterKill)}`);
    if (afterKillSaves <= 0) throw new Error('the load balancer did not move on after the kill');

    console.log(
      JSON.stringify({
        bench: 'scale',
        instances: instances.length,
        saves_per_s: savesPerSecond,
        lost,
        failover_lost: failoverLost,
        replica_lag_ms: replicaLag.p95,
      }),
    );
  } finally {
    await topology?.stop();
    await connection.close();
  }
}
