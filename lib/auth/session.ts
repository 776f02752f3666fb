import 'server-only';
// Turns the Auth.js session cookie into a domain Ctx. The JWT only says who signed in; the
// user's session version, membership and role are read from the database on every request,
// so "sign out everywhere", role changes and removals take effect immediately.
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import type { BaseCtx, Ctx } from '../context';
import { listOrganizationsForUser, type OrganizationSummary } from '../orgs/queries';
import { type AccountSummary, getActiveAccount } from './accounts';
import { auth } from './index';

export const ACTIVE_ORG_COOKIE = 'loopkit_org';

export const getCurrentAccount = cache(async (): Promise<AccountSummary | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const sessionVersion = (session as { sessionVersion?: number }).sessionVersion ?? 0;
  return (await getActiveAccount(getDb(), userId, sessionVersion)) ?? null;
});

export interface RequestContext {
  account: AccountSummary;
  ctx: Ctx | null;
  organizations: OrganizationSummary[];
  activeOrganization: OrganizationSummary | null;
}

export const getRequestContext = cache(async (): Promise<RequestContext | null> => {
  const account = await getCurrentAccount();
  if (!account) return null;
  const db = getDb();
  const organizations = await listOrganizationsForUser(db, account.id);
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
