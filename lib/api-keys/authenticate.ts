import 'server-only';
// Bearer authentication for the REST API: from `Authorization: Bearer lk_…` to a service Ctx, with
// the per-key rate limit and the last-used touch in the same statement — one round trip per request,
// like the session path. No Next.js request APIs, so route handlers run in-process in tests.
import { lt, sql } from 'drizzle-orm';
import { type DbExecutor, getDb } from '@/db/client';
import { apiKeyRateWindows } from '@/db/schema';
import { PERMISSIONS, type Permission } from '../auth/permissions';
import { type Ctx, SERVICE_ROLE } from '../context';
import { env } from '../env';
import { RateLimitedError, UnauthenticatedError } from '../errors';
import { queryRows } from '../sql';
import { hashApiKeyToken, looksLikeApiKeyToken } from './tokens';

/** The challenge sent with every 401 of a bearer request (RFC 6750 §3). */
export const BEARER_CHALLENGE = 'Bearer realm="loopkit", error="invalid_token"';

/** A 401 for a bearer request: unknown, malformed, expired or revoked — deliberately not told apart. */
export class InvalidApiKeyError extends UnauthenticatedError {
  constructor() {
    super('The API key is not valid: unknown, expired or revoked', BEARER_CHALLENGE);
  }
}

/** The token of an `Authorization: Bearer …` header; null when there is no such header. */
export function bearerToken(authorization: string | null | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
  // A malformed Authorization header is still an attempt at bearer auth, never a fallback to cookies.
  return match ? match[1]! : '';
}

export interface ApiKeyAuthOptions {
  /** Requests per key per minute (env API_KEY_RATE_LIMIT_PER_MINUTE). */
  limitPerMinute: number;
}

interface KeyRow {
  id: string;
  organization_id: string;
  service_user_id: string;
  scopes: string[] | string;
  requests: number | string | null;
  retry_after: number | string | null;
}

/**
 * Authenticates a token and counts the request against its key's minute window. Throws
 * InvalidApiKeyError (401) or RateLimitedError (429, Retry-After until the window ends).
 *
 * The statement: find the live key by its hash (unique index), bump its counter row for this
 * minute (insert … on conflict do update), and touch last_used_at only when it is a minute old,
 * so a busy key writes api_keys about once a minute, not per request.
 */
export async function authenticateApiKey(db: DbExecutor, token: string, options: ApiKeyAuthOptions): Promise<Ctx> {
  if (!looksLikeApiKeyToken(token)) throw new InvalidApiKeyError();
  const rows = await queryRows<KeyRow>(
    db,
    sql`
      with live as (
        select id, organization_id, service_user_id, scopes, last_used_at
        from api_keys
        where secret_hash = ${hashApiKeyToken(token)} and revoked_at is null and (expires_at is null or expires_at > now())
      ), bump as (
        insert into api_key_rate_windows (api_key_id, window_start, requests)
        select id, date_trunc('minute', now()), 1 from live
        on conflict (api_key_id, window_start) do update set requests = api_key_rate_windows.requests + 1
        returning requests
      ), touch as (
        update api_keys set last_used_at = now()
        where id in (select id from live where last_used_at is null or last_used_at < now() - interval '1 minute')
        returning id
      )
      select live.id, live.organization_id, live.service_user_id, live.scopes,
        (select requests from bump) as requests,
        ceil(extract(epoch from (date_trunc('minute', now()) + interval '1 minute' - now()))) as retry_after
      from live`,
  );
  const key = rows[0];
  if (!key) throw new InvalidApiKeyError();
  if (Number(key.requests ?? 0) > options.limitPerMinute) {
    throw new RateLimitedError(`This API key made more than ${options.limitPerMinute} requests this minute`, Math.max(1, Number(key.retry_after ?? 60)));
  }
  return {
    db,
    userId: key.service_user_id,
    organizationId: key.organization_id,
    role: SERVICE_ROLE,
    apiKey: { id: key.id, scopes: parseScopes(key.scopes) },
  };
}

/** text[] arrives as an array from both drivers, but be strict: unknown names grant nothing. */
function parseScopes(value: string[] | string): Permission[] {
  const list = Array.isArray(value) ? value : value.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
  return list.filter((p): p is Permission => Object.hasOwn(PERMISSIONS, p));
}

/** The REST adapter's entry: the process's database and the configured limit. */
export function authenticateApiKeyRequest(token: string): Promise<Ctx> {
  return authenticateApiKey(getDb(), token, { limitPerMinute: env().API_KEY_RATE_LIMIT_PER_MINUTE });
}

/** Deletes rate-limit windows older than an hour (only the current minute is ever read); returns how many. */
export async function pruneApiKeyRateWindows(db: DbExecutor, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(apiKeyRateWindows)
    .where(lt(apiKeyRateWindows.windowStart, new Date(now.getTime() - 3_600_000)))
    .returning({ apiKeyId: apiKeyRateWindows.apiKeyId });
  return deleted.length;
}
