import { describe, expect, it } from 'vitest';
import { demoPasswordFor } from '@/db/seed';
import { DEMO_PASSWORD } from '@/db/seed/demo';
import { demoSeeding, parseEnv } from '@/lib/env';

describe('environment validation', () => {
  it('treats empty strings as unset and applies defaults', () => {
    const env = parseEnv({ DATABASE_URL: '', AUTH_SECRET: '', SEED_DEMO: '' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SEED_DEMO).toBeUndefined();
    expect(env.DATABASE_POOL_SIZE).toBe(20);
    expect(parseEnv({ DATABASE_POOL_SIZE: '40' }).DATABASE_POOL_SIZE).toBe(40);
  });

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => parseEnv({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ AUTH_GITHUB_ID: 'id' })).toThrow(/AUTH_GITHUB_SECRET/);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: 'many' })).toThrow(/DATABASE_POOL_SIZE: must be a whole number/);
  });

  it('validates the PgBouncer flag and the read replica URL', () => {
    expect(parseEnv({}).DATABASE_PGBOUNCER).toBe('false');
    expect(parseEnv({ DATABASE_PGBOUNCER: 'true' }).DATABASE_PGBOUNCER).toBe('true');
    expect(() => parseEnv({ DATABASE_PGBOUNCER: 'yes' })).toThrow(/DATABASE_PGBOUNCER/);
    const url = 'postgres://u@db:6432/loopkit';
    expect(parseEnv({ DATABASE_URL: url, DATABASE_READ_URL: `${url}_read` }).DATABASE_READ_URL).toBe(`${url}_read`);
    expect(() => parseEnv({ DATABASE_URL: url, DATABASE_READ_URL: 'mysql://x' })).toThrow(/DATABASE_READ_URL: must be a postgres/);
    expect(() => parseEnv({ DATABASE_READ_URL: url })).toThrow(/DATABASE_READ_URL: needs DATABASE_URL/);
  });

  it('validates the session and sign-in protection settings', () => {
    const defaults = parseEnv({});
    expect(defaults.SESSION_ABSOLUTE_DAYS).toBe(7);
    expect(defaults.TRUSTED_PROXIES).toEqual([]);
    expect(defaults.SIGN_IN_GLOBAL_MAX_FAILURES).toBe(1_000);
    expect(parseEnv({ TRUSTED_PROXIES: ' loopback, 10.0.0.0/8 ,192.168.1.7' }).TRUSTED_PROXIES).toEqual(['loopback', '10.0.0.0/8', '192.168.1.7']);
    expect(() => parseEnv({ TRUSTED_PROXIES: 'proxy.example.com' })).toThrow(/TRUSTED_PROXIES: must be comma-separated/);
    expect(() => parseEnv({ SESSION_ABSOLUTE_DAYS: '0' })).toThrow(/SESSION_ABSOLUTE_DAYS: must be at least 1/);
    expect(() => parseEnv({ SIGN_IN_GLOBAL_MAX_FAILURES: 'lots' })).toThrow(/SIGN_IN_GLOBAL_MAX_FAILURES: must be a whole number/);
  });

  it('requires AUTH_SECRET in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: is required in production/);
    expect(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), AUTH_URL: 'https://loopkit.example.com' }).AUTH_SECRET).toHaveLength(32);
  });

  // Finding 1 of the security review: `npm start` created demo accounts with the published password.
  it('seeds the demo organization in production only when asked, and never with the published password', () => {
    const production = parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), AUTH_URL: 'https://loopkit.example.com' });
    expect(demoSeeding(production)).toBe(false);
    expect(demoSeeding(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), AUTH_URL: 'https://loopkit.example.com', SEED_DEMO: 'true' }))).toBe(true);
    expect(demoSeeding(parseEnv({ NODE_ENV: 'development' }))).toBe(true);
    expect(demoSeeding(parseEnv({ NODE_ENV: 'development', SEED_DEMO: 'false' }))).toBe(false);

    const random = demoPasswordFor(production);
    expect(random).not.toBe(DEMO_PASSWORD);
    expect(random.length).toBeGreaterThanOrEqual(20);
    expect(demoPasswordFor(production)).not.toBe(random);
    expect(demoPasswordFor(parseEnv({ NODE_ENV: 'development' }))).toBe(DEMO_PASSWORD);
    expect(demoPasswordFor(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), AUTH_URL: 'https://loopkit.example.com', DEMO_PASSWORD: 'chosen-by-the-operator' }))).toBe('chosen-by-the-operator');
    expect(() => parseEnv({ DEMO_PASSWORD: 'short' })).toThrow(/DEMO_PASSWORD: must be at least 12/);
  });
});
