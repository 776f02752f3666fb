import 'server-only';
// Turns the Auth.js session cookie into a domain Ctx. The JWT only says who signed in; the
// user's session version, membership and role are read from the database on every request,
// so "sign out everywhere", role changes and removals take effect immediately.
import { asc, eq } from 'drizzle-orm';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { memberships, organizations, users } from '@/db/schema';
import type { BaseCtx, Ctx } from '../context';
import { env } from '../env';
import type { OrganizationSummary } from '../orgs/queries';
import type { AccountSummary } from './accounts';
import { auth } from './index';

export const ACTIVE_ORG_COOKIE = 'loopkit_org';

type LoadedSession = { account: AccountSummary; organizations: OrganizationSummary[] } | null;

/** The live account and its memberships for a token's user, in one query; null if the token is stale. */
async function loadAccount(userId: string, sessionVersion: number): Promise<LoadedSession> {
  const rows = await getDb()
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

/** Pages: Auth.js reads (and rolls) the session cookie. */
const loadSession = cache(async (): Promise<LoadedSession> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadAccount(userId, (session as { sessionVersion?: number }).sessionVersion ?? 0);
});

const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];

/**
 * The API's hot path (autosave): decrypt and verify the session JWT directly instead of running
 * Auth.js's session endpoint, which also re-encrypts a rolled cookie on every call. The token is
 * still authenticated (JWE with an auth tag, expiry checked) and the user, session version and
 * memberships are still read from the database. Chunked or unusual cookies fall back to Auth.js.
 */
const loadApiSession = cache(async (): Promise<LoadedSession> => {
  const jar = await cookies();
  const secret = env().AUTH_SECRET;
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (!value || !secret) continue;
    const token = await decode({ token: value, secret, salt: name }).catch(() => null);
    if (!token || typeof token.uid !== 'string') return null;
    return loadAccount(token.uid, typeof token.sv === 'number' ? token.sv : 0);
  }
  return loadSession();
});

export const getCurrentAccount = cache(async (): Promise<AccountSummary | null> => (await loadSession())?.account ?? null);

export interface RequestContext {
  account: AccountSummary;
  ctx: Ctx | null;
  organizations: OrganizationSummary[];
  activeOrganization: OrganizationSummary | null;
}

async function requestContextFrom(session: LoadedSession): Promise<RequestContext | null> {
  if (!session) return null;
  const { account, organizations } = session;
  const db = getDb();
  const wanted = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  const active = organizations.find((o) => o.id === wanted) ?? organizations[0] ?? null;
  if (!active) return { account, ctx: null, organizations, activeOrganization: null };
  // The role comes from the membership row read just now — never from the token.
  return { account, ctx: { db, userId: account.id, organizationId: active.id, role: active.role }, organizations, activeOrganization: active };
}

export const getRequestContext = cache(async (): Promise<RequestContext | null> => requestContextFrom(await loadSession()));

/** The same context for REST route handlers, on the fast token path. */
export const getApiRequestContext = cache(async (): Promise<RequestContext | null> => requestContextFrom(await loadApiSession()));

/** Context for flows that run before anyone is a member (sign-up, invitations). */
export function anonymousContext(): BaseCtx {
  return { db: getDb() };
}
