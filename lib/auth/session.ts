import 'server-only';
// Turns the Auth.js session cookie into a domain Ctx. The JWT only says who signed in; the
// user's session version, membership and role are read from the database on every request,
// so "sign out everywhere", role changes and removals take effect immediately.
import { asc, eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { memberships, organizations, users } from '@/db/schema';
import type { BaseCtx, Ctx } from '../context';
import type { OrganizationSummary } from '../orgs/queries';
import type { AccountSummary } from './accounts';
import { auth } from './index';

export const ACTIVE_ORG_COOKIE = 'loopkit_org';

/** The live account and its memberships for the session token, in one query; null if the token is stale. */
const loadSession = cache(async (): Promise<{ account: AccountSummary; organizations: OrganizationSummary[] } | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const sessionVersion = (session as { sessionVersion?: number }).sessionVersion ?? 0;
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
});

export const getCurrentAccount = cache(async (): Promise<AccountSummary | null> => (await loadSession())?.account ?? null);

export interface RequestContext {
  account: AccountSummary;
  ctx: Ctx | null;
  organizations: OrganizationSummary[];
  activeOrganization: OrganizationSummary | null;
}

export const getRequestContext = cache(async (): Promise<RequestContext | null> => {
  const session = await loadSession();
  if (!session) return null;
  const { account, organizations } = session;
  const db = getDb();
  const wanted = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  const active = organizations.find((o) => o.id === wanted) ?? organizations[0] ?? null;
  if (!active) return { account, ctx: null, organizations, activeOrganization: null };
  // The role comes from the membership row read just now — never from the token.
  return { account, ctx: { db, userId: account.id, organizationId: active.id, role: active.role }, organizations, activeOrganization: active };
});

/** Context for flows that run before anyone is a member (sign-up, invitations). */
export function anonymousContext(): BaseCtx {
  return { db: getDb() };
}
