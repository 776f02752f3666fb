// Finding 2: signing out did not end the session (a cookie copied before sign-out kept working)
// and sessions had no absolute limit. Sessions are now rows that every request checks.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, authSessions, loginAttempts, users } from '@/db/schema';
import { authenticateWithPassword, changePassword } from '@/lib/auth/accounts';
import { pruneLoginAttempts } from '@/lib/auth/rate-limit';
import {
  createAuthSession,
  endOtherSessions,
  endSession,
  endSessionOnSignOut,
  listSessions,
  pruneExpiredSessions,
  SESSION_TOUCH_INTERVAL_MS,
} from '@/lib/auth/sessions';
import { loadAccount } from '@/lib/auth/token-session';
import type { AccountCtx } from '@/lib/context';
import { env } from '@/lib/env';
import { NotFoundError, UnauthenticatedError, ValidationError } from '@/lib/errors';
import { setupTestDatabase } from './support/database';
import { PASSWORD, createOrgWithAdmin } from './support/factories';

const t = setupTestDatabase({ isolation: 'transaction' });
const DAY = 24 * 3_600_000;
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

async function signedInUser() {
  const { user, email } = await createOrgWithAdmin(t.db);
  const session = await createAuthSession(t.db, { userId: user.id, userAgent: FIREFOX });
  const token = { uid: user.id, sv: user.sessionVersion, sid: session.id };
  const ctx: AccountCtx = { db: t.db, userId: user.id, sessionId: session.id };
  return { user, email, session, token, ctx };
}

async function auditFor(userId: string, action: string) {
  return t.db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, userId), eq(auditEvents.action, action)));
}

describe('sign-out ends the session', () => {
  it('refuses a token copied before sign-out on its next request', async () => {
    const { token, user } = await signedInUser();
    const copied = { ...token };
    expect((await loadAccount(t.db, copied))?.account.id).toBe(user.id);
    await endSessionOnSignOut(t.db, token); // what Auth.js's signOut event does with the decoded cookie
    expect(await loadAccount(t.db, copied)).toBeNull();
    const [event] = await auditFor(user.id, 'user.signed_out');
    expect(event).toMatchObject({ entityType: 'auth_session', entityId: token.sid, data: {} });
  });

  it('ignores a sign-out token naming another user’s session', async () => {
    const victim = await signedInUser();
    const attacker = await signedInUser();
    await endSessionOnSignOut(t.db, { uid: attacker.user.id, sid: victim.session.id });
    expect(await loadAccount(t.db, victim.token)).not.toBeNull();
  });

  it('refuses tokens without a session, with another user’s session or with a malformed one', async () => {
    const a = await signedInUser();
    const b = await signedInUser();
    expect(await loadAccount(t.db, { uid: a.user.id, sv: 0, sid: b.session.id })).toBeNull();
    expect(await loadAccount(t.db, { uid: a.user.id, sv: 0, sid: 'not-a-uuid' })).toBeNull();
    expect(await loadAccount(t.db, { uid: a.user.id, sv: 0, sid: '' })).toBeNull();
  });
});

describe('absolute lifetime', () => {
  it('ends a session SESSION_ABSOLUTE_DAYS after sign-in however active it is', async () => {
    const { token, session } = await signedInUser();
    const days = env().SESSION_ABSOLUTE_DAYS;
    const [row] = await t.db.select().from(authSessions).where(eq(authSessions.id, session.id));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(days * DAY);
    // Active every day until the end: still refused once the absolute limit has passed.
    for (let day = 1; day < days; day++) {
      expect(await loadAccount(t.db, token, new Date(row!.createdAt.getTime() + day * DAY))).not.toBeNull();
    }
    expect(await loadAccount(t.db, token, new Date(row!.expiresAt.getTime() + 1000))).toBeNull();
  });

  it('records activity at most once a minute', async () => {
    const { token, session } = await signedInUser();
    const lastSeen = async () => (await t.db.select().from(authSessions).where(eq(authSessions.id, session.id)))[0]!.lastSeenAt.getTime();
    const start = await lastSeen();
    await loadAccount(t.db, token, new Date(start + 10_000));
    expect(await lastSeen()).toBe(start);
    const later = new Date(start + SESSION_TOUCH_INTERVAL_MS + 5_000);
    await loadAccount(t.db, token, later);
    expect(await lastSeen()).toBe(later.getTime());
    await loadAccount(t.db, token, new Date(later.getTime() + 30_000));
    expect(await lastSeen()).toBe(later.getTime());
  });
});

describe('the sessions page', () => {
  it('lists the user’s live sessions with this one marked, and nobody else’s', async () => {
    const { ctx, user } = await signedInUser();
    const other = await createAuthSession(t.db, { userId: user.id, userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Safari/604.1' });
    const ended = await createAuthSession(t.db, { userId: user.id });
    await endSession(ctx, { sessionId: ended.id });
    await signedInUser(); // someone else's session
    const sessions = await listSessions(ctx);
    expect(sessions.map((s) => s.id).sort()).toEqual([ctx.sessionId, other.id].sort());
    expect(sessions.find((s) => s.current)).toMatchObject({ id: ctx.sessionId, userAgent: 'Firefox on Linux' });
    expect(sessions.find((s) => !s.current)).toMatchObject({ id: other.id, userAgent: 'Safari on iOS' });
  });

  it('ends another session of the user, audited by id only', async () => {
    const { ctx, user } = await signedInUser();
    const phone = await createAuthSession(t.db, { userId: user.id });
    await endSession(ctx, { sessionId: phone.id });
    expect(await loadAccount(t.db, { uid: user.id, sv: 0, sid: phone.id })).toBeNull();
    expect(await loadAccount(t.db, { uid: user.id, sv: 0, sid: ctx.sessionId })).not.toBeNull();
    const [event] = await auditFor(user.id, 'user.session_ended');
    expect(event).toMatchObject({ organizationId: null, entityType: 'auth_session', entityId: phone.id, data: {} });
  });

  it('is 404 for another user’s session and 422 for this one or a malformed id, changing nothing', async () => {
    const me = await signedInUser();
    const them = await signedInUser();
    await expect(endSession(me.ctx, { sessionId: them.session.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await loadAccount(t.db, them.token)).not.toBeNull();
    const current = await endSession(me.ctx, { sessionId: me.session.id }).catch((e) => e);
    expect(current).toBeInstanceOf(ValidationError);
    expect(Object.keys(current.fieldErrors)).toEqual(['sessionId']);
    const malformed = await endSession(me.ctx, { sessionId: 'x' }).catch((e) => e);
    expect(Object.keys(malformed.fieldErrors)).toEqual(['sessionId']);
    expect(await loadAccount(t.db, me.token)).not.toBeNull();
  });

  it('signs out of all other sessions and keeps this one', async () => {
    const { ctx, user, token } = await signedInUser();
    const others = [await createAuthSession(t.db, { userId: user.id }), await createAuthSession(t.db, { userId: user.id })];
    const bystander = await signedInUser();
    expect(await endOtherSessions(ctx)).toEqual({ ended: 2 });
    for (const s of others) expect(await loadAccount(t.db, { uid: user.id, sv: 0, sid: s.id })).toBeNull();
    expect(await loadAccount(t.db, token)).not.toBeNull();
    expect(await loadAccount(t.db, bystander.token)).not.toBeNull();
    const [event] = await auditFor(user.id, 'user.other_sessions_ended');
    expect(event!.data).toEqual({ ended: 2 });
  });
});

describe('password change', () => {
  it('needs the current password, applies sign-up’s rules, and changes nothing on bad input', async () => {
    const { ctx, user, email } = await signedInUser();
    const before = (await t.db.select().from(users).where(eq(users.id, user.id)))[0]!.passwordHash;
    const wrong = await changePassword(ctx, { currentPassword: 'not my password', newPassword: 'a brand new password' }).catch((e) => e);
    expect(wrong).toBeInstanceOf(ValidationError);
    expect(Object.keys(wrong.fieldErrors)).toEqual(['currentPassword']);
    const short = await changePassword(ctx, { currentPassword: PASSWORD, newPassword: 'short' }).catch((e) => e);
    expect(Object.keys(short.fieldErrors)).toEqual(['newPassword']);
    expect(short.fieldErrors.newPassword[0]).toMatch(/10 characters/);
    expect((await t.db.select().from(users).where(eq(users.id, user.id)))[0]!.passwordHash).toBe(before);
    // A wrong current password counts like a failed sign-in, so a stolen session cannot guess freely.
    const [attempt] = await t.db.select().from(loginAttempts).where(eq(loginAttempts.email, email));
    expect(attempt).toMatchObject({ succeeded: false, refused: false, ip: null });
  });

  it('replaces the password, ends the other sessions, keeps this one, and audits no values', async () => {
    const { ctx, user, email, token } = await signedInUser();
    const stolen = await createAuthSession(t.db, { userId: user.id });
    const newPassword = 'a brand new password';
    expect(await changePassword(ctx, { currentPassword: PASSWORD, newPassword })).toEqual({ endedSessions: 1 });
    expect(await loadAccount(t.db, { uid: user.id, sv: 0, sid: stolen.id })).toBeNull();
    expect(await loadAccount(t.db, token)).not.toBeNull();
    await expect(authenticateWithPassword({ db: t.db }, { email, password: PASSWORD, ip: '192.0.2.50' })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(authenticateWithPassword({ db: t.db }, { email, password: newPassword, ip: '192.0.2.50' })).resolves.toMatchObject({ id: user.id });
    const [event] = await auditFor(user.id, 'user.password_changed');
    expect(event).toMatchObject({ organizationId: null, entityType: 'user', entityId: user.id, data: { endedSessions: 1 } });
    expect(JSON.stringify(event)).not.toContain(newPassword);
    expect(JSON.stringify(event)).not.toContain(email);
  });
});

describe('pruning', () => {
  it('deletes expired and revoked sessions and keeps live ones', async () => {
    const { ctx, user, token } = await signedInUser();
    const revoked = await createAuthSession(t.db, { userId: user.id });
    await endSession(ctx, { sessionId: revoked.id });
    const expired = await createAuthSession(t.db, { userId: user.id }, new Date(Date.now() - 30 * DAY));
    const deleted = await pruneExpiredSessions(t.db, new Date(Date.now() + 1000));
    expect(deleted).toBeGreaterThanOrEqual(2);
    const left = await t.db.select({ id: authSessions.id }).from(authSessions).where(eq(authSessions.userId, user.id));
    expect(left.map((r) => r.id)).toEqual([token.sid]);
    expect(left.map((r) => r.id)).not.toContain(expired.id);
  });

  it('deletes sign-in attempts older than a day', async () => {
    const email = `prune.${Date.now()}@example.test`;
    await t.db.insert(loginAttempts).values([
      { email, ip: null, succeeded: false, createdAt: new Date(Date.now() - 25 * 3_600_000) },
      { email, ip: null, succeeded: false, createdAt: new Date(Date.now() - 23 * 3_600_000) },
    ]);
    expect(await pruneLoginAttempts(t.db, new Date())).toBeGreaterThanOrEqual(1);
    const left = await t.db.select().from(loginAttempts).where(eq(loginAttempts.email, email));
    expect(left).toHaveLength(1);
  });
});
