import 'server-only';
// The autosave hot path for scripts/server.mjs: PATCH /api/v1/scorecards/:id answered straight
// from Node's HTTP server, without Next.js's per-request machinery, by the same domain function
// and error mapping as the route handler beside it (./[scorecardId]/route.ts), which serves
// every other case (development, the embedded database, no session cookie). Same contract:
// 200 { revision, updatedAt }, 409 with the current state, 422 by field, 401, 403, 404.
// Nothing here is a copy: the session cookie is found and decoded by Auth.js's getToken
// (lib/auth/token-session.ts), the headers are next.config.mjs's own list
// (lib/security-headers.json), and the save is saveScorecard, the route handler's.
// Kept on numbers: `npm run bench -- autosave` measures it against plain `next start` (README, Deploying).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestContextFromCookieHeader } from '@/lib/auth/token-session';
import { env } from '@/lib/env';
import { PayloadTooLargeError, UnauthenticatedError } from '@/lib/errors';
import { errorToResponse, MAX_JSON_BODY_BYTES, parseJsonText } from '@/lib/http';
import { assertApiWriteAllowed } from '@/lib/request-guard';
import { saveScorecard } from '@/lib/scorecards/mutations';
import securityHeaders from '@/lib/security-headers.json';

const AUTOSAVE_PATH = /^\/api\/v1\/scorecards\/([^/?#]+)\/?(?:\?.*)?$/;
const MAX_BODY_BYTES = MAX_JSON_BODY_BYTES;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size - chunk.length <= MAX_BODY_BYTES) {
        // Refuse, but read the rest so the client gets the answer instead of a reset connection.
        chunks.length = 0;
        reject(new PayloadTooLargeError('The request body is too large'));
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const BASE_HEADERS: Record<string, string> = { ...Object.fromEntries(securityHeaders.map((h) => [h.key, h.value])), 'cache-control': 'no-store' };

/** An error, answered as the route handler would (errorToResponse builds the body and status). */
async function sendError(response: ServerResponse, error: unknown): Promise<void> {
  const result = errorToResponse(error);
  const headers = { ...BASE_HEADERS };
  result.headers.forEach((value, key) => (headers[key] = value));
  response.writeHead(result.status, headers);
  response.end(await result.text());
}

/** The saved revision: the same JSON Response.json would send, written without a Web Response's cost (most answers are these). */
function sendSaved(response: ServerResponse, saved: unknown): void {
  response.writeHead(200, { ...BASE_HEADERS, 'content-type': 'application/json' });
  response.end(JSON.stringify(saved));
}

/** Handles the request and returns true, or returns false (touching nothing) for Next.js to handle. */
export async function tryAutosaveFastPath(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method !== 'PATCH') return false;
  const match = AUTOSAVE_PATH.exec(request.url ?? '');
  if (!match) return false;
  // An API key (Authorization: Bearer) is authenticated by the route handler (apiRoute), never by the cookie.
  if (request.headers.authorization !== undefined) return false;
  try {
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    assertApiWriteAllowed('PATCH', header, env().AUTH_URL);
    const session = await requestContextFromCookieHeader(request.headers.cookie, env().AUTH_SECRET);
    if (session === undefined) return false;
    if (!session?.ctx) throw new UnauthenticatedError();
    const body = parseJsonText(await readBody(request));
    const scorecardId = match[1]!; // not a uuid if it needed decoding: validation names it
    sendSaved(response, await saveScorecard(session.ctx, { ...(body as Record<string, unknown>), scorecardId }));
  } catch (error) {
    await sendError(response, error);
  }
  return true;
}
