// `npm run bench -- autosave`: 50 interviewers autosave their own scorecards over HTTP on
// loopback, each save based on the revision the previous one returned, against three servers in
// one run on the same PostgreSQL database:
//   floor         tests/bench/autosave-floor.ts: bare Node `http` + postgres.js, the same session
//                 check and one-statement save — the best this machine does for the same work;
//   fast path     `npm start` (scripts/server.mjs), which answers autosave before Next.js;
//   route handler plain `next start`: app/api/v1/scorecards/[scorecardId]/route.ts.
// Each gets a warm-up, a closed-loop run (as fast as it answers: capacity) and an open-loop run
// at a fixed offered load of half the floor's capacity (autocannon `overallRate`: latency at a
// load the floor serves easily). After each run every acknowledged save is checked against the
// database. Ratios, not absolute figures, are the targets: throughput_ratio = Loopkit ÷ floor
// (≥ 0.7), p99 at half the floor's capacity ≤ 50 ms, 0 lost. Last line: one JSON object.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import type { DbExecutor } from '@/db/client';
import { kits, memberships, scorecardNotes, scorecards, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { createAuthSession } from '@/lib/auth/sessions';
import { createCandidate } from '@/lib/candidates/mutations';
import { getCandidate } from '@/lib/candidates/queries';
import { scheduleInterview } from '@/lib/interviews/mutations';
import { createKit, publishKit } from '@/lib/kits/mutations';
import { createOpening } from '@/lib/openings/mutations';
import { getOpening } from '@/lib/openings/queries';
import { openScorecard } from '@/lib/scorecards/mutations';
import { BENCH_PASSWORD, benchOrganization } from './support';

const INTERVIEWERS = Number(process.env.BENCH_INTERVIEWERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const OPEN_SECONDS = Number(process.env.BENCH_OPEN_SECONDS ?? 15);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const AUTH_SECRET = 'bench-only-secret-0123456789abcdefghijklmnop';
const SESSION_COOKIE = 'authjs.session-token'; // Auth.js's name on plain http
const TARGETS = { throughputRatio: 0.7, p99Ms: 50 };

/** One interviewer's scorecard and session; `revision` follows the acknowledged saves. */
export interface SaveLoadWorker {
  scorecardId: string;
  itemId: string;
  cookie: string;
  revision: number;
}

export interface SaveLoadRun {
  durationSeconds: number;
  acknowledged: number;
  refused: number;
  refusedByStatus: Record<number, number>;
  savesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Per worker (same order): revision at the start, saves acknowledged, last acknowledged text, the text in flight at the end. */
  workers: { startRevision: number; acked: number; last: string; inFlight: string }[];
}

/**
 * Drives autosave load at baseUrl: one connection per worker by default, each worker with at most
 * one save in flight, based on the revision its previous save returned (so a lost or reordered
 * save shows as a 409). Closed loop (as fast as answers come) unless overallRate (saves/s across
 * all connections, open loop) is given. Updates each worker's revision; check the database
 * afterwards with checkAcknowledgedSaves. Reusable against any topology (e.g. behind a load balancer).
 */
export async function runSaveLoad(options: { baseUrl: string; workers: SaveLoadWorker[]; durationSeconds: number; connections?: number; overallRate?: number; label?: string }): Promise<SaveLoadRun> {
  const { baseUrl, workers, durationSeconds } = options;
  type State = { worker: SaveLoadWorker; index: number; n: number; pending: string; acked: number; last: string; startRevision: number };
  const states: State[] = workers.map((worker, index) => ({ worker, index, n: 0, pending: '', acked: 0, last: '', startRevision: worker.revision }));
  const idle = [...states];
  let refused = 0;
  const refusedByStatus: Record<number, number> = {};
  // autocannon resets its per-connection context between requests, so the pairing lives here:
  // a connection takes an idle worker when it builds a request and hands it back on the answer.
  const run = await autocannon({
    url: baseUrl,
    connections: options.connections ?? workers.length,
    duration: durationSeconds,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        method: 'PATCH',
        setupRequest: (request, context: { state?: State }) => {
          const state = idle.pop()!;
          context.state = state;
          state.n += 1;
          state.pending = `${options.label ?? 'run'} worker ${state.index} save ${state.n}: candidate explained idempotency keys and retries`;
          return {
            ...request,
            path: `/api/v1/scorecards/${state.worker.scorecardId}`,
            headers: { 'content-type': 'application/json', cookie: state.worker.cookie },
            body: JSON.stringify({ baseRevision: state.worker.revision, notes: { [state.worker.itemId]: state.pending } }),
          };
        },
        onResponse: (status, body, context: { state?: State }) => {
          const state = context.state!;
          if (status === 200) {
            state.worker.revision = (JSON.parse(body) as { revision: number }).revision;
            state.acked += 1;
            state.last = state.pending;
          } else {
            refused += 1;
            refusedByStatus[status] = (refusedByStatus[status] ?? 0) + 1;
            // As the live page does on 409: carry on from the current revision. (A save cut off
            // at the end of the previous run may land after the worker was resynchronised.)
            if (status === 409) {
              const current = (JSON.parse(body) as { error?: { current?: { revision?: number } } }).error?.current?.revision;
              if (typeof current === 'number') state.worker.revision = current;
            }
          }
          idle.push(state);
        },
      },
    ],
  });
  const acknowledged = states.reduce((sum, s) => sum + s.acked, 0);
  // Saves cut off when the run stopped may still be running on the server: let them land first.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return {
    refusedByStatus,
    durationSeconds,
    acknowledged,
    refused,
    savesPerSecond: Math.round(acknowledged / durationSeconds),
    p50Ms: run.latency.p50,
    p99Ms: run.latency.p99,
    workers: states.map((s) => ({ startRevision: s.startRevision, acked: s.acked, last: s.last, inFlight: s.pending })),
  };
}

/**
 * Every acknowledged save of a run must be in the database: the revision advanced at least once
 * per acknowledgement and the note holds the last acknowledged text (or the one still in flight
 * when the run stopped, which may have landed after it). Returns the number lost, and moves each
 * worker to the revision in the database, ready for the next run.
 */
export async function checkAcknowledgedSaves(db: DbExecutor, workers: SaveLoadWorker[], run: SaveLoadRun): Promise<number> {
  const ids = workers.map((w) => w.scorecardId);
  const rows = await db.select({ id: scorecards.id, revision: scorecards.revision }).from(scorecards).where(inArray(scorecards.id, ids));
  const notes = await db.select().from(scorecardNotes).where(inArray(scorecardNotes.scorecardId, ids));
  let lost = 0;
  workers.forEach((worker, i) => {
    const counted = run.workers[i]!;
    const row = rows.find((r) => r.id === worker.scorecardId)!;
    const note = notes.find((n) => n.scorecardId === worker.scorecardId && n.kitItemId === worker.itemId);
    lost += Math.max(0, counted.acked - (row.revision - counted.startRevision));
    if (counted.acked && note?.body !== counted.last && note?.body !== counted.inFlight) lost += 1;
    worker.revision = row.revision;
  });
  return lost;
}

/** The process and its descendants (from ps). */
function processTree(rootPid: number): { pids: Set<number>; rssMb: number } {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='])
    .toString()
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const pids = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if (pids.has(ppid) && !pids.has(pid)) {
        pids.add(pid);
        grew = true;
      }
    }
  }
  return { pids, rssMb: rows.filter(([pid]) => pids.has(pid)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024 };
}

/** CPU seconds used so far by the processes that match (from /proc). */
function cpuSeconds(match: (pid: number, name: string) => boolean): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!pid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!match(pid, name)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100;
}

type ServerKind = 'floor' | 'fast_path' | 'route_handler';

const SERVER_COMMANDS: Record<ServerKind, string[]> = {
  floor: ['--import', 'tsx', path.join('tests', 'bench', 'autosave-floor.ts')],
  fast_path: [path.join('scripts', 'server.mjs'), '-p', String(PORT), '-H', '127.0.0.1'],
  route_handler: [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(PORT), '-H', '127.0.0.1'],
};

async function startServer(kind: ServerKind, databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...SERVER_COMMANDS[kind]], {
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: databaseUrl, AUTH_SECRET, AUTH_URL: BASE, SEED_DEMO: 'false', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // The floor has no health route: any HTTP answer means it listens.
  const probe = kind === 'floor' ? BASE : `${BASE}/api/health`;
  for (let i = 0; i < 240; i++) {
    if (await fetch(probe).then((r) => kind === 'floor' || r.ok, () => false)) return child;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`autosave bench: the ${kind} server did not start on ${BASE}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 8_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

interface ServerFigures {
  saves_per_s: number;
  closed_p50_ms: number;
  closed_p99_ms: number;
  open_rate: number;
  open_saves_per_s: number;
  open_p50_ms: number;
  p99_ms: number;
  refused: number;
  lost: number;
  peak_rss_mb: number;
  cpu_ms_per_save: number;
  postgres_cpu_ms_per_save: number;
}

/**
 * Every server starts from the same database state: the servers run one after another on the same
 * rows, and each run leaves tens of thousands of dead row versions in the hot tables (every save
 * is an update) and a stretch of WAL. Without this the second and third servers pay for the first
 * one's garbage — whenever autovacuum or a checkpoint happens to fall inside their run.
 */
async function freshDatabaseState(db: DbExecutor): Promise<void> {
  for (const statement of ['vacuum (analyze) scorecards, scorecard_notes, auth_sessions', 'checkpoint']) await db.execute(sql.raw(statement));
}

/** Warm-up, a closed-loop run and (given openRate) an open-loop run against one server. */
async function measureServer(kind: ServerKind, databaseUrl: string, db: DbExecutor, workers: SaveLoadWorker[], openRate?: number): Promise<ServerFigures> {
  await freshDatabaseState(db);
  const server = await startServer(kind, databaseUrl);
  try {
    let lost = 0;
    const warmup = await runSaveLoad({ baseUrl: BASE, workers, durationSeconds: WARMUP_SECONDS, label: `${kind} warm-up` });
    lost += await checkAcknowledgedSaves(db, workers, warmup);
    const tree = () => processTree(server.pid!);
    let peakRss = tree().rssMb;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, tree().rssMb)), 500);
    const pids = tree().pids;
    const cpuBefore = { server: cpuSeconds((pid) => pids.has(pid)), postgres: cpuSeconds((_, name) => name === 'postgres') };
    const closed = await runSaveLoad({ baseUrl: BASE, workers, durationSeconds: SECONDS, label: `${kind} closed` });
    const cpu = { server: cpuSeconds((pid) => pids.has(pid)) - cpuBefore.server, postgres: cpuSeconds((_, name) => name === 'postgres') - cpuBefore.postgres };
    lost += await checkAcknowledgedSaves(db, workers, closed);
    const rate = openRate ?? Math.max(1, Math.round(closed.savesPerSecond / 2));
    const open = await runSaveLoad({ baseUrl: BASE, workers, durationSeconds: OPEN_SECONDS, overallRate: rate, label: `${kind} open` });
    lost += await checkAcknowledgedSaves(db, workers, open);
    clearInterval(sampler);
    const refusedByStatus = [warmup, closed, open].flatMap((r) => Object.entries(r.refusedByStatus)).map(([status, n]) => `${n}×${status}`);
    if (refusedByStatus.length) console.log(`${kind}: refused ${refusedByStatus.join(', ')}`);
    const perSave = (seconds: number) => Number(((seconds / Math.max(1, closed.acknowledged)) * 1000).toFixed(2));
    const figures: ServerFigures = {
      saves_per_s: closed.savesPerSecond,
      closed_p50_ms: closed.p50Ms,
      closed_p99_ms: closed.p99Ms,
      open_rate: rate,
      open_saves_per_s: open.savesPerSecond,
      open_p50_ms: open.p50Ms,
      p99_ms: open.p99Ms,
      refused: warmup.refused + closed.refused + open.refused,
      lost,
      peak_rss_mb: Math.round(peakRss),
      cpu_ms_per_save: perSave(cpu.server),
      postgres_cpu_ms_per_save: perSave(cpu.postgres),
    };
    console.log(
      `${kind.padEnd(13)} closed ${figures.saves_per_s} saves/s (p50 ${figures.closed_p50_ms} ms, p99 ${figures.closed_p99_ms} ms); ` +
        `open loop at ${rate}/s: ${figures.open_saves_per_s}/s, p50 ${figures.open_p50_ms} ms, p99 ${figures.p99_ms} ms; ` +
        `${figures.refused} refused, ${lost} lost; RSS ${figures.peak_rss_mb} MB; CPU/save server ${figures.cpu_ms_per_save} ms, PostgreSQL ${figures.postgres_cpu_ms_per_save} ms`,
    );
    return figures;
  } finally {
    await stopServer(server);
  }
}

/** Interviewers, each on the panel of an interview under way, with a draft scorecard and a session cookie as Auth.js issues it. */
async function seedInterviewers(db: DbExecutor, organizationId: string, admin: Parameters<typeof createKit>[0]): Promise<SaveLoadWorker[]> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const interviewerRows = await db
    .insert(users)
    .values(Array.from({ length: INTERVIEWERS }, (_, i) => ({ name: `Interviewer ${i}`, email: `interviewer${i}@bench.test`, passwordHash })))
    .returning();
  await db.insert(memberships).values(interviewerRows.map((u) => ({ organizationId, userId: u.id, role: 'interviewer' as const })));
  const [template] = await db.select().from(kits).where(eq(kits.builtinKey, 'backend-engineer-nodejs'));
  const { kitId } = await createKit(admin, { name: 'Bench kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 90, sourceKitId: template!.id });
  await publishKit(admin, { kitId, revision: 0 });
  const { openingId } = await createOpening(admin, { title: 'Bench opening', level: 'mid', stages: [{ name: 'Technical', kitId, durationMinutes: 90 }] });
  const stageId = (await getOpening(admin, openingId)).stages[0]!.id;
  const workers: SaveLoadWorker[] = [];
  for (const [i, interviewer] of interviewerRows.entries()) {
    const { candidateId } = await createCandidate(admin, { name: `Candidate ${i}`, email: `candidate${i}@bench.test`, openingId });
    const applicationId = (await getCandidate(admin, candidateId)).applications[0]!.id;
    const { interviewId } = await scheduleInterview(admin, { applicationId, openingStageId: stageId, scheduledAt: new Date().toISOString(), durationMinutes: 90, panelUserIds: [interviewer.id] });
    const opened = await openScorecard({ db, userId: interviewer.id, organizationId, role: 'interviewer' }, { interviewId });
    // The token Auth.js's jwt callback issues at sign-in (lib/auth/index.ts): user, session version, session row.
    const session = await createAuthSession(db, { userId: interviewer.id });
    const token = await encode({ token: { sub: interviewer.id, uid: interviewer.id, sv: 0, sid: session.id }, secret: AUTH_SECRET, salt: SESSION_COOKIE });
    workers.push({ scorecardId: opened.scorecard.id, itemId: opened.kit.sections[0]!.items[0]!.id, cookie: `${SESSION_COOKIE}=${token}`, revision: opened.scorecard.revision });
  }
  return workers;
}

export async function runAutosaveBench(): Promise<void> {
  if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID')) || !existsSync(path.join(process.cwd(), '.next', 'loopkit', 'autosave-fast-path.mjs'))) {
    console.log('autosave bench: no production build found, running `npm run build` first…');
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  }
  const { url, connection, db, organizationId, admin } = await benchOrganization('Autosave Bench');
  try {
    const workers = await seedInterviewers(db, organizationId, admin);
    console.log(`autosave bench: ${INTERVIEWERS} interviewers; per server ${WARMUP_SECONDS} s warm-up, ${SECONDS} s closed loop, ${OPEN_SECONDS} s open loop`);
    const floor = await measureServer('floor', url, db, workers);
    const openRate = floor.open_rate; // half the floor's capacity, offered to every server
    const fastPath = await measureServer('fast_path', url, db, workers, openRate);
    const routeHandler = await measureServer('route_handler', url, db, workers, openRate);
    const ratio = (f: ServerFigures) => Number((f.saves_per_s / Math.max(1, floor.saves_per_s)).toFixed(2));
    const meets = (f: ServerFigures) => ratio(f) >= TARGETS.throughputRatio && f.p99_ms <= TARGETS.p99Ms && f.lost === 0;
    // What `npm start` serves (scripts/server.mjs); the route handler is measured beside it to keep the decision honest.
    const result = {
      bench: 'autosave',
      interviewers: INTERVIEWERS,
      floor_saves_per_s: floor.saves_per_s,
      saves_per_s: fastPath.saves_per_s,
      throughput_ratio: ratio(fastPath),
      offered_rate: openRate,
      p99_ms: fastPath.p99_ms,
      p50_ms: fastPath.open_p50_ms,
      lost: floor.lost + fastPath.lost + routeHandler.lost,
      peak_rss_mb: fastPath.peak_rss_mb,
      route_handler_saves_per_s: routeHandler.saves_per_s,
      route_handler_throughput_ratio: ratio(routeHandler),
      route_handler_p99_ms: routeHandler.p99_ms,
      floor_p99_ms: floor.p99_ms,
      fast_path_meets_targets: meets(fastPath),
      route_handler_meets_targets: meets(routeHandler),
    };
    console.log(
      `ratio to floor: fast path ${result.throughput_ratio} (p99 ${result.p99_ms} ms at ${openRate}/s), route handler ${result.route_handler_throughput_ratio} (p99 ${result.route_handler_p99_ms} ms); ` +
        `targets ≥ ${TARGETS.throughputRatio} and ≤ ${TARGETS.p99Ms} ms; lost ${result.lost}`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await connection.close();
  }
}
