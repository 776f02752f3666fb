import 'server-only';
// Server-side sessions (auth_sessions). Every sign-in creates a row and the session JWT carries
// its id (`sid`); ./token-session.ts honours a token only while its row is live, so signing out,
// ending a session from another device, a password change and the absolute lifetime all take
// effect on the next request, whatever copies of the cookie exist.
import { and, desc, eq, gt, isNotNull, isNull, lt, ne, or, type Placeholder } from 'drizzle-orm';
import { z } from 'zod';
import type { DbExecutor } from '@/db/client';
import { authSessions } from '@/db/schema';
import { recordAudit } from '../audit';
import type { AccountCtx } from '../context';
import { env } from '../env';
import { NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { summarizeUserAgent } from './user-agent';

/** last_seen_at is written at most this often per session, not on every autosave. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SessionSummary {
  id: string;
  userAgent: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  current: boolean;
}

/** Starts a session at sign-in; its id goes into the JWT. Ends SESSION_ABSOLUTE_DAYS later at the latest. */
export async function createAuthSession(
  db: DbExecutor,
  input: { userId: string; userAgent?: string | null },
  now = new Date(),
): Promise<{ id: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + env().SESSION_ABSOLUTE_DAYS * DAY_MS);
  const [row] = await db
    .insert(authSessions)
    .values({ userId: input.userId, createdAt: now, lastSeenAt: now, expiresAt, userAgent: summarizeUserAgent(input.userAgent) })
    .returning({ id: authSessions.id, expiresAt: authSessions.expiresAt });
  if (!row) throw new Error('insert returned no session');
  return row;
}

/**
 * The SQL condition for a session that may still be used; the one rule every read path shares.
 * `now` may be a placeholder, for a compiled statement.
 */
export function liveSessionCondition(now: Date | Placeholder) {
  return and(isNull(authSessions.revokedAt), gt(authSessions.expiresAt, now));
}

/** Records activity, at most once per SESSION_TOUCH_INTERVAL_MS (the WHERE makes concurrent calls cheap no-ops). */
export async function touchAuthSession(db: DbExecutor, sessionId: string, now = new Date()): Promise<void> {
  await db
    .update(authSessions)
    .set({ lastSeenAt: now })
    .where(and(eq(authSessions.id, sessionId), lt(authSessions.lastSeenAt, new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS))));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checked before a token's ids reach SQL: a malformed uuid would be a database error (500), not a 401. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Sign-out (Auth.js's signOut event, for both /api/auth/signout and the sign-out action): revokes
 * the token's session. A token that names no live session of its user changes nothing.
 */
export async function endSessionOnSignOut(db: DbExecutor, token: Record<string, unknown> | null | undefined): Promise<void> {
  const sid = token?.sid;
  const uid = token?.uid;
  if (!isUuid(sid) || !isUuid(uid)) return;
  await db.transaction(async (tx) => {
    const ended = await tx
      .update(authSessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(authSessions.id, sid), eq(authSessions.userId, uid), isNull(authSessions.revokedAt)))
      .returning({ id: authSessions.id });
    if (ended.length) {
      await recordAudit(tx, { organizationId: null, actorUserId: uid, action: 'user.signed_out', entityType: 'auth_session', entityId: sid });
    }
  });
}

/** Revokes every live session of a user except `keepSessionId`; returns how many ended. */
export async function revokeUserSessions(db: DbExecutor, userId: string, keepSessionId: string | null, now = new Date()): Promise<number> {
  const ended = await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), keepSessionId ? ne(authSessions.id, keepSessionId) : undefined))
    .returning({ id: authSessions.id });
  return ended.length;
}

/** The signed-in user's live sessions, most recently active first, the current one marked. */
export async function listSessions(ctx: AccountCtx, now = new Date()): Promise<SessionSummary[]> {
  const rows = await ctx.db
    .select({
      id: authSessions.id,
      userAgent: authSessions.userAgent,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      expiresAt: authSessions.expiresAt,
    })
    .from(authSessions)
    .where(and(eq(authSessions.userId, ctx.userId), liveSessionCondition(now)))
    .orderBy(desc(authSessions.lastSeenAt), desc(authSessions.createdAt));
  return rows.map((row) => ({ ...row, current: row.id === ctx.sessionId }));
}

export const EndSessionInput = z.object({ sessionId: z.uuid('Choose a session') });

/** Ends one of the user's other sessions. Another user's session is indistinguishable from a missing one (404). */
export async function endSession(ctx: AccountCtx, input: unknown): Promise<void> {
  const { sessionId } = parseInput(EndSessionInput, input);
  if (sessionId === ctx.sessionId) throw ValidationError.field('sessionId', 'This is the session you are using: sign out instead');
  await ctx.db.transaction(async (tx) => {
    const ended = await tx
      .update(authSessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(authSessions.id, sessionId), eq(authSessions.userId, ctx.userId), isNull(authSessions.revokedAt)))
      .returning({ id: authSessions.id });
    if (!ended.length) throw new NotFoundError('Session');
    await recordAudit(tx, { organizationId: null, actorUserId: ctx.userId, action: 'user.session_ended', entityType: 'auth_session', entityId: sessionId });
  });
}

/** "Sign out of all other sessions": every session of the user but the current one. */
export async function endOtherSessions(ctx: AccountCtx): Promise<{ ended: number }> {
  return ctx.db.transaction(async (tx) => {
    const ended = await revokeUserSessions(tx, ctx.userId, ctx.sessionId);
    await recordAudit(tx, {
      organizationId: null,
      actorUserId: ctx.userId,
      action: 'user.other_sessions_ended',
      entityType: 'user',
      entityId: ctx.userId,
      data: { ended },
    });
    return { ended };
  });
}

/**
 * Deletes sessions past their absolute expiry or already revoked (a missing row is as dead as a
 * revoked one); returns how many. For a scheduled job.
 */
export async function pruneExpiredSessions(db: DbExecutor, now: Date): Promise<number> {
  const deleted = await db
    .delete(authSessions)
    .where(or(lt(authSessions.expiresAt, now), and(isNotNull(authSessions.revokedAt), lt(authSessions.revokedAt, now))))
    .returning({ id: authSessions.id });
  return deleted.length;
}
