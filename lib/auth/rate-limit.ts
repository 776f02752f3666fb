// Brute-force protection for sign-in, kept in Postgres so that every app instance shares the
// counters. Failures are counted per account (email) and per client IP over a sliding window.
import { and, count, eq, gt } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { loginAttempts } from '@/db/schema';

export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export async function isSignInLocked(db: DbExecutor, email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const [byEmail, byIp] = await Promise.all([
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since))),
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since))),
  ]);
  return (byEmail[0]?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT || (byIp[0]?.n ?? 0) >= MAX_FAILURES_PER_IP;
}

export async function recordSignInAttempt(db: DbExecutor, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.insert(loginAttempts).values({ email, ip, succeeded });
}

/** A password reset proves the mailbox: the account's failed sign-ins no longer lock it. */
export async function clearSignInFailures(db: DbExecutor, email: string): Promise<void> {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false)));
}
