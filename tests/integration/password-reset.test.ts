// Forgot / reset password: no account enumeration, throttled, single-use, expiring, hashed at
// rest, and a reset ends every session and lifts a sign-in lock.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, mailOutbox, userTokens } from '@/db/schema';
import { authenticateWithPassword } from '@/lib/auth/accounts';
import { createAuthSession } from '@/lib/auth/sessions';
import { loadAccount } from '@/lib/auth/token-session';
import { previewPasswordReset, requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';
import { hashToken } from '@/lib/auth/user-tokens';
import { ConflictError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from '@/lib/errors';
import { setupTestDatabase } from './support/database';
import { PASSWORD, createOrgWithAdmin, uniqueEmail } from './support/factories';
import { deliverQueuedMail, latestMail, tokenFromMail } from './support/mail';

// Opts out of per-test transactions: latestMail picks the newest mail by created_at, which inside
// one transaction is the same now() for every mail of a test.
const t = setupTestDatabase({ isolation: 'file' });
const NEW_PASSWORD = 'a brand new passphrase';
let ipCounter = 0;
/** A fresh IP per request unless a test is about the per-IP limit. */
const ip = () => `192.0.2.${++ipCounter}`;

async function requestResetLink(email: string): Promise<string> {
  await requestPasswordReset({ db: t.db }, { email, ip: ip() });
  const mail = await latestMail(t.db, email, 'password_reset');
  return tokenFromMail(mail?.body, 'reset-password');
}

describe('password reset', () => {
  it('answers the same for unknown and known addresses, and mails only a real account', async () => {
    const { email } = await createOrgWithAdmin(t.db);
    await deliverQueuedMail(t.db);
    const ghost = uniqueEmail('ghost');
    await expect(requestPasswordReset({ db: t.db }, { email: ghost, ip: ip() })).resolves.toBeUndefined();
    await expect(requestPasswordReset({ db: t.db }, { email: email.toUpperCase(), ip: ip() })).resolves.toBeUndefined();
    await deliverQueuedMail(t.db);
    expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, ghost))).toEqual([]);
    const mail = await latestMail(t.db, email, 'password_reset');
    expect(mail).toMatchObject({ subject: 'Reset your Loopkit password', organizationId: null });
    expect(mail!.body).toMatch(/http:\/\/localhost:3000\/reset-password\/[A-Za-z0-9_-]{43}/);
  });

  it('stores only the SHA-256 of the token', async () => {
    const { email, user } = await createOrgWithAdmin(t.db);
    const token = await requestResetLink(email);
    const rows = await t.db.select().from(userTokens).where(and(eq(userTokens.userId, user.id), eq(userTokens.purpose, 'password_reset')));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('sets the new password once: old password refused, every session ended, link used up, audited without personal data', async () => {
    const { email, user } = await createOrgWithAdmin(t.db);
    const token = await requestResetLink(email);
    expect(await previewPasswordReset({ db: t.db }, token)).toBe('valid');
    const session = await createAuthSession(t.db, { userId: user.id });

    await resetPassword({ db: t.db }, { token, password: NEW_PASSWORD });

    await expect(authenticateWithPassword({ db: t.db }, { email, password: PASSWORD, ip: ip() })).rejects.toBeInstanceOf(UnauthenticatedError);
    const signedIn = await authenticateWithPassword({ db: t.db }, { email, password: NEW_PASSWORD, ip: ip() });
    // Sessions carry the version they were issued with: the one from before the reset is refused.
    expect(await loadAccount(t.db, { uid: user.id, sv: user.sessionVersion + 1, sid: session.id })).toBeNull();
    expect(await loadAccount(t.db, { uid: user.id, sv: user.sessionVersion, sid: session.id })).toBeNull();
    expect(signedIn.sessionVersion).toBe(user.sessionVersion + 1);

    expect(await previewPasswordReset({ db: t.db }, token)).toBe('used');
    await expect(resetPassword({ db: t.db }, { token, password: 'yet another password' })).rejects.toBeInstanceOf(ConflictError);

    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id));
    const reset = events.find((e) => e.action === 'user.password_reset');
    expect(reset).toMatchObject({ actorUserId: user.id, organizationId: null, data: {} });
    expect(JSON.stringify(events)).not.toContain(email);
  });

  it('refuses an expired link, an unknown one, and one replaced by a newer link', async () => {
    const { email } = await createOrgWithAdmin(t.db);
    const first = await requestResetLink(email);
    const second = await requestResetLink(email);
    expect(await previewPasswordReset({ db: t.db }, first)).toBe('used');
    await t.db.update(userTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(userTokens.tokenHash, hashToken(second)));
    expect(await previewPasswordReset({ db: t.db }, second)).toBe('expired');
    await expect(resetPassword({ db: t.db }, { token: second, password: NEW_PASSWORD })).rejects.toBeInstanceOf(ConflictError);
    const unknown = 'x'.repeat(43);
    expect(await previewPasswordReset({ db: t.db }, unknown)).toBe('invalid');
    await expect(resetPassword({ db: t.db }, { token: unknown, password: NEW_PASSWORD })).rejects.toBeInstanceOf(NotFoundError);
    await expect(authenticateWithPassword({ db: t.db }, { email, password: PASSWORD, ip: ip() })).resolves.toMatchObject({ email });
  });

  it('a too-short password is a 422 on the password field and leaves the link usable', async () => {
    const { email } = await createOrgWithAdmin(t.db);
    const token = await requestResetLink(email);
    const error = await resetPassword({ db: t.db }, { token, password: 'short' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldErrors)).toEqual(['password']);
    expect(await previewPasswordReset({ db: t.db }, token)).toBe('valid');
  });

  it('lifts the failed-sign-in lock of the account', async () => {
    const { email } = await createOrgWithAdmin(t.db);
    for (let i = 0; i < 5; i++) await authenticateWithPassword({ db: t.db }, { email, password: `wrong-${i}-password`, ip: ip() }).catch(() => undefined);
    await expect(authenticateWithPassword({ db: t.db }, { email, password: PASSWORD, ip: ip() })).rejects.toBeInstanceOf(RateLimitedError);
    await resetPassword({ db: t.db }, { token: await requestResetLink(email), password: NEW_PASSWORD });
    await expect(authenticateWithPassword({ db: t.db }, { email, password: NEW_PASSWORD, ip: ip() })).resolves.toMatchObject({ email });
  });

  it('throttles per address (known or not alike) and per IP', async () => {
    for (const email of [(await createOrgWithAdmin(t.db)).email, uniqueEmail('ghost')]) {
      for (let i = 0; i < 3; i++) await requestPasswordReset({ db: t.db }, { email, ip: ip() });
      await expect(requestPasswordReset({ db: t.db }, { email, ip: ip() })).rejects.toBeInstanceOf(RateLimitedError);
    }
    const sprayIp = '198.51.100.7';
    for (let i = 0; i < 10; i++) await requestPasswordReset({ db: t.db }, { email: uniqueEmail('spray'), ip: sprayIp });
    await expect(requestPasswordReset({ db: t.db }, { email: uniqueEmail('spray'), ip: sprayIp })).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('rejects a malformed address naming the field', async () => {
    const error = await requestPasswordReset({ db: t.db }, { email: 'not-an-address', ip: ip() }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldErrors)).toEqual(['email']);
  });
});
