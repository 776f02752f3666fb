import 'server-only';
// Accounts: sign-up (user + first organization + admin membership, atomically), password
// sign-in with lock-out, password change, and "sign out everywhere".
import { eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import type { AccountCtx, BaseCtx } from '../context';
import { users } from '@/db/schema';
import { recordAudit } from '../audit';
import { env } from '../env';
import { ForbiddenError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from '../errors';
import { passwordSignInDisabledFor } from '../sso/flow';
import { SSO_REQUIRED_MESSAGE } from '../sso/schemas';
import { insertOrganizationWithAdmin } from '../orgs/founding';
import { parseInput } from '../validation';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { recordSignInAttempt, SIGN_IN_WINDOW_MINUTES, type SignInLimits, signInLock } from './rate-limit';
import { ChangePasswordInput, SignInInput, SignUpInput } from './schemas';
import { revokeUserSessions } from './sessions';
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
    const org = await insertOrganizationWithAdmin(tx, { name: data.organizationName, adminUserId: user.id });
    await recordAudit(tx, { organizationId: null, actorUserId: user.id, action: 'user.signed_up', entityType: 'user', entityId: user.id });
    // The account works right away; only accepting invitations waits for the verified address.
    await sendVerificationEmail(tx, user);
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
 * take the same time; too many failures lock the account, the IP (when known: `ip` is null when
 * no trusted proxy vouched for it) or, across all accounts, sign-in as a whole for the window.
 * A hash made with older argon2 parameters is upgraded on success. When the address's domain
 * belongs to an organization that turned password sign-in off, the password is not even checked
 * (ForbiddenError pointing to single sign-on).
 */
export async function authenticateWithPassword(
  { db }: BaseCtx,
  input: { email: unknown; password: unknown; ip: string | null },
  limits: SignInLimits = { maxGlobalFailures: env().SIGN_IN_GLOBAL_MAX_FAILURES },
): Promise<AccountSummary> {
  const { email, password } = parseInput(SignInInput, { email: input.email, password: input.password });
  const ip = input.ip?.slice(0, 64) || null;
  if (await passwordSignInDisabledFor(db, email)) throw new ForbiddenError(SSO_REQUIRED_MESSAGE);
  if (await signInLock(db, email, ip, limits)) {
    // Recorded as refused, never counted: retrying cannot extend the lock.
    await recordSignInAttempt(db, { email, ip, outcome: 'refused' });
    throw new RateLimitedError(LOCKED_MESSAGE, SIGN_IN_WINDOW_MINUTES * 60);
  }
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash, password);
  await recordSignInAttempt(db, { email, ip, outcome: ok ? 'succeeded' : 'failed' });
  if (!ok || !user) throw new UnauthenticatedError(INVALID_CREDENTIALS_MESSAGE);
  if (user.passwordHash && needsRehash(user.passwordHash)) {
    // Only the hash we just verified is replaced, so a concurrent password change wins.
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(sql`${users.id} = ${user.id} and ${users.passwordHash} = ${user.passwordHash}`);
  }
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/**
 * Changes the signed-in user's password: the current one must be right (a wrong one counts as a
 * failed sign-in, so a stolen session cannot guess it freely), the new one follows sign-up's
 * rules, and every other session of the user ends. The audit event holds no values.
 */
export async function changePassword(ctx: AccountCtx, input: unknown): Promise<{ endedSessions: number }> {
  const data = parseInput(ChangePasswordInput, input);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.userId)).limit(1);
  if (!user) throw new NotFoundError('Account');
  const email = user.email.toLowerCase();
  if (await signInLock(ctx.db, email, null, { maxGlobalFailures: env().SIGN_IN_GLOBAL_MAX_FAILURES })) {
    await recordSignInAttempt(ctx.db, { email, ip: null, outcome: 'refused' });
    throw new RateLimitedError(LOCKED_MESSAGE, SIGN_IN_WINDOW_MINUTES * 60);
  }
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, data.currentPassword))) {
    await recordSignInAttempt(ctx.db, { email, ip: null, outcome: 'failed' });
    throw ValidationError.field('currentPassword', 'This is not your current password');
  }
  const passwordHash = await hashPassword(data.newPassword);
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, ctx.userId));
    const endedSessions = await revokeUserSessions(tx, ctx.userId, ctx.sessionId);
    await recordAudit(tx, {
      organizationId: null,
      actorUserId: ctx.userId,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: ctx.userId,
      data: { endedSessions },
    });
    return { endedSessions };
  });
}

/**
 * Ends every session of the user: tokens carry the old version and are refused, and the session
 * rows are revoked so the sessions page agrees.
 */
export async function signOutEverywhere({ db }: BaseCtx, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await revokeUserSessions(tx, userId, null);
    await recordAudit(tx, { organizationId: null, actorUserId: userId, action: 'user.signed_out_everywhere', entityType: 'user', entityId: userId });
  });
}
