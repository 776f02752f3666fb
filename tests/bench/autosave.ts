// `npm run bench -- autosave`: the production server (`npm start`) on the PostgreSQL server; 50 interviewers autosave
// their own scorecards over HTTP on loopback for 20 seconds, each save based on the revision the
// previous one returned. Afterwards every acknowledged save is checked against the database.
// Prints saves/s, p50/p99 latency, the server's peak memory and the number of lost saves.
import { spawn, execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { memberships, scorecardNotes, scorecards, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { createCandidate } from '@/lib/candidates/mutations';
import { scheduleInterview } from '@/lib/interviews/mutations';
import { createKit, publishKit } from '@/lib/kits/mutations';
import { kits } from '@/db/schema';
import { createOpening } from '@/lib/openings/mutations';
import { getOpening } from '@/lib/openings/queries';
import { getCandidate } from '@/lib/candidates/queries';
import { BENCH_PASSWORD, benchOrganization } from './support';

const INTERVIEWERS = Number(process.env.BENCH_INTERVIEWERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;

function cookieHeader(setCookies: string[], jar: Map<string, string>) {
  for (const c of setCookies) {
    const [pair] = c.split(';');
    const [name, ...rest] = pair!.split('=');
    jar.set(name!.trim(), rest.join('='));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Signs in through Auth.js's credentials endpoint like a browser; returns the Cookie header. */
export async function signInOverHttp(email: string, base = BASE, password = BENCH_PASSWORD): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  let cookies = cookieHeader(csrf.headers.getSetCookie(), jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: '/' }),
  });
  cookies = cookieHeader(response.headers.getSetCookie(), jar);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in failed for ${email}: HTTP ${response.status}`);
  return cookies;
}

/** CPU seconds used so far by the processes whose command name matches (from /proc). */
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

/** Resident memory of the server process and its children, in MB. */
function treeRssMb(rootPid: number): number {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=']).toString();
  const rows = out.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const pids = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if (pids.has(ppid) && !pids.has(pid)) {
        pids.add(pid);
        grew = true;
      }
    }
  }
  return rows.filter(([pid]) => pids.has(pid)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
}

export async function runAutosaveBench(): Promise<void> {
  if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID')) || !existsSync(path.join(process.cwd(), '.next', 'loopkit', 'autosave-fast-path.mjs'))) {
    console.log('autosave bench: no production build found, running `npm run build` first…');
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  }
  const { url, connection, db, organizationId, admin } = await benchOrganization('Autosave Bench');
  let server: ReturnType<typeof spawn> | undefined;
  try {
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
    const interviewIds: string[] = [];
    for (const [i, interviewer] of interviewerRows.entries()) {
      const { candidateId } = await createCandidate(admin, { name: `Candidate ${i}`, email: `candidate${i}@bench.test`, openingId });
      const applicationId = (await getCandidate(admin, candidateId)).applications[0]!.id;
      interviewIds.push((await scheduleInterview(admin, { applicationId, openingStageId: stageId, scheduledAt: new Date().toISOString(), durationMinutes: 90, panelUserIds: [interviewer.id] })).interviewId);
    }

    server = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), path.join('scripts', 'server.mjs'), '-p', String(PORT), '-H', '127.0.0.1'], {
      env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: 'bench-only-secret-0123456789abcdefghijklmnop', AUTH_URL: BASE, SEED_DEMO: 'false', NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; i < 120; i++) {
      const ok = await fetch(`${BASE}/api/health`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const sessions = await Promise.all(interviewerRows.map((u) => signInOverHttp(u.email)));
    const cards = await Promise.all(
      interviewIds.map(async (interviewId, i) => {
        // The draft is created by a POST (reading it never writes), as the live page's first save does.
        const response = await fetch(`${BASE}/api/v1/interviews/${interviewId}/scorecard`, {
          method: 'POST',
          headers: { cookie: sessions[i]!, 'content-type': 'application/json', origin: BASE },
          body: '{}',
        });
        const body = (await response.json()) as { scorecard: { id: string; revision: number }; kit: { sections: { items: { id: string }[] }[] } };
        return { id: body.scorecard.id, revision: body.scorecard.revision, itemId: body.kit.sections[0]!.items[0]!.id };
      }),
    );

    let peakRss = treeRssMb(server.pid!);
    const serverPid = server.pid!;
    const cpuBefore = { server: cpuSeconds((pid) => pid === serverPid), postgres: cpuSeconds((_, name) => name === 'postgres'), client: process.cpuUsage() };
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRssMb(server!.pid!))), 250);
    // autocannon drives the load over 50 connections. Each interviewer has at most one save in
    // flight, based on the revision their previous save returned (a lost or reordered save would
    // surface as a 409): a connection takes an idle interviewer when it builds a request and
    // hands them back when the response arrives. (autocannon resets its per-connection context
    // between requests, so the pairing lives here.)
    type Worker = (typeof cards)[number] & { w: number; cookie: string; n: number; pending: string; acked: number; last: string };
    const workers: Worker[] = cards.map((card, w) => ({ ...card, w, cookie: sessions[w]!, n: 0, pending: '', acked: 0, last: '' }));
    const idle = [...workers];
    let failures = 0;
    const run = await autocannon({
      url: BASE,
      connections: INTERVIEWERS,
      duration: SECONDS,
      requests: [
        {
          method: 'PATCH',
          setupRequest: (request, context: { worker?: Worker }) => {
            const worker = idle.pop()!;
            context.worker = worker;
            worker.n += 1;
            worker.pending = `worker ${worker.w} save ${worker.n}: candidate explained idempotency keys and retries`;
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
            } else failures += 1;
            idle.push(worker);
          },
        },
      ],
    });
    clearInterval(sampler);
    const clientCpu = process.cpuUsage(cpuBefore.client);
    const cpu = {
      server: cpuSeconds((pid) => pid === serverPid) - cpuBefore.server,
      postgres: cpuSeconds((_, name) => name === 'postgres') - cpuBefore.postgres,
      client: (clientCpu.user + clientCpu.system) / 1e6,
    };
    const acked = workers.map((w) => ({ count: w.acked, last: w.last, inFlight: w.pending }));

    // Every acknowledged save must be in the database: the revision advanced once per ack and
    // the note holds the last acknowledged text.
    const rows = await db.select().from(scorecards).where(inArray(scorecards.id, cards.map((c) => c.id)));
    const notes = await db.select().from(scorecardNotes).where(inArray(scorecardNotes.scorecardId, cards.map((c) => c.id)));
    let lost = 0;
    cards.forEach((card, w) => {
      const row = rows.find((r) => r.id === card.id)!;
      const note = notes.find((n) => n.scorecardId === card.id && n.kitItemId === card.itemId);
      lost += Math.max(0, acked[w]!.count - (row.revision - card.revision));
      // A save still in flight when the run stopped may have landed after its last acknowledged one.
      if (acked[w]!.count && note?.body !== acked[w]!.last && note?.body !== acked[w]!.inFlight) lost += 1;
    });
    const total = acked.reduce((s, a) => s + a.count, 0);
    const result = {
      bench: 'autosave',
      saves_per_s: Math.round(total / SECONDS),
      p50_ms: run.latency.p50,
      p99_ms: run.latency.p99,
      lost,
      peak_rss_mb: Math.round(peakRss),
    };
    console.log(`autosave: ${INTERVIEWERS} interviewers for ${SECONDS} s: ${total} acknowledged saves, ${failures} refused, ${result.saves_per_s}/s`);
    console.log(`latency p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms; server peak RSS ${result.peak_rss_mb} MB; lost ${lost}`);
    const perSave = (seconds: number) => ((seconds / Math.max(1, total)) * 1000).toFixed(2);
    console.log(`CPU per save: server ${perSave(cpu.server)} ms, PostgreSQL ${perSave(cpu.postgres)} ms, load generator ${perSave(cpu.client)} ms (2 cores shared by all three)`);
    console.log(JSON.stringify(result));
  } finally {
    server?.kill('SIGTERM');
    await connection.close();
  }
}
