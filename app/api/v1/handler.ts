import 'server-only';
// The REST adapter: authenticate (an API key's bearer token, else the session cookie, refusing
// cross-site writes for the latter), build ctx, run one domain function — once per Idempotency-Key
// for a POST — and map typed errors to status codes in one place (lib/http.ts).
import { authenticateApiKeyRequest, bearerToken } from '@/lib/api-keys/authenticate';
import { queueApiKeyUse, routePattern } from '@/lib/api-keys/uses';
import type { Ctx } from '@/lib/context';
import { env } from '@/lib/env';
import { UnauthenticatedError } from '@/lib/errors';
import { errorToResponse, readJsonBody } from '@/lib/http';
import { idempotencyKeyOf, withIdempotency } from '@/lib/idempotency';
import { assertApiWriteAllowed, assertJsonWriteBody } from '@/lib/request-guard';

export function apiRoute<P>(handler: (ctx: Ctx, request: Request, params: P) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    let response: Response;
    let ctx: Ctx | null = null;
    try {
      ctx = await authenticate(request);
      const idempotencyKey = request.method.toUpperCase() === 'POST' ? idempotencyKeyOf(request) : null;
      const params = await context.params;
      const authenticated = ctx;
      if (idempotencyKey === null) {
        response = await handler(authenticated, request, params);
      } else {
        const principal = authenticated.apiKey ? `key:${authenticated.apiKey.id}` : `user:${authenticated.userId}`;
        response = await withIdempotency(authenticated.db, { organizationId: authenticated.organizationId, principal }, idempotencyKey, request, async (db, replayable) => {
          try {
            return await handler({ ...authenticated, db }, replayable, params);
          } catch (error) {
            return errorToResponse(error);
          }
        });
      }
    } catch (error) {
      response = errorToResponse(error);
    }
    // Candidates' data must not linger in shared or browser caches.
    if (!response.headers.has('cache-control')) response.headers.set('Cache-Control', 'no-store');
    if (ctx?.apiKey) {
      queueApiKeyUse({ organizationId: ctx.organizationId, apiKeyId: ctx.apiKey.id, method: request.method.toUpperCase(), route: routePattern(request.url), status: response.status });
    }
    return response;
  };
}

/**
 * An `Authorization: Bearer` header means an API key, and only that: a bad token is a 401, never
 * a fallback to the cookie. A browser never attaches a bearer token by itself, so such a request
 * is no cross-site forgery; a cookie-authenticated write is, unless it proves it is same-origin.
 */
async function authenticate(request: Request): Promise<Ctx> {
  const header = (name: string) => request.headers.get(name);
  const token = bearerToken(header('authorization'));
  if (token !== null) {
    assertJsonWriteBody(request.method, header);
    return authenticateApiKeyRequest(token);
  }
  assertApiWriteAllowed(request.method, header, env().AUTH_URL);
  // Loaded on demand: the cookie path needs Next.js request APIs (next/headers), the bearer path none.
  const { getApiRequestContext } = await import('@/lib/auth/session');
  const session = await getApiRequestContext();
  if (!session?.ctx) throw new UnauthenticatedError();
  return session.ctx;
}

/** The request's JSON body, at most MAX_JSON_BODY_BYTES (413 beyond, 422 on `body` if not JSON). */
export function readJson(request: Request): Promise<unknown> {
  return readJsonBody(request);
}
