import 'server-only';
// "Every use audited", off the request's critical path: each authenticated key request queues one
// row (method, route pattern, status — no ids, no query strings, no personal data), and the queue
// is written in one multi-row insert when it holds BATCH_SIZE rows or FLUSH_MS after the first.
// A crash can lose at most the last second's rows of this process; the per-minute counters
// (api_key_rate_windows) and last_used_at are written synchronously and survive.
import { type DbExecutor, getDb } from '@/db/client';
import { apiKeyUses } from '@/db/schema';

export interface ApiKeyUseRecord {
  organizationId: string;
  apiKeyId: string;
  method: string;
  route: string;
  status: number;
}

const BATCH_SIZE = 200;
const FLUSH_MS = 1_000;

let pending: ApiKeyUseRecord[] = [];
let pendingDb: DbExecutor | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let inFlight: Promise<void> = Promise.resolve();

const UUID_SEGMENT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/api/v1/candidates/3f…/scorecards` → `/api/v1/candidates/:id/scorecards`. */
export function routePattern(url: string): string {
  const path = new URL(url, 'http://localhost').pathname;
  return path
    .split('/')
    .map((segment) => (UUID_SEGMENT.test(segment) || /^\d+$/.test(segment) ? ':id' : segment))
    .join('/')
    .slice(0, 200);
}

/** Queues one use, to be written on the process's database (or `db`, for tests and scripts). */
export function queueApiKeyUse(use: ApiKeyUseRecord, db: DbExecutor = getDb()): void {
  if (pendingDb && pendingDb !== db) void flushApiKeyUses();
  pendingDb = db;
  pending.push(use);
  if (pending.length >= BATCH_SIZE) void flushApiKeyUses();
  else if (!timer) {
    timer = setTimeout(() => void flushApiKeyUses(), FLUSH_MS);
    timer.unref?.();
  }
}

/** Writes what is queued now; resolves when everything queued so far is written (tests await it). */
export function flushApiKeyUses(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const batch = pending;
  const db = pendingDb;
  pending = [];
  if (batch.length && db) {
    inFlight = inFlight.then(() =>
      db
        .insert(apiKeyUses)
        .values(batch)
        .then(
          () => undefined,
          // A key deleted meanwhile (cascade) or a database hiccup: the log is best effort.
          (error: unknown) => console.error(`[api-keys] could not record ${batch.length} key use(s)`, error instanceof Error ? error.message : error),
        ),
    );
  }
  return inFlight;
}
