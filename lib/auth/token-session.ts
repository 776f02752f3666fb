import 'server-only';
// From a session cookie to a domain Ctx without Next.js request APIs, so the same code serves
// pages and route handlers (via ./session.ts) and the autosave fast path of scripts/server.mjs.
// The JWT only says who signed in and which server-side session (`sid`) it belongs to; that
// session's row, the user's session version, memberships and role are read from the database on
// every request, in one query, so signing out, "sign out everywhere", ending a session elsewhere,
// role changes and removals take effect at once.
import { and, eq, sql } from 'drizzle-orm';
import { decode, getToken, type JWTDecodeParams } from 'next-auth/jwt';
import { type DbExecutor, getDb } from '@/db/client';
import { authSessions, memberships, organizations, users } from '@/db/schema';
import type { Ctx } from '../context';
import { compiledStatement } from '../sql';
import type { OrganizationSummary } from '../orgs/queries';
import type { AccountSummary } from './accounts';
import type { Role } from './permissions';
import { isUuid, liveSessionCondition, SESSION_TOUCH_INTERVAL_MS, touchAuthSession } from './sessions';

export const ACTIVE_ORG_COOKIE = 'loopkit_org';

export type LoadedSession = { account: AccountSummary; sessionId: string; organizations: OrganizationSummary[] } | null;

/** What a session JWT says: the user, their session version when it was issued, the session row. */
export type SessionClaims = {
  uid: string;
  sv: number;
  sid: string;
};

export interface RequestContext {
  account: AccountSummary;
  /** auth_sessions.id of this request's session ("this session" on the sessions page). */
  sessionId: string;
  ctx: Ctx | null;
  organizations: OrganizationSummary[];
  activeOrganization: OrganizationSummary | null;
}

type AccountRow = {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  lastSeenAt: string | Date;
  organizationId: string | null;
  organizationName: string | null;
  organizationSlug: string | null;
  role: Role | null;
};

// Runs on every request, autosave included, so it is compiled once (compiledStatement).
const accountRows = compiledStatement<AccountRow>(sql`
  select ${users.id} as "id", ${users.email} as "email", ${users.name} as "name", ${users.sessionVersion} as "sessionVersion",
         ${authSessions.lastSeenAt} as "lastSeenAt", ${organizations.id} as "organizationId", ${organizations.name} as "organizationName",
         ${organizations.slug} as "organizationSlug", ${memberships.role} as "role"
  from ${users}
  join ${authSessions} on ${and(eq(authSessions.id, sql.placeholder('sessionId')), eq(authSessions.userId, users.id), liveSessionCondition(sql.placeholder('now')))}
  left join ${memberships} on ${eq(memberships.userId, users.id)}
  left join ${organizations} on ${eq(organizations.id, memberships.organizationId)}
  where ${eq(users.id, sql.placeholder('userId'))}
  order by ${organizations.name} asc`);

/**
 * The live account and its memberships for a token, in one query: no row unless the token's
 * session exists, belongs to the user, is not revoked and is before its absolute expiry; null if
 * the token is stale in any of these ways or carries an older session version.
 */
export async function loadAccount(db: DbExecutor, claims: SessionClaims, now = new Date()): Promise<LoadedSession> {
  // Tokens from before server-side sessions carry no sid: they cannot be revoked, so refuse them.
  if (!isUuid(claims.uid) || !isUuid(claims.sid)) return null;
  const rows = await accountRows(db, { userId: claims.uid, sessionId: claims.sid, now: now.toISOString() });
  const first = rows[0];
  if (!first || first.sessionVersion !== claims.sv) return null;
  // A second round trip only about once a minute per session, never on every autosave.
  if (now.getTime() - new Date(first.lastSeenAt).getTime() >= SESSION_TOUCH_INTERVAL_MS) await touchAuthSession(db, claims.sid, now);
  return {
    account: { id: first.id, email: first.email, name: first.name, sessionVersion: first.sessionVersion },
    sessionId: claims.sid,
    organizations: rows
      .filter((r) => r.organizationId && r.role)
      .map((r) => ({ id: r.organizationId!, name: r.organizationName!, slug: r.organizationSlug!, role: r.role! })),
  };
}

/**
 * Decrypts and verifies the Auth.js session JWT directly (JWE with an auth tag, expiry checked)
 * instead of running Auth.js's session endpoint, which also re-encrypts a rolled cookie on every
 * call. Auth.js's own getToken finds the cookie — its names (`__Secure-` on https), chunked
 * cookies — and decodes it with its own `decode`, behind the verified-cookie cache below; only the
 * Cookie header is passed, so an API key's Authorization header is never read as a session.
 * Returns undefined when there is no session cookie at all (the caller then asks Auth.js).
 */
export async function sessionFromCookies(db: DbExecutor, cookieHeader: string | null | undefined, secret: string | undefined): Promise<LoadedSession | undefined> {
  if (!cookieHeader || !secret) return undefined;
  const key = `${secret}\u0000${cookieHeader}`;
  const hit = verified.get(key);
  if (hit) return hit.exp * 1000 > Date.now() ? loadAccount(db, hit) : null;
  const req = { headers: { cookie: cookieHeader } };
  for (const secureCookie of [true, false]) {
    let present = false;
    const claims = (await getToken({
      req,
      secret,
      secureCookie,
      logger: { error: () => {}, warn: () => {}, debug: () => {} },
      decode: (params) => ((present = true), claimsOf(params)),
    })) as (SessionClaims & { exp: number }) | null;
    if (!present) continue;
    if (claims?.exp) remember(key, claims); // Auth.js always sets an expiry; without one, never cache
    return claims ? loadAccount(db, claims) : null;
  }
  return undefined;
}

// Cookie headers already verified, by their exact text. A browser sends the same Cookie header
// with every autosave, and finding and decrypting the token in it (cookie parsing, HKDF, AES,
// HMAC) was most of the fast path's own CPU. Only what the token says is kept — user, session
// version, session id, expiry, re-checked on every hit — and the database checks above (session
// row included) still run on every request, so a revoked session is refused on its next request
// even with its cookie in this cache.
const VERIFIED_LIMIT = 5_000;
const verified = new Map<string, SessionClaims & { exp: number }>();

function remember(key: string, claims: SessionClaims & { exp: number }) {
  if (verified.size >= VERIFIED_LIMIT) verified.delete(verified.keys().next().value!);
  verified.set(key, claims);
}

async function claimsOf({ token, secret, salt }: JWTDecodeParams): Promise<(SessionClaims & { exp: number }) | null> {
  if (!token) return null;
  const decoded = await decode({ token, secret, salt }).catch(() => null);
  if (!decoded || typeof decoded.uid !== 'string' || typeof decoded.sid !== 'string') return null;
  return { uid: decoded.uid, sv: typeof decoded.sv === 'number' ? decoded.sv : 0, sid: decoded.sid, exp: typeof decoded.exp === 'number' ? decoded.exp : 0 };
}

/** The organization chosen by the active-organization cookie (else the first), with the role read just now. */
export function requestContextForOrganization(db: DbExecutor, session: LoadedSession, wantedOrganizationId: string | undefined): RequestContext | null {
  if (!session) return null;
  const { account, sessionId, organizations } = session;
  const active = organizations.find((o) => o.id === wantedOrganizationId) ?? organizations[0] ?? null;
  if (!active) return { account, sessionId, ctx: null, organizations, activeOrganization: null };
  // The role comes from the membership row read just now — never from the token.
  return { account, sessionId, ctx: { db, userId: account.id, organizationId: active.id, role: active.role }, organizations, activeOrganization: active };
}

/** Our own active-organization cookie from a raw Cookie header (Auth.js's cookies are read by Auth.js, above). */
function activeOrganizationCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === ACTIVE_ORG_COOKIE) return part.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * For servers outside Next.js's request scope (scripts/server.mjs): the request context from a raw
 * Cookie header, or undefined when only Auth.js itself can read the cookies.
 */
export async function requestContextFromCookieHeader(header: string | undefined, secret: string | undefined): Promise<RequestContext | null | undefined> {
  const db = getDb();
  const session = await sessionFromCookies(db, header, secret);
  if (session === undefined) return undefined;
  return requestContextForOrganization(db, session, activeOrganizationCookie(header));
}
