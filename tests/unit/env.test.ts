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

  it('requires AUTH_SECRET in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: is required in production/);
    expect(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), AUTH_URL: 'https://loopkit.example.com' }).AUTH_SECRET).toHaveLength(32);
  });
});
