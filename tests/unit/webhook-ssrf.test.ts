// Which addresses a webhook may reach: every forbidden range in IPv4 and IPv6 (IPv4-mapped,
// -compatible and NAT64 forms judged by the IPv4 inside), with and without "allow private targets",
// and the guarded lookup refusing a name that resolves to loopback.
import { describe, expect, it } from 'vitest';
import { forbiddenAddressReason, guardedLookup, unsafeUrlReason } from '@/lib/webhooks/ssrf';

const verdict = (address: string, allowPrivate = false) => {
  const reason = forbiddenAddressReason(address, allowPrivate);
  return reason === null ? 'allowed' : /metadata, multicast/.test(reason) ? 'never' : 'private';
};

describe('forbiddenAddressReason', () => {
  it.each([
    ['8.8.8.8', 'allowed'],
    ['93.184.216.34', 'allowed'],
    ['2606:4700:4700::1111', 'allowed'],
    ['127.0.0.1', 'private'],
    ['127.255.0.9', 'private'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'allowed'],
    ['192.168.0.1', 'private'],
    ['169.254.10.10', 'private'],
    ['100.64.0.1', 'private'],
    ['0.0.0.0', 'never'],
    ['169.254.169.254', 'never'],
    ['224.0.0.1', 'never'],
    ['255.255.255.255', 'never'],
    ['::1', 'private'],
    ['::', 'never'],
    ['::ffff:127.0.0.1', 'private'],
    ['::ffff:7f00:1', 'private'],
    ['::ffff:169.254.169.254', 'never'],
    ['::ffff:8.8.8.8', 'allowed'],
    ['::127.0.0.1', 'private'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'never'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'private'],
    ['fe80::1%eth0', 'private'],
    ['fd00:ec2::254', 'never'],
    ['ff02::1', 'never'],
  ])('%s is %s', (address, expected) => {
    expect(verdict(address)).toBe(expected);
  });

  it('allows private, loopback and link-local targets when the organization allows them, never metadata or multicast', () => {
    expect(verdict('127.0.0.1', true)).toBe('allowed');
    expect(verdict('::ffff:10.1.1.1', true)).toBe('allowed');
    expect(verdict('fe80::1', true)).toBe('allowed');
    expect(verdict('169.254.169.254', true)).toBe('never');
    expect(verdict('ff02::1', true)).toBe('never');
  });
});

describe('unsafeUrlReason', () => {
  it('refuses other schemes, credentials and literal private hosts in any spelling', () => {
    expect(unsafeUrlReason('https://ats.example.com/hooks', false)).toBeNull();
    expect(unsafeUrlReason('file:///etc/passwd', false)).toMatch(/http/);
    expect(unsafeUrlReason('gopher://example.com', false)).toMatch(/http/);
    expect(unsafeUrlReason('https://a:b@example.com', false)).toMatch(/password/);
    expect(unsafeUrlReason('http://0x7f.1/', false)).toMatch(/private/);
    expect(unsafeUrlReason('http://017700000001/', false)).toMatch(/private/);
    expect(unsafeUrlReason('http://[::ffff:7f00:1]/', false)).toMatch(/private/);
    expect(unsafeUrlReason('http://LOCALHOST/', false)).toMatch(/loopback/);
    expect(unsafeUrlReason('http://api.localhost/', false)).toMatch(/loopback/);
    expect(unsafeUrlReason('http://localhost/', true)).toBeNull();
  });
});

describe('guardedLookup', () => {
  const resolve = (host: string, allowPrivate: boolean) =>
    new Promise<string>((done, fail) => guardedLookup(allowPrivate)(host, { family: 0 }, (error, address) => (error ? fail(error) : done(address as string))));

  it('refuses a name that resolves to loopback, unless private targets are allowed', async () => {
    await expect(resolve('localhost', false)).rejects.toThrow(/localhost resolves to .* loopback/);
    await expect(resolve('localhost', true)).resolves.toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
