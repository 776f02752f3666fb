// Absolute links come from AUTH_URL (required in production), never from the request's Host.
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { absoluteUrl, publicOrigin } from '@/lib/urls';

describe('public links', () => {
  it('use AUTH_URL, keeping only its origin', () => {
    expect(publicOrigin({ NODE_ENV: 'production', AUTH_URL: 'https://loopkit.example.com/some/path' })).toBe('https://loopkit.example.com');
    expect(absoluteUrl('/invite/abc', { NODE_ENV: 'production', AUTH_URL: 'https://loopkit.example.com' })).toBe('https://loopkit.example.com/invite/abc');
  });

  it('fall back to localhost and PORT in development only', () => {
    expect(publicOrigin({ NODE_ENV: 'development' })).toBe('http://localhost:3000');
    expect(publicOrigin({ NODE_ENV: 'development', PORT: '4100' })).toBe('http://localhost:4100');
    expect(() => publicOrigin({ NODE_ENV: 'production' })).toThrow(/AUTH_URL/);
  });

  it('refuse anything but a path of this app', () => {
    expect(() => absoluteUrl('//evil.example/x', { AUTH_URL: 'https://loopkit.example.com' })).toThrow();
    expect(() => absoluteUrl('https://evil.example/x', { AUTH_URL: 'https://loopkit.example.com' })).toThrow();
  });

  it('make AUTH_URL required in production, naming it', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) })).toThrow(/AUTH_URL: is required in production/);
    expect(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), AUTH_URL: 'https://loopkit.example.com' }).AUTH_URL).toBe('https://loopkit.example.com');
  });
});
