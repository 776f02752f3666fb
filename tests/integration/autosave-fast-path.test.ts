// The autosave fast path of scripts/server.mjs, over real HTTP on loopback: the same contract as
// the route handler (200, 409 with the current state, 422 by field, 401, 404, 413), security
// headers, and everything it does not handle left untouched for Next.js.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryAutosaveFastPath } from '@/app/api/v1/scorecards/autosave-fast-path';
import { setConnection } from '@/db/client';
import { scorecardNotes, users } from '@/db/schema';
import { createAuthSession, endSessionOnSignOut } from '@/lib/auth/sessions';
import { openScorecard } from '@/lib/scorecards/mutations';
import { setupTestDatabase } from './support/database';
import { makeInterviewLoop } from './support/factories';

const SECRET = 'fast-path-test-secret-0123456789abcdefghijkl';
const COOKIE = 'authjs.session-token';
// Opts out of per-test transactions: the fast path reads and writes through the process-wide
// handle (setConnection below), another user of the database than the test's transaction.
const t = setupTestDatabase({ isolation: 'file' });
let server: Server;
let base: string;
let scorecardId: string;
let itemId: string;
let panelistEmail: string; // the scorecard's author
let authorCookie: string; // the author's session
let otherPanelistCookie: string; // another panelist's session

/** A session cookie as Auth.js issues it at sign-in: a server-side session row, its id in the token. */
async function cookieFor(email: string, sessionVersion = 0) {
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  const session = await createAuthSession(t.db, { userId: user!.id });
  const token = { uid: user!.id, sv: sessionVersion, sid: session.id };
  return { cookie: `${COOKIE}=${await encode({ token, secret: SECRET, salt: COOKIE })}`, token };
}

function patch(id: string, body: unknown, cookie?: string) {
  return fetch(`${base}/api/v1/scorecards/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  setConnection(t.connection);
  const loop = await makeInterviewLoop(t.db, { extraPanelists: 1 });
  const [author, other] = loop.panel;
  const opened = await openScorecard(author!.ctx, { interviewId: loop.interviewId });
  scorecardId = opened.scorecard.id;
  itemId = opened.kit.sections[0]!.items[0]!.id;
  panelistEmail = author!.email;
  authorCookie = (await cookieFor(author!.email)).cookie;
  otherPanelistCookie = (await cookieFor(other!.email)).cookie;
  server = createServer(async (request, response) => {
    if (await tryAutosaveFastPath(request, response)) return;
    response.writeHead(599).end('declined'); // where Next.js would take over
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  setConnection(undefined);
});

describe('autosave fast path', () => {
  it('saves on the current revision, refuses a stale one with the current state, and keeps both texts apart', async () => {
    const first = await patch(scorecardId, { baseRevision: 0, notes: { [itemId]: 'Talked through retries with backoff' } }, authorCookie);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('x-frame-options')).toBe('DENY');
    expect(await first.json()).toMatchObject({ revision: 1 });

    const stale = await patch(scorecardId, { baseRevision: 0, notes: { [itemId]: 'A second tab’s text' } }, authorCookie);
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { error: { current: { revision: number; notes: Record<string, string> } } };
    expect(conflict.error.current.revision).toBe(1);
    expect(conflict.error.current.notes[itemId]).toBe('Talked through retries with backoff');
    const [note] = await t.db.select().from(scorecardNotes).where(and(eq(scorecardNotes.scorecardId, scorecardId), eq(scorecardNotes.kitItemId, itemId)));
    expect(note!.body).toBe('Talked through retries with backoff');
  });

  it('answers bad input with 422 naming the field and changes nothing', async () => {
    const notJson = await patch(scorecardId, '{"baseRevision": 1,', authorCookie);
    expect(notJson.status).toBe(422);
    expect(Object.keys(((await notJson.json()) as { error: { fields: object } }).error.fields)).toEqual(['body']);
    const badId = await patch('not-a-uuid', { baseRevision: 1 }, authorCookie);
    expect(badId.status).toBe(422);
    expect(Object.keys(((await badId.json()) as { error: { fields: object } }).error.fields)).toEqual(['scorecardId']);
    const outsideKit = await patch(scorecardId, { baseRevision: 1, notes: { '00000000-0000-4000-8000-000000000000': 'x' } }, authorCookie);
    expect(outsideKit.status).toBe(422);
    const tooLarge = await patch(scorecardId, { baseRevision: 1, summary: 'x'.repeat(1_100_000) }, authorCookie);
    expect(tooLarge.status).toBe(413);
    const ok = await patch(scorecardId, { baseRevision: 1, summary: 'Still at revision 1 before this' }, authorCookie);
    expect(((await ok.json()) as { revision: number }).revision).toBe(2);
  });

  it('is 401 for a forged or outdated session and 404 for someone else’s scorecard', async () => {
    expect((await patch(scorecardId, { baseRevision: 2 }, `${COOKIE}=forged.token.value.x.y`)).status).toBe(401);
    expect((await patch(scorecardId, { baseRevision: 2 }, (await cookieFor(panelistEmail, 7)).cookie)).status).toBe(401); // signed out everywhere
    expect((await patch(scorecardId, { baseRevision: 2 }, otherPanelistCookie)).status).toBe(404);
  });

  it('is 401 on the very next save after sign-out, although the cookie is in the verified-cookie cache', async () => {
    const { cookie, token } = await cookieFor(panelistEmail);
    const saved = await patch(scorecardId, { baseRevision: 2, summary: 'Saved before signing out' }, cookie);
    expect(saved.status).toBe(200); // verified and cached
    await endSessionOnSignOut(t.db, token);
    expect((await patch(scorecardId, { baseRevision: 3, summary: 'After sign-out' }, cookie)).status).toBe(401);
    // A token minted without a server-side session (as before sessions were rows) is refused too.
    const legacy = `${COOKIE}=${await encode({ token: { uid: token.uid, sv: 0 }, secret: SECRET, salt: COOKIE })}`;
    expect((await patch(scorecardId, { baseRevision: 3 }, legacy)).status).toBe(401);
  });

  // The cookie is found and decoded by Auth.js's own getToken: its names and its chunking, no copy of either.
  it('reads the session cookie as Auth.js names and chunks it, and never a Bearer header', async () => {
    const [author] = await t.db.select().from(users).where(eq(users.email, panelistEmail));
    const session = await createAuthSession(t.db, { userId: author!.id });
    const token = { uid: author!.id, sv: 0, sid: session.id };
    const secureName = '__Secure-authjs.session-token'; // Auth.js's name on https
    const secure = `${secureName}=${await encode({ token, secret: SECRET, salt: secureName })}`;
    expect((await patch(scorecardId, { baseRevision: 3, summary: 'From the https cookie' }, secure)).status).toBe(200);
    const value = await encode({ token, secret: SECRET, salt: COOKIE });
    const chunked = `${COOKIE}.0=${value.slice(0, 100)}; ${COOKIE}.1=${value.slice(100)}`;
    expect((await patch(scorecardId, { baseRevision: 4, summary: 'From a chunked cookie' }, chunked)).status).toBe(200);
    // A session token in Authorization (where API keys go) is not a session: Next.js decides.
    const bearer = await fetch(`${base}/api/v1/scorecards/${scorecardId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${value}` },
      body: JSON.stringify({ baseRevision: 5, summary: 'Bearer' }),
    });
    expect(bearer.status).toBe(599);
  });

  it('leaves other requests to Next.js', async () => {
    expect((await patch(scorecardId, { baseRevision: 3 })).status).toBe(599); // no session cookie: Auth.js decides
    expect((await fetch(`${base}/api/v1/scorecards/${scorecardId}`, { headers: { cookie: authorCookie } })).status).toBe(599);
    expect((await patch(`${scorecardId}/submit`, { baseRevision: 3 }, authorCookie)).status).toBe(599);
  });

  // Security review findings 3 and 8 on the fast path: a cross-site `text/plain` write, and a NUL byte.
  it('refuses cross-site and non-JSON writes, and NUL characters, changing nothing', async () => {
    const [before] = await t.db.select().from(scorecardNotes).where(and(eq(scorecardNotes.scorecardId, scorecardId), eq(scorecardNotes.kitItemId, itemId)));
    const send = (headers: Record<string, string>, body: unknown) =>
      fetch(`${base}/api/v1/scorecards/${scorecardId}`, { method: 'PATCH', headers: { cookie: authorCookie, ...headers }, body: JSON.stringify(body) });
    const overwrite = { baseRevision: 2, notes: { [itemId]: 'written by evil.example' } };
    const crossSite = await send({ 'content-type': 'application/json', origin: 'http://evil.example' }, overwrite);
    expect(crossSite.status).toBe(403);
    expect((await send({ 'content-type': 'application/json', 'sec-fetch-site': 'same-site' }, overwrite)).status).toBe(403);
    const textPlain = await send({ 'content-type': 'text/plain' }, overwrite);
    expect(textPlain.status).toBe(415);
    const nul = await send({ 'content-type': 'application/json' }, { baseRevision: 2, notes: { [itemId]: 'nul \u0000 byte' } });
    expect(nul.status).toBe(422);
    expect(Object.keys(((await nul.json()) as { error: { fields: object } }).error.fields)).toEqual([`notes.${itemId}`]);
    expect(nul.headers.get('cache-control')).toBe('no-store');
    const [after] = await t.db.select().from(scorecardNotes).where(and(eq(scorecardNotes.scorecardId, scorecardId), eq(scorecardNotes.kitItemId, itemId)));
    expect(after!.body).toBe(before!.body);
  });
});
