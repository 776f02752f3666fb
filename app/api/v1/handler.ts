import 'server-only';
// The REST adapter: authenticate from the session cookie, build ctx, run one domain function,
// and map typed errors to status codes in one place (lib/http.ts).
import { getApiRequestContext } from '@/lib/auth/session';
import type { Ctx } from '@/lib/context';
import { UnauthenticatedError, ValidationError } from '@/lib/errors';
import { errorToResponse } from '@/lib/http';

export function apiRoute<P>(handler: (ctx: Ctx, request: Request, params: P) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const session = await getApiRequestContext();
      if (!session?.ctx) throw new UnauthenticatedError();
      return await handler(session.ctx, request, await context.params);
    } catch (error) {
      return errorToResponse(error);
    }
  };
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw ValidationError.field('body', 'must be a valid JSON object');
  }
}
