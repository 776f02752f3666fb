// ETags and conditional requests for the REST API. A resource with a revision number (candidates,
// openings, interviews, scorecards) sends it as a strong ETag, `"<revision>"`, and its PATCH takes
// `If-Match: "<revision>"` in place of a `revision` in the body: the domain function compares it
// and refuses a stale one with the existing 409 conflict (error.current holds the resource as it
// is now), so API clients and the app's forms share one rule. Resources without a revision get a
// weak ETag over their JSON, for cheap re-reads with If-None-Match (304).
import { createHash } from 'node:crypto';
import { ValidationError } from '../errors';

const STRONG = /^"(\d{1,9})"$/;

export function revisionEtag(revision: number): string {
  return `"${revision}"`;
}

/** The revision an `If-Match` header names; undefined without one (or with `*`); 422 on `If-Match` when it is not one of ours. */
export function ifMatchRevision(request: Request): number | undefined {
  const header = request.headers.get('if-match')?.trim();
  if (!header || header === '*') return undefined;
  const match = STRONG.exec(header);
  if (!match) throw ValidationError.field('If-Match', 'must be an ETag this API sent, such as "3"');
  return Number(match[1]);
}

/**
 * The body of a PATCH with the If-Match revision as its `revision` (the header wins over a body
 * value). Anything but a JSON object is a 422 on `body`.
 */
export function withIfMatch(request: Request, body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw ValidationError.field('body', 'must be a JSON object');
  const revision = ifMatchRevision(request);
  return revision === undefined ? { ...(body as Record<string, unknown>) } : { ...(body as Record<string, unknown>), revision };
}

/**
 * A single resource as JSON with its ETag: the revision when it has one, else a weak hash of the
 * body. A matching If-None-Match gets 304 Not Modified and no body.
 */
export function jsonWithEtag(request: Request, body: unknown, revision?: number, init: ResponseInit = {}): Response {
  const text = JSON.stringify(body);
  const etag = revision !== undefined ? revisionEtag(revision) : `W/"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  const headers = new Headers(init.headers);
  headers.set('ETag', etag);
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''))) {
    return new Response(null, { status: 304, headers });
  }
  headers.set('Content-Type', 'application/json');
  return new Response(text, { ...init, headers });
}

/** The query string as a plain object (a repeated name keeps its last value). */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
