// Factories with random suffixes so tests sharing a database never collide.
import { randomBytes } from 'node:crypto';
import type { Database } from '@/db/client';
import { eq } from 'drizzle-orm';
import { memberships, users } from '@/db/schema';
import { createUserWithPassword, signUp } from '@/lib/auth/accounts';
import type { Role } from '@/lib/auth/permissions';
import { createAuthSession } from '@/lib/auth/sessions';
import { loadAccount } from '@/lib/auth/token-session';
import type { Ctx } from '@/lib/context';

export const PASSWORD = 'correct horse battery';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${randomBytes(4).toString('hex')}@example.test`;
}

/** A new organization with its admin; returns the admin's ctx. */
export async function createOrgWithAdmin(db: Database, name = `Org ${randomBytes(3).toString('hex')}`) {
  const email = uniqueEmail('admin');
  const { user, organizationId } = await signUp({ db }, { name: 'Ada Admin', email, password: PASSWORD, organizationName: name });
  await markVerified(db, user.id);
  const ctx: Ctx = { db, userId: user.id, organizationId, role: 'admin' };
  return { ctx, user, organizationId, email };
}

/** Adds a new user to an organization with a role; returns their ctx. */
export async function addMember(db: Database, organizationId: string, role: Role) {
  const email = uniqueEmail(role);
  const user = await createUserWithPassword(db, { name: `${role} person`, email, password: PASSWORD });
  await markVerified(db, user.id);
  const [membership] = await db.insert(memberships).values({ organizationId, userId: user.id, role }).returning();
  const ctx: Ctx = { db, userId: user.id, organizationId, role };
  return { ctx, user, membership: membership!, email };
}

/** Factories' people have confirmed their address, like the demo users (see lib/auth/verification.ts). */
export async function markVerified(db: Database, userId: string): Promise<void> {
  await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, userId));
}

/** The organizations a user's session lists (the switcher's), read as a request reads them: through a live session. */
export async function sessionOrganizations(db: Database, userId: string) {
  const [user] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
  const session = await createAuthSession(db, { userId });
  const loaded = await loadAccount(db, { uid: userId, sv: user!.sessionVersion, sid: session.id });
  if (!loaded) throw new Error('a fresh session did not load');
  return loaded.organizations;
}
