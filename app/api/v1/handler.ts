import 'server-only';
// The REST adapter: refuse cross-site writes, authenticate from the session cookie, build ctx,
// run one domain function, and map typed errors to status codes in one place (lib/http.ts).
import { getApiRequestContext } from '@/lib/auth/session';
import type { Ctx } from '@/lib/context';
import { env } from '@/lib/env';
import { UnauthenticatedError } from '@/lib/errors';
import { errorToResponse, readJsonBody } from '@/lib/http';
import { assertApiWriteAllowed } from '@/lib/request-guard';

export function apiRoute<P>(handler: (ctx: Ctx, request: Request, params: P) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    let response: Response;
    try {
      assertApiWriteAllowed(request.method, (name) => request.headers.get(name), env().AUTH_URL);
      const session = await getApiRequestContext();
      if (!session?.ctx) throw new UnauthenticatedError();
      response = await handler(session.ctx, request, await context.params);
    } catch (error) {
      response = errorToResponse(error);
    }
    // Candidates' data must not linger in shared or browser caches.
    if (!response.headers.has('cache-control')) response.headers.set('Cache-Control', 'no-store');
    return response;
  };
}

/** The request's JSON body, at most MAX_JSON_BODY_BYTES (413 beyond, 422 on `body` if not JSON). */
export function readJson(request: Request): Promise<unknown> {
  return readJsonBody(request);
}
