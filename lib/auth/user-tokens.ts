import 'server-only';
// Single-use links for one account: password reset (1 hour) and e-mail verification (24 hours).
// The token is 256 random bits shown only in the e-mail; the database keeps its SHA-256, so a
// leaked table cannot be turned into working links. The throttle below guards the "send me a
// link" forms per address (hashed) and per IP.
import { and, count, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { DbExecutor } from '@/db/client';
import { accountEmailRequests, type UserToken, userTokens } from '@/db/schema';
import { RateLimitedError } from '../errors';

export type UserTokenPurpose = UserToken['purpose'];

export const TOKEN_TTL_MS: Record<UserTokenPurpose, number> = {
  password_reset: 60 * 60_000,
  email_verification: 24 * 60 * 60_000,
};

export function hashToken(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Issues a token and retires the user's earlier unused ones for the same purpose. */
export async function issueUserToken(
  db: DbExecutor,
  input: { userId: string; purpose: UserTokenPurpose; invitationId?: string | null },
): Promise<string> {
  const now = new Date();
  await retireUserTokens(db, input.userId, input.purpose);
  const token = randomBytes(32).toString('base64url');
  await db.insert(userTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: hashToken(token),
    invitationId: input.invitationId ?? null,
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[input.purpose]),
  });
  return token;
}

/** Uses up every open token of the user for the purpose (after a reset, or before a new link). */
export async function retireUserTokens(db: DbExecutor, userId: string, purpose: UserTokenPurpose): Promise<void> {
  await db
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
}

export type TokenState = 'valid' | 'invalid' | 'expired' | 'used';

export const TOKEN_STATE_MESSAGES: Record<Exclude<TokenState, 'valid'>, string> = {
  invalid: 'This link is not valid. It may have been copied incompletely, or a newer link replaced it.',
  expired: 'This link has expired.',
  used: 'This link has already been used.',
};

/** The token's row and what it is good for; `lock` takes the row for the rest of the transaction. */
export async function findUserToken(
  db: DbExecutor,
  purpose: UserTokenPurpose,
  token: string,
  options: { lock?: boolean } = {},
): Promise<{ state: TokenState; row?: UserToken }> {
  const query = db
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, purpose)))
    .limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) return { state: 'invalid' };
  if (row.usedAt) return { state: 'used', row };
  if (row.expiresAt.getTime() <= Date.now()) return { state: 'expired', row };
  return { state: 'valid', row };
}

export const EMAIL_REQUEST_WINDOW_MINUTES = 60;
export const MAX_EMAIL_REQUESTS_PER_ADDRESS = 3;
export const MAX_EMAIL_REQUESTS_PER_IP = 10;

/**
 * Counts and records a "send me a link" request. Requests for unknown addresses count exactly
 * like real ones, so being throttled says nothing about whether an account exists.
 */
export async function throttleEmailRequest(db: DbExecutor, input: { kind: string; email: string; ip: string | null }): Promise<void> {
  const emailHash = hashToken(input.email.trim().toLowerCase());
  // Without a trusted client address (lib/auth/client-ip.ts) only the per-address limit applies:
  // one shared 'unknown' bucket would let anyone use up everybody's requests.
  const ip = input.ip?.slice(0, 64) || 'unknown';
  const since = new Date(Date.now() - EMAIL_REQUEST_WINDOW_MINUTES * 60_000);
  const [[byEmail], [byIp]] = await Promise.all([
    db
      .select({ n: count() })
      .from(accountEmailRequests)
      .where(and(eq(accountEmailRequests.kind, input.kind), eq(accountEmailRequests.emailHash, emailHash), gt(accountEmailRequests.createdAt, since))),
    db
      .select({ n: count() })
      .from(accountEmailRequests)
      .where(and(eq(accountEmailRequests.kind, input.kind), eq(accountEmailRequests.ip, ip), gt(accountEmailRequests.createdAt, since))),
  ]);
  if ((byEmail?.n ?? 0) >= MAX_EMAIL_REQUESTS_PER_ADDRESS || (input.ip !== null && (byIp?.n ?? 0) >= MAX_EMAIL_REQUESTS_PER_IP)) {
    throw new RateLimitedError(`Too many requests. Try again in ${EMAIL_REQUEST_WINDOW_MINUTES} minutes.`, EMAIL_REQUEST_WINDOW_MINUTES * 60);
  }
  await db.insert(accountEmailRequests).values({ kind: input.kind, emailHash, ip });
}

/** Daily job: used or expired links and old throttle rows serve no purpose after a week / a day. */
export async function pruneAccountEmailRecords(db: DbExecutor): Promise<void> {
  const weekAgo = new Date(Date.now() - 7 * 86_400_000);
  await db.delete(userTokens).where(or(lt(userTokens.expiresAt, weekAgo), lt(userTokens.usedAt, weekAgo)));
  await db.delete(accountEmailRequests).where(lt(accountEmailRequests.createdAt, new Date(Date.now() - 86_400_000)));
}
