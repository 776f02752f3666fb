import 'server-only';
// Idempotency-Key for every POST of the REST API (app/api/v1/handler.ts). The first request with
// a key runs inside a transaction that first inserts the key's row; the handler's writes and the
// stored answer commit together, so an answer is stored exactly when its effect is. A concurrent
// retry's insert waits on that row (PostgreSQL's unique-index wait; PGlite runs one transaction at
// a time) and then replays the stored answer. The same key with another request is refused (422);
// a 5xx is not stored, so the client may retry it. Rows live 24 hours (pruneIdempotencyKeys).
import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';
import { ValidationError } from './errors';
import { readBodyText } from './request-body';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
export const IDEMPOTENCY_TTL_HOURS = 24;

/** Printable ASCII, 1–255 characters (a UUID is the usual choice). */
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyScope {
  organizationId: string;
  /** `key:<api key id>` or `user:<user id>`: one client's keys never collide with another's. */
  principal: string;
}

/** Parses the header: null when absent, 422 naming Idempotency-Key when malformed. */
export function idempotencyKeyOf(request: Request): string | null {
  const value = request.headers.get(IDEMPOTENCY_HEADER);
  if (value === null) return null;
  const key = value.trim();
  if (!KEY_SHAPE.test(key)) throw ValidationError.field(IDEMPOTENCY_HEADER, 'must be 1 to 255 printable ASCII characters');
  return key;
}

class ServerErrorAnswer extends Error {
  constructor(readonly response: Response) {
    super('server error: not stored');
  }
}

class ErrorAnswer extends Error {
  constructor(readonly response: Response) {
    super('client error: effects rolled back');
  }
}

/**
 * Runs `run` once per (scope, key): `run` gets the transaction to do its writes in and the request
 * (its body re-readable). Answers of 4xx are stored with their effects rolled back; 5xx are not stored.
 */
export async function withIdempotency(
  db: DbExecutor,
  scope: IdempotencyScope,
  key: string,
  request: Request,
  run: (db: DbExecutor, request: Request) => Promise<Response>,
): Promise<Response> {
  const body = await readBodyText(request);
  const url = new URL(request.url);
  const fingerprint = createHash('sha256').update(`${request.method.toUpperCase()} ${url.pathname}${url.search}\n${body}`).digest('hex');
  const replayable = () => new Request(request.url, { method: request.method, headers: request.headers, body });
  const where = and(eq(idempotencyKeys.organizationId, scope.organizationId), eq(idempotencyKeys.principal, scope.principal), eq(idempotencyKeys.key, key));
  try {
    return await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(idempotencyKeys)
        .values({ organizationId: scope.organizationId, principal: scope.principal, key, fingerprint })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (!inserted.length) {
        // Another request holds or held this key; its transaction has committed by now.
        const [first] = await tx.select().from(idempotencyKeys).where(where).for('update');
        if (!first) throw new Error('idempotency row vanished');
        const expired = first.expiresAt.getTime() <= Date.now();
        if (!expired) {
          if (first.fingerprint !== fingerprint) throw ValidationError.field(IDEMPOTENCY_HEADER, 'was already used with a different request');
          if (first.status !== null) return replay(first);
        }
        // Expired (the prune job has not run yet), or left unanswered: start over with this request.
        await tx
          .update(idempotencyKeys)
          .set({ fingerprint, status: null, body: null, contentType: null, createdAt: sql`now()`, expiresAt: sql`now() + interval '24 hours'` })
          .where(where);
      }
      let answer: Response;
      try {
        // A savepoint: an error answer leaves no effect behind, but is stored all the same.
        answer = await tx.transaction(async (inner) => {
          const response = await run(inner, replayable());
          if (response.status >= 400) throw new ErrorAnswer(response);
          return response;
        });
      } catch (error) {
        if (!(error instanceof ErrorAnswer)) throw error;
        answer = error.response;
      }
      if (answer.status >= 500) throw new ServerErrorAnswer(answer);
      const text = await answer.text();
      const contentType = answer.headers.get('content-type');
      await tx.update(idempotencyKeys).set({ status: answer.status, body: text, contentType }).where(where);
      return new Response(text, { status: answer.status, headers: answer.headers });
    });
  } catch (error) {
    if (error instanceof ServerErrorAnswer) return error.response;
    throw error;
  }
}

function replay(row: typeof idempotencyKeys.$inferSelect): Response {
  const headers = new Headers({ [REPLAYED_HEADER]: 'true' });
  if (row.contentType) headers.set('content-type', row.contentType);
  return new Response(row.status === 204 || row.status === 304 ? null : (row.body ?? ''), { status: row.status!, headers });
}

/** Deletes answers past their 24 hours; returns how many. For the scheduled job. */
export async function pruneIdempotencyKeys(db: DbExecutor, now = new Date()): Promise<number> {
  const deleted = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)).returning({ key: idempotencyKeys.key });
  return deleted.length;
}
