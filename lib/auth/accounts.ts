import 'server-only';
// Accounts: sign-up (user + first organization + admin membership, atomically), password
// sign-in with lock-out, and "sign out everywhere".
import { eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import type { BaseCtx } from '../context';
import { memberships, organizations, users } from '@/db/schema';
import { recordAudit } from '../audit';
import { RateLimitedError, UnauthenticatedError, ValidationError } from '../errors';
import { uniqueOrganizationSlug } from '../orgs/slug';
import { parseInput } from '../validation';
import { hashPassword, verifyPassword } from './password';
import { isSignInLocked, recordSignInAttempt, SIGN_IN_WINDOW_MINUTES } from './rate-limit';
import { SignInInput, SignUpInput } from './schemas';
import { sendVerificationEmail } from './verification';

export interface AccountSummary {
  id: string;
  email: string;
  name: string | null;
  sessionVersion: number;
}

export async function findUserByEmail(db: DbExecutor, email: string) {
  const rows = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return rows[0];
}

/** Creates a user, their organization and their admin membership in one transaction. */
export async function signUp({ db }: BaseCtx, input: unknown): Promise<{ user: AccountSummary; organizationId: string }> {
  const data = parseInput(SignUpInput, input);
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, data.email)) {
      throw ValidationError.field('email', 'An account with this email already exists — sign in instead');
    }
    const [user] = await tx.insert(users).values({ name: data.name, email: data.email, passwordHash }).returning();
    if (!user) throw new Error('insert returned no user');
    const [org] = await tx
      .insert(organizations)
      .values({ name: data.organizationName, slug: await uniqueOrganizationSlug(tx, data.organizationName) })
      .returning();
    if (!org) throw new Error('insert returned no organization');
    await tx.insert(memberships).values({ organizationId: org.id, userId: user.id, role: 'admin' });
    await recordAudit(tx, { organizationId: null, actorUserId: user.id, action: 'user.signed_up', entityType: 'user', entityId: user.id });
    // The account works right away; only accepting invitations waits for the verified address.
    await sendVerificationEmail(tx, user);
    await recordAudit(tx, {
      organizationId: org.id,
      actorUserId: user.id,
      action: 'organization.created',
      entityType: 'organization',
      entityId: org.id,
      data: { name: org.name },
    });
    return { user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion }, organizationId: org.id };
  });
}

/** Creates a user without an organization (used when accepting an invitation). */
export async function createUserWithPassword(
  db: DbExecutor,
  input: { name: string; email: string; password: string },
): Promise<AccountSummary> {
  if (await findUserByEmail(db, input.email)) {
    throw ValidationError.field('email', 'An account with this email already exists — sign in instead');
  }
  const passwordHash = await hashPassword(input.password);
  const [user] = await db.insert(users).values({ name: input.name, email: input.email, passwordHash }).returning();
  if (!user) throw new Error('insert returned no user');
  await recordAudit(db, { organizationId: null, actorUserId: user.id, action: 'user.signed_up', entityType: 'user', entityId: user.id });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export const INVALID_CREDENTIALS_MESSAGE = 'Email or password is incorrect';
export const LOCKED_MESSAGE = `Too many failed attempts. Try again in ${SIGN_IN_WINDOW_MINUTES} minutes.`;

/**
 * Checks an email and password. A wrong password and an unknown email give the same error and
 * take the same time; too many failures lock the account and the IP for the window.
 */
export async function authenticateWithPassword(
  { db }: BaseCtx,
  input: { email: unknown; password: unknown; ip: string },
): Promise<AccountSummary> {
  const { email, password } = parseInput(SignInInput, { email: input.email, password: input.password });
  const ip = input.ip.slice(0, 64) || 'unknown';
  if (await isSignInLocked(db, email, ip)) {
    await recordSignInAttempt(db, email, ip, false);
    throw new RateLimitedError(LOCKED_MESSAGE, SIGN_IN_WINDOW_MINUTES * 60);
  }
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash, password);
  await recordSignInAttempt(db, email, ip, ok);
  if (!ok || !user) throw new UnauthenticatedError(INVALID_CREDENTIALS_MESSAGE);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/** Invalidates every session of the user: tokens carry the old version and are refused. */
export async function signOutEverywhere({ db }: BaseCtx, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await recordAudit(tx, { organizationId: null, actorUserId: userId, action: 'user.signed_out_everywhere', entityType: 'user', entityId: userId });
  });
}

/** The live account for a session token, or undefined when the token is no longer valid. */
export async function getActiveAccount(db: DbExecutor, userId: string, sessionVersion: number): Promise<AccountSummary | undefined> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user || user.sessionVersion !== sessionVersion) return undefined;
  return user;
}
