import 'server-only';
// Turns the Auth.js session cookie into a domain Ctx for pages and route handlers, once per
// request (React cache). The token and database checks live in ./token-session.ts.
import { cookies, headers } from 'next/headers';
import type { Session } from 'next-auth';
import { cache } from 'react';
import { getDb } from '@/db/client';
import type { AccountCtx, BaseCtx } from '../context';
import { env } from '../env';
import type { AccountSummary } from './accounts';
import { auth } from './index';
import { ACTIVE_ORG_COOKIE, loadAccount, type LoadedSession, type RequestContext, requestContextForOrganization, sessionFromCookies } from './token-session';

export { ACTIVE_ORG_COOKIE, type RequestContext };

/** Pages: Auth.js reads (and rolls) the session cookie. */
const loadSession = cache(async (): Promise<LoadedSession> => {
  // Auth.js's Session type does not know the fields our jwt callback adds.
  const session: (Session & { sessionVersion?: number; sessionId?: string }) | null = await auth();
  const userId = session?.user?.id;
  if (!userId || !session.sessionId) return null;
  return loadAccount(getDb(), { uid: userId, sv: session.sessionVersion ?? 0, sid: session.sessionId });
});

/**
 * The API's hot path (autosave): decrypt and verify the session JWT directly instead of running
 * Auth.js's session endpoint, which also re-encrypts a rolled cookie on every call (see
 * ./token-session.ts). Chunked or unusual cookies fall back to Auth.js.
 */
const loadApiSession = cache(async (): Promise<LoadedSession> => {
  const fromToken = await sessionFromCookies(getDb(), (await headers()).get('cookie'), env().AUTH_SECRET);
  return fromToken === undefined ? loadSession() : fromToken;
});

export const getCurrentAccount = cache(async (): Promise<AccountSummary | null> => (await loadSession())?.account ?? null);

/** Account-level context (sessions, password) for the signed-in user, or null. */
export const getAccountContext = cache(async (): Promise<AccountCtx | null> => {
  const session = await loadSession();
  return session ? { db: getDb(), userId: session.account.id, sessionId: session.sessionId } : null;
});

async function requestContextFrom(session: LoadedSession): Promise<RequestContext | null> {
  return requestContextForOrganization(getDb(), session, (await cookies()).get(ACTIVE_ORG_COOKIE)?.value);
}

export const getRequestContext = cache(async (): Promise<RequestContext | null> => requestContextFrom(await loadSession()));

/** The same context for REST route handlers, on the fast token path. */
export const getApiRequestContext = cache(async (): Promise<RequestContext | null> => requestContextFrom(await loadApiSession()));

/** Context for flows that run before anyone is a member (sign-up, invitations). */
export function anonymousContext(): BaseCtx {
  return { db: getDb() };
}
