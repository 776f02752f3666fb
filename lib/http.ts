// The one place where typed domain errors become HTTP responses and server-action results.
import { unstable_rethrow } from 'next/navigation';
import { ZodError } from 'zod';
import { MAX_JSON_BODY_BYTES, readBodyText } from './request-body';
import { ConflictError, DomainError, type FieldErrors, RateLimitedError, UnauthenticatedError, ValidationError } from './errors';

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldErrors; current?: unknown };
}

export function errorToResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error instanceof ValidationError) body.error.fields = error.fieldErrors;
    // A 409 carries the current state so the client can merge instead of losing either side.
    if (error instanceof ConflictError && error.current !== undefined) body.error.current = error.current;
    const headers: Record<string, string> = {};
    if (error instanceof RateLimitedError) headers['Retry-After'] = String(error.retryAfterSeconds);
    if (error instanceof UnauthenticatedError && error.challenge) headers['WWW-Authenticate'] = error.challenge;
    return Response.json(body, { status: error.status, headers });
  }
  if (error instanceof SyntaxError || error instanceof ZodError) {
    return Response.json({ error: { code: 'bad_request', message: 'The request body is not valid JSON' } }, { status: 400 });
  }
  console.error('Unhandled error in API route', error);
  return Response.json({ error: { code: 'internal', message: 'Something went wrong on our side' } }, { status: 500 });
}

export { MAX_JSON_BODY_BYTES, readBodyText } from './request-body';

/**
 * Reads a JSON request body, refusing (413) past maxBytes without buffering the rest, and
 * answering 422 on `body` for anything that is not JSON.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  return parseJsonText(await readBodyText(request, maxBytes));
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw ValidationError.field('body', 'must be a valid JSON object');
  }
}

/** What a server action returns to its form: field errors, a message, or success. */
export type ActionState<T = undefined> =
  | { status: 'idle' }
  | { status: 'success'; message?: string; data?: T }
  | { status: 'error'; message: string; code?: string; fields?: FieldErrors; current?: unknown };

export const idle: ActionState<never> = { status: 'idle' };

export function errorToActionState(error: unknown): ActionState<never> {
  if (error instanceof ValidationError) {
    return { status: 'error', message: 'Please correct the highlighted fields.', code: error.code, fields: error.fieldErrors };
  }
  // The code lets a client tell a conflict from other failures without matching message text.
  // A stale edit's form gets the current state too, to offer "load theirs" or "keep mine".
  if (error instanceof ConflictError && error.current !== undefined) return { status: 'error', message: error.message, code: error.code, current: error.current };
  if (error instanceof DomainError) return { status: 'error', message: error.message, code: error.code };
  // Next.js signals redirect(), notFound(), forbidden() and dynamic bail-outs by throwing; its own
  // check rethrows exactly those (and follows `cause`), so no digest strings are matched here.
  unstable_rethrow(error);
  console.error('Unhandled error in server action', error);
  return { status: 'error', message: 'Something went wrong on our side. Please try again.' };
}
