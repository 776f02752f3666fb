// What a background job is: a name, an idempotent handler and how pg-boss should treat it.
// Browser-unsafe only through its handlers; this file itself holds no runtime dependencies.
import type { Database } from '@/db/client';

export type QueuePolicy = 'standard' | 'short' | 'singleton' | 'stately';

export interface JobContext {
  /** The process-wide database handle (not a transaction: a job opens its own when it needs one). */
  db: Database;
  jobId: string;
}

export interface JobDefinition<Data = unknown, Name extends string = string> {
  /** Queue name, e.g. 'mail.send'. */
  name: Name;
  /**
   * Must be idempotent: pg-boss delivers at least once (a process that dies mid-job, or a job
   * that outlives `expireInSeconds`, is retried).
   */
  handler: (data: Data, context: JobContext) => Promise<void>;
  /** Cron expression (UTC) for recurring jobs; every instance declares it, pg-boss runs it once. */
  schedule?: string;
  /** Data sent with each scheduled run. */
  scheduleData?: Data;
  /**
   * 'standard' runs every job sent; 'stately' keeps at most one queued and one running job per
   * singletonKey (what a daily job wants, so several instances or a manual run never pile up);
   * 'short' at most one queued; 'singleton' at most one running.
   */
  policy?: QueuePolicy;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
}

/** Keeps each job's literal name and data type (from its handler's parameter) for enqueue(). */
export function defineJob<const Name extends string, Data>(definition: JobDefinition<Data, Name>): JobDefinition<Data, Name> {
  return definition;
}
