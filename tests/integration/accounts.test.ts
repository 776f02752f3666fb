import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, memberships, organizations, users } from '@/db/schema';
import {
  authenticateWithPassword,
  INVALID_CREDENTIALS_MESSAGE,
  LOCKED_MESSAGE,
  signOutEverywhere,
  signUp,
} from '@/lib/auth/accounts';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from '@/lib/auth/rate-limit';
import { createAuthSession } from '@/lib/auth/sessions';
import { loadAccount } from '@/lib/auth/token-session';
import { RateLimitedError, UnauthenticatedError, ValidationError } from '@/lib/errors';
import { setupTestDatabase } from './support/database';
import { PASSWORD, createOrgWithAdmin, uniqueEmail } from './support/factories';

const t = setupTestDatabase({ isolation: 'transaction' });

async function rowCounts() {
  const [u] = await t.db.select({ n: count() }).from(users);
  const [o] = await t.db.select({ n: count() }).from(organizations);
  const [m] = await t.db.select({ n: count() }).from(memberships);
  return { users: u!.n, organizations: o!.n, memberships: m!.n };
}

describe('sign-up', () => {
  it('creates the user, their organization and an admin membership, with audit events', async () => {
    const email = uniqueEmail();
    const { user, organizationId } = await signUp({ db: t.db }, { name: ' Grace ', email: email.toUpperCase(), password: PASSWORD, organizationName: 'Hopper Labs' });
    expect(user.email).toBe(email);
    expect(user.name).toBe('Grace');
    const [membership] = await t.db.select().from(memberships).where(eq(memberships.userId, user.id));
    expect(membership).toMatchObject({ organizationId, role: 'admin' });
    const [org] = await t.db.select().from(organizations).where(eq(organizations.id, organizationId));
    expect(org!.slug).toMatch(/^hopper-labs/);
    const [stored] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, user.id));
    expect(events.map((e) => e.action).sort()).toEqual(['organization.created', 'user.signed_up']);
  });

  it('rejects bad input with a message naming each field and writes nothing', async () => {
    const before = await rowCounts();
    const error = await signUp({ db: t.db }, { name: '', email: 'not-an-email', password: 'short', organizationName: 'x' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(['email', 'name', 'organizationName', 'password']);
    expect((error as ValidationError).fieldErrors.password?.[0]).toMatch(/10 characters/);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a second account for the same email (any case) and writes nothing', async () => {
    const { email } = await createOrgWithAdmin(t.db);
    const before = await rowCounts();
    const error = await signUp({ db: t.db }, { name: 'Dup', email: email.toUpperCase(), password: PASSWORD, organizationName: 'Dup Org' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.email?.[0]).toMatch(/already exists/);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('sign-in', () => {
  it('accepts the right password, case-insensitively on the email', async () => {
    const { email, user } = await createOrgWithAdmin(t.db);
    const account = await authenticateWithPassword({ db: t.db }, { email: email.toUpperCase(), password: PASSWORD, ip: '10.0.0.1' });
    expect(account.id).toBe(user.id);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const { email } = await createOrgWithAdmin(t.db);
    const wrongPassword = await authenticateWithPassword({ db: t.db }, { email, password: 'wrong password!', ip: '10.0.0.2' }).catch((e) => e);
    const unknownEmail = await authenticateWithPassword({ db: t.db }, { email: uniqueEmail('ghost'), password: PASSWORD, ip: '10.0.0.2' }).catch((e) => e);
    expect(wrongPassword).toBeInstanceOf(UnauthenticatedError);
    expect(unknownEmail).toBeInstanceOf(UnauthenticatedError);
    expect(wrongPassword.message).toBe(INVALID_CREDENTIALS_MESSAGE);
    expect(unknownEmail.message).toBe(wrongPassword.message);
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const { email } = await createOrgWithAdmin(t.db);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await expect(authenticateWithPassword({ db: t.db }, { email, password: `wrong-${i}-password`, ip: `10.1.0.${i}` })).rejects.toBeInstanceOf(UnauthenticatedError);
    }
    const locked = await authenticateWithPassword({ db: t.db }, { email, password: PASSWORD, ip: '10.1.1.1' }).catch((e) => e);
    expect(locked).toBeInstanceOf(RateLimitedError);
    expect(locked.message).toBe(LOCKED_MESSAGE);
  });

  it('locks a client IP that tries many accounts', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await authenticateWithPassword({ db: t.db }, { email: uniqueEmail('spray'), password: 'guess-password', ip }).catch(() => undefined);
    }
    const { email } = await createOrgWithAdmin(t.db);
    await expect(authenticateWithPassword({ db: t.db }, { email, password: PASSWORD, ip })).rejects.toBeInstanceOf(RateLimitedError);
    // The same account from another address still works: the lock is on the IP.
    await expect(authenticateWithPassword({ db: t.db }, { email, password: PASSWORD, ip: '10.9.9.10' })).resolves.toMatchObject({ email });
  });

  it('rejects malformed input with field names', async () => {
    const error = await authenticateWithPassword({ db: t.db }, { email: 'nope', password: '', ip: '1.1.1.1' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['email', 'password']);
  });
});

describe('sign out everywhere', () => {
  it('invalidates every existing session token at once', async () => {
    const { user } = await createOrgWithAdmin(t.db);
    const laptop = await createAuthSession(t.db, { userId: user.id });
    const phone = await createAuthSession(t.db, { userId: user.id });
    expect(await loadAccount(t.db, { uid: user.id, sv: user.sessionVersion, sid: laptop.id })).not.toBeNull();
    await signOutEverywhere({ db: t.db }, user.id);
    for (const session of [laptop, phone]) {
      expect(await loadAccount(t.db, { uid: user.id, sv: user.sessionVersion, sid: session.id })).toBeNull();
      // The rows are revoked too, so even a token with the new version cannot revive them.
      expect(await loadAccount(t.db, { uid: user.id, sv: user.sessionVersion + 1, sid: session.id })).toBeNull();
    }
    const next = await createAuthSession(t.db, { userId: user.id });
    expect(await loadAccount(t.db, { uid: user.id, sv: user.sessionVersion + 1, sid: next.id })).not.toBeNull();
  });
});
