// Brute-force protection for sign-in, kept in Postgres so that every app instance shares the
// counters. Failures are counted over a sliding window per account (email), per client IP (when
// it is known; see ./client-ip.ts) and across everything (so spraying one password over many
// accounts from many addresses is throttled too). Attempts refused because a lock was already on
// are recorded as refused and never counted: otherwise anyone could keep an account locked for
// ever by retrying, whereas now a lock ends one window after the failures that caused it.
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { loginAttempts } from '@/db/schema';

export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;
/** How long login_attempts rows are kept (pruneLoginAttempts); far longer than any window. */
export const LOGIN_ATTEMPT_RETENTION_HOURS = 24;

export interface SignInLimits {
  /** Failures across all accounts and addresses per window (env SIGN_IN_GLOBAL_MAX_FAILURES). */
  maxGlobalFailures: number;
}

export type SignInLock = 'account' | 'ip' | 'global' | null;

/** Which limit, if any, refuses a sign-in for this email and IP right now. One query. */
export async function signInLock(db: DbExecutor, email: string, ip: string | null, limits: SignInLimits, now = new Date()): Promise<SignInLock> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const [row] = await db
    .select({
      byEmail: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email})`.mapWith(Number),
      byIp: ip === null ? sql<number>`0`.mapWith(Number) : sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})`.mapWith(Number),
      total: sql<number>`count(*)`.mapWith(Number),
    })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.succeeded, false), eq(loginAttempts.refused, false), gt(loginAttempts.createdAt, since)));
  if ((row?.byEmail ?? 0) >= MAX_FAILURES_PER_ACCOUNT) return 'account';
  if ((row?.byIp ?? 0) >= MAX_FAILURES_PER_IP) return 'ip';
  if ((row?.total ?? 0) >= limits.maxGlobalFailures) return 'global';
  return null;
}

export async function recordSignInAttempt(
  db: DbExecutor,
  attempt: { email: string; ip: string | null; outcome: 'succeeded' | 'failed' | 'refused' },
): Promise<void> {
  await db.insert(loginAttempts).values({
    email: attempt.email,
    ip: attempt.ip,
    succeeded: attempt.outcome === 'succeeded',
    refused: attempt.outcome === 'refused',
  });
}

/** Deletes attempts older than the retention period; returns how many. For a scheduled job. */
export async function pruneLoginAttempts(db: DbExecutor, now: Date): Promise<number> {
  const before = new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_HOURS * 3_600_000);
  const deleted = await db.delete(loginAttempts).where(lt(loginAttempts.createdAt, before)).returning({ id: loginAttempts.id });
  return deleted.length;
}

/** A password reset proves the mailbox: the account's failed sign-ins no longer lock it. */
export async function clearSignInFailures(db: DbExecutor, email: string): Promise<void> {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false)));
}
