import 'server-only';
// The worker side of the job queue: pg-boss installs and migrates its own schema ("pgboss"),
// polls with FOR UPDATE SKIP LOCKED, and keeps cron schedules in a table it runs once across all
// instances — so any number of app processes can run this side by side. On PostgreSQL it gets a
// small pool of its own; on PGlite it shares the app's single instance through an adapter.
import PgBoss from 'pg-boss';
import type { DatabaseConnection } from '@/db/client';
import { jobs as registeredJobs } from './registry';
import { pgliteExecutor } from './sql';
import type { JobDefinition } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs with different data types
type AnyJob = JobDefinition<any>;

export interface StartJobQueueOptions {
  /** The jobs to run; the registry unless a test brings its own. */
  jobs?: readonly AnyJob[];
  /** How often an idle worker polls (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Run cron schedules (default true). */
  schedule?: boolean;
}

/** pg-boss's own pool is kept small: it polls, it does not serve requests. */
const QUEUE_POOL_SIZE = 3;

function connectionOptions(connection: DatabaseConnection): PgBoss.ConstructorOptions {
  if (connection.pglite) return { db: pgliteExecutor(connection.pglite) };
  if (connection.url) return { connectionString: connection.url, max: QUEUE_POOL_SIZE, application_name: 'loopkit-jobs' };
  throw new Error('The job queue needs a PostgreSQL URL or the embedded PGlite instance');
}

function queueOptions(job: AnyJob): PgBoss.Queue {
  return {
    name: job.name,
    policy: job.policy ?? 'standard',
    retryLimit: job.retryLimit ?? 3,
    retryDelay: job.retryDelaySeconds ?? 30,
    retryBackoff: job.retryBackoff ?? true,
    expireInSeconds: job.expireInSeconds ?? 15 * 60,
  };
}

/** Creates each job's queue, or brings its retry settings up to date (safe to race: ON CONFLICT). */
async function ensureQueues(boss: PgBoss, jobs: readonly AnyJob[]): Promise<void> {
  for (const job of jobs) {
    const options = queueOptions(job);
    if (await boss.getQueue(job.name)) await boss.updateQueue(job.name, options);
    else await boss.createQueue(job.name, options);
  }
}

/**
 * Installs or migrates the queue's schema and creates the queues, without running anything.
 * Test databases use it so that code which sends jobs works without workers polling.
 */
export async function installJobStore(connection: DatabaseConnection, jobs: readonly AnyJob[] = registeredJobs): Promise<void> {
  const boss = new PgBoss({ ...connectionOptions(connection), supervise: false, schedule: false, migrate: true });
  await boss.start();
  try {
    await ensureQueues(boss, jobs);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** Starts workers (and cron) for every job; returns the running instance. */
export async function startJobQueue(connection: DatabaseConnection, options: StartJobQueueOptions = {}): Promise<PgBoss> {
  const jobs = options.jobs ?? registeredJobs;
  const boss = new PgBoss({ ...connectionOptions(connection), schedule: options.schedule ?? true, supervise: true, migrate: true });
  // pg-boss reports polling and maintenance failures as events; unhandled they would crash the process.
  boss.on('error', (error) => console.error('[jobs] queue error:', error instanceof Error ? error.message : error));
  await boss.start();
  await ensureQueues(boss, jobs);
  for (const job of jobs) {
    await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([item]) => {
      if (!item) return;
      await job.handler(item.data, { db: connection.db, jobId: item.id });
    });
    if (job.schedule) await boss.schedule(job.name, job.schedule, (job.scheduleData ?? {}) as object, { tz: 'UTC', singletonKey: job.name });
  }
  return boss;
}

// One queue per process, whatever bundle (instrumentation, routes) asks for it.
const globalForJobs = globalThis as unknown as { __loopkitJobs?: Promise<PgBoss> };

/** Starts the process's queue once (lib/boot.ts calls it after migrations). */
export function startProcessJobQueue(connection: DatabaseConnection): Promise<PgBoss> {
  globalForJobs.__loopkitJobs ??= startJobQueue(connection);
  return globalForJobs.__loopkitJobs;
}

/** Lets running jobs finish (up to 10 s), then stops polling; on shutdown. */
export async function stopProcessJobQueue(): Promise<void> {
  const running = globalForJobs.__loopkitJobs;
  globalForJobs.__loopkitJobs = undefined;
  if (running) await (await running).stop({ graceful: true, timeout: 10_000, wait: true });
}
