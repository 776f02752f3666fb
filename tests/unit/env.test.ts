import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

describe('environment validation', () => {
  it('treats empty strings as unset and applies defaults', () => {
    const env = parseEnv({ DATABASE_URL: '', AUTH_SECRET: '', SEED_DEMO: '' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SEED_DEMO).toBe('true');
    expect(env.DATABASE_POOL_SIZE).toBe(20);
    expect(parseEnv({ DATABASE_POOL_SIZE: '40' }).DATABASE_POOL_SIZE).toBe(40);
  });

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => parseEnv({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ AUTH_GITHUB_ID: 'id' })).toThrow(/AUTH_GITHUB_SECRET/);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: 'many' })).toThrow(/DATABASE_POOL_SIZE: must be a whole number/);
  });

  it('validates the session and sign-in protection settings', () => {
    const defaults = parseEnv({});
    expect(defaults.SESSION_ABSOLUTE_DAYS).toBe(7);
    expect(defaults.TRUSTED_PROXIES).toEqual([]);
    expect(defaults.SIGN_IN_GLOBAL_MAX_FAILURES).toBe(100);
    expect(parseEnv({ TRUSTED_PROXIES: ' loopback, 10.0.0.0/8 ,192.168.1.7' }).TRUSTED_PROXIES).toEqual(['loopback', '10.0.0.0/8', '192.168.1.7']);
    expect(() => parseEnv({ TRUSTED_PROXIES: 'proxy.example.com' })).toThrow(/TRUSTED_PROXIES: must be comma-separated/);
    expect(() => parseEnv({ SESSION_ABSOLUTE_DAYS: '0' })).toThrow(/SESSION_ABSOLUTE_DAYS: must be at least 1/);
    expect(() => parseEnv({ SIGN_IN_GLOBAL_MAX_FAILURES: 'lots' })).toThrow(/SIGN_IN_GLOBAL_MAX_FAILURES: must be a whole number/);
  });

  it('requires AUTH_SECRET in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: is required in production/);
    expect(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) }).AUTH_SECRET).toHaveLength(32);
  });
});
