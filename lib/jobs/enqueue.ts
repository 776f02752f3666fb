import 'server-only';
// Sending a job. It goes through the caller's database executor — usually its open transaction —
// so a job is queued if and only if the change that needs it commits, and on PGlite (one
// connection) a send inside a transaction never waits on itself.
import PgBoss from 'pg-boss';
import { type DbExecutor, getDb } from '@/db/client';
import type { JobDataByName, JobName } from './registry';
import { drizzleExecutor } from './sql';

export interface EnqueueOptions {
  /**
   * With a 'stately' or 'short' queue: no second job for the same key while one is queued.
   * (On a 'standard' queue pg-boss ignores the key unless a throttle window is given.)
   */
  singletonKey?: string;
  /** Run no earlier than this time, or this many seconds from now. */
  startAfter?: Date | number;
  /** Where to insert the job; defaults to the process-wide handle. */
  db?: DbExecutor;
}

// pg-boss builds its SQL in an instance; this one never starts or connects: every send names the
// executor to use. The worker side lives in runner.ts.
let sender: PgBoss | undefined;

function getSender(): PgBoss {
  sender ??= new PgBoss({
    db: {
      executeSql: () => Promise.reject(new Error('the job sender only sends through an explicit executor')),
    },
  });
  return sender;
}

/** Sends a job by queue name; returns its id, or null when a singletonKey found one queued. */
export async function sendJob(name: string, data: object, options: EnqueueOptions = {}): Promise<string | null> {
  const id = await getSender().send(name, data, {
    singletonKey: options.singletonKey,
    startAfter: options.startAfter,
    db: drizzleExecutor(options.db ?? getDb()),
  });
  // pg-boss inserts nothing for an unknown queue; a lost mail must not pass silently.
  if (id === null && !options.singletonKey) throw new Error(`The job queue "${name}" does not exist (is the job in lib/jobs/registry.ts?)`);
  return id;
}

/** Sends a registered job with its typed data. */
export function enqueue<N extends JobName>(name: N, data: JobDataByName[N], options?: EnqueueOptions): Promise<string | null> {
  return sendJob(name, data, options);
}
