import 'server-only';
// From a session cookie to a domain Ctx without Next.js request APIs, so the same code serves
// pages and route handlers (via ./session.ts) and the autosave fast path of scripts/server.mjs.
// The JWT only says who signed in; the user's session version, memberships and role are read
// from the database on every request, so "sign out everywhere", role changes and removals take
// effect at once.
import { asc, eq } from 'drizzle-orm';
import { decode } from 'next-auth/jwt';
import { type DbExecutor, getDb } from '@/db/client';
import { memberships, organizations, users } from '@/db/schema';
import type { Ctx } from '../context';
import type { OrganizationSummary } from '../orgs/queries';
import type { AccountSummary } from './accounts';

export const ACTIVE_ORG_COOKIE = 'loopkit_org';
export const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

export type LoadedSession = { account: AccountSummary; organizations: OrganizationSummary[] } | null;

export interface RequestContext {
  account: AccountSummary;
  ctx: Ctx | null;
  organizations: OrganizationSummary[];
  activeOrganization: OrganizationSummary | null;
}

/** The live account and its memberships for a token's user, in one query; null if the token is stale. */
export async function loadAccount(db: DbExecutor, userId: string, sessionVersion: number): Promise<LoadedSession> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      sessionVersion: users.sessionVersion,
      organizationId: organizations.id,
      organizationName: organizations.name,
      organizationSlug: organizations.slug,
      role: memberships.role,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(users.id, userId))
    .orderBy(asc(organizations.name));
  const first = rows[0];
  if (!first || first.sessionVersion !== sessionVersion) return null;
  return {
    account: { id: first.id, email: first.email, name: first.name, sessionVersion: first.sessionVersion },
    organizations: rows
      .filter((r) => r.organizationId && r.role)
      .map((r) => ({ id: r.organizationId!, name: r.organizationName!, slug: r.organizationSlug!, role: r.role! })),
  };
}

/**
 * Decrypts and verifies the Auth.js session JWT directly (JWE with an auth tag, expiry checked)
 * instead of running Auth.js's session endpoint, which also re-encrypts a rolled cookie on every
 * call. Returns undefined when there is no plain session cookie (e.g. a chunked one): the caller
 * then asks Auth.js.
 */
export async function sessionFromCookies(db: DbExecutor, cookie: (name: string) => string | undefined, secret: string | undefined): Promise<LoadedSession | undefined> {
  for (const name of SESSION_COOKIES) {
    const value = cookie(name);
    if (!value || !secret) continue;
    const claims = await verifiedClaims(value, secret, name);
    if (!claims) return null;
    return loadAccount(db, claims.uid, claims.sv);
  }
  return undefined;
}

// Tokens already verified, by their exact bytes. A browser sends the same cookie with every
// autosave, and decrypting it (HKDF, AES, HMAC) was most of the fast path's own CPU. Only what
// the token says is kept — user, session version, expiry, re-checked on every hit — and the
// database checks above still run on every request.
const VERIFIED_LIMIT = 5_000;
const verified = new Map<string, { uid: string; sv: number; exp: number }>();

async function verifiedClaims(token: string, secret: string, salt: string): Promise<{ uid: string; sv: number } | null> {
  const key = `${salt}\u0000${secret}\u0000${token}`;
  const hit = verified.get(key);
  if (hit) return hit.exp * 1000 > Date.now() ? hit : null;
  const decoded = await decode({ token, secret, salt }).catch(() => null);
  if (!decoded || typeof decoded.uid !== 'string') return null;
  const claims = { uid: decoded.uid, sv: typeof decoded.sv === 'number' ? decoded.sv : 0, exp: typeof decoded.exp === 'number' ? decoded.exp : 0 };
  if (!claims.exp) return claims; // Auth.js always sets an expiry; without one, never cache
  if (verified.size >= VERIFIED_LIMIT) verified.delete(verified.keys().next().value!);
  verified.set(key, claims);
  return claims;
}

/** The organization chosen by the active-organization cookie (else the first), with the role read just now. */
export function requestContextForOrganization(db: DbExecutor, session: LoadedSession, wantedOrganizationId: string | undefined): RequestContext | null {
  if (!session) return null;
  const { account, organizations } = session;
  const active = organizations.find((o) => o.id === wantedOrganizationId) ?? organizations[0] ?? null;
  if (!active) return { account, ctx: null, organizations, activeOrganization: null };
  // The role comes from the membership row read just now — never from the token.
  return { account, ctx: { db, userId: account.id, organizationId: active.id, role: active.role }, organizations, activeOrganization: active };
}

function parseCookieHeader(header: string | undefined): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) jar.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return jar;
}

/**
 * For servers outside Next.js's request scope (scripts/server.mjs): the request context from a raw
 * Cookie header, or undefined when only Auth.js itself can read the cookies.
 */
export async function requestContextFromCookieHeader(header: string | undefined, secret: string | undefined): Promise<RequestContext | null | undefined> {
  const jar = parseCookieHeader(header);
  const db = getDb();
  const session = await sessionFromCookies(db, (name) => jar.get(name), secret);
  if (session === undefined) return undefined;
  return requestContextForOrganization(db, session, jar.get(ACTIVE_ORG_COOKIE));
}
