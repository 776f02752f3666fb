// Finding 7: rotating X-Forwarded-For reset the per-IP limit (password spraying went
// unthrottled), attempts made while locked kept an account locked for ever, and argon2id ran
// below OWASP's minimum. Each test reproduces the attack against the sign-in domain function.
import { hash, parseOptions } from '@node-rs/argon2';
import { and, count, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAttempts, users } from '@/db/schema';
import { authenticateWithPassword } from '@/lib/auth/accounts';
import { clientIp, SOCKET_ADDRESS_HEADER, socketAddressHeaderValue } from '@/lib/auth/client-ip';
import { hashPassword } from '@/lib/auth/password';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, SIGN_IN_WINDOW_MINUTES } from '@/lib/auth/rate-limit';
import { RateLimitedError, UnauthenticatedError } from '@/lib/errors';
import { setupTestDatabase } from './support/database';
import { PASSWORD, createOrgWithAdmin, uniqueEmail } from './support/factories';

const t = setupTestDatabase({ isolation: 'transaction' });
// The global limit is shared by every test in this file's database; only its own test lowers it.
const roomy = { maxGlobalFailures: 1_000_000 };
const KEY = 'test-socket-key';

beforeAll(() => {
  process.env.LOOPKIT_SOCKET_ADDRESS_KEY = KEY; // as scripts/server.mjs does at start
});
afterAll(() => {
  delete process.env.LOOPKIT_SOCKET_ADDRESS_KEY;
});

/** The headers scripts/server.mjs hands to Next.js for a request from `socket` carrying `xff`. */
function requestHeaders(socket: string, xff: string) {
  return new Headers({ [SOCKET_ADDRESS_HEADER]: socketAddressHeaderValue(KEY, socket), 'x-forwarded-for': xff });
}

function signIn(email: string, password: string, ip: string | null, limits = roomy) {
  return authenticateWithPassword({ db: t.db }, { email, password, ip }, limits);
}

describe('per-IP limit cannot be reset by X-Forwarded-For', () => {
  it('locks a sprayer who rotates the header on every attempt', async () => {
    const attacker = '203.0.113.66';
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      const ip = clientIp(requestHeaders(attacker, `198.51.100.${i}`), []);
      await signIn(uniqueEmail('spray'), 'Summer2026!!', ip).catch(() => undefined);
    }
    const { email } = await createOrgWithAdmin(t.db);
    const next = clientIp(requestHeaders(attacker, '192.0.2.200'), []);
    expect(next).toBe(attacker);
    await expect(signIn(email, PASSWORD, next)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('skips only the per-IP counter when the address is unknown; the account limit still applies', async () => {
    const { email } = await createOrgWithAdmin(t.db);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await expect(signIn(email, `wrong-${i}-pass`, null)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(signIn(email, PASSWORD, null)).rejects.toBeInstanceOf(RateLimitedError);
    const rows = await t.db.select().from(loginAttempts).where(eq(loginAttempts.email, email));
    expect(rows.every((r) => r.ip === null)).toBe(true);
  });
});

describe('global limit', () => {
  it('throttles spraying across many accounts from many addresses', async () => {
    // Failures other tests in this file left in the window count too; allow ten more.
    const [counted] = await t.db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.succeeded, false), eq(loginAttempts.refused, false), gt(loginAttempts.createdAt, new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000))));
    const limits = { maxGlobalFailures: counted!.n + 10 };
    // Every attempt from a fresh address against a fresh account: no per-IP or per-account limit trips.
    for (let i = 0; i < 10; i++) {
      await expect(signIn(uniqueEmail('victim'), 'Winter2026!!', `198.18.${i >> 8}.${i & 255}`, limits)).rejects.toBeInstanceOf(UnauthenticatedError);
    }
    const { email } = await createOrgWithAdmin(t.db);
    await expect(signIn(email, 'Winter2026!!', '198.19.0.1', limits)).rejects.toBeInstanceOf(RateLimitedError);
    // The roomier default lets the same sign-in through: the lock came from the global count alone.
    await expect(signIn(email, PASSWORD, '198.19.0.2')).resolves.toMatchObject({ email });
  });
});

describe('a lock cannot be extended by retrying', () => {
  it('ends one window after the failures that caused it, whatever was tried meanwhile', async () => {
    const { email } = await createOrgWithAdmin(t.db);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await signIn(email, `wrong-${i}-pass`, `192.0.2.${i}`).catch(() => undefined);
    // Someone keeps hammering the locked account.
    for (let i = 0; i < 10; i++) await expect(signIn(email, `wrong-again-${i}`, `192.0.2.${100 + i}`)).rejects.toBeInstanceOf(RateLimitedError);
    const refused = await t.db.select().from(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.refused, true)));
    expect(refused).toHaveLength(10);
    // The failures that caused the lock age out of the window; the refused retries are recent.
    await t.db
      .update(loginAttempts)
      .set({ createdAt: new Date(Date.now() - (SIGN_IN_WINDOW_MINUTES + 1) * 60_000) })
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.refused, false)));
    await expect(signIn(email, PASSWORD, '192.0.2.250')).resolves.toMatchObject({ email });
  });
});

describe('argon2id parameters', () => {
  it('hashes with OWASP’s minimum (m = 19 MiB, t = 2, p = 1)', async () => {
    const options = parseOptions(await hashPassword('a password to hash'));
    expect(options).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  });

  it('rehashes an older, weaker hash on a successful sign-in', async () => {
    const { email, user } = await createOrgWithAdmin(t.db);
    const weak = await hash(PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 3, parallelism: 1 });
    await t.db.update(users).set({ passwordHash: weak }).where(eq(users.id, user.id));
    await expect(signIn(email, 'not the password', '192.0.2.77')).rejects.toBeInstanceOf(UnauthenticatedError);
    expect((await t.db.select().from(users).where(eq(users.id, user.id)))[0]!.passwordHash).toBe(weak); // a failure never rewrites
    await signIn(email, PASSWORD, '192.0.2.77');
    const stored = (await t.db.select().from(users).where(eq(users.id, user.id)))[0]!.passwordHash!;
    expect(stored).not.toBe(weak);
    expect(parseOptions(stored)).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await expect(signIn(email, PASSWORD, '192.0.2.77')).resolves.toMatchObject({ id: user.id });
  });
});
