// Finding 7: the sign-in throttle trusted X-Forwarded-For, so rotating the header reset the
// per-IP limit. The client IP now starts at the socket address that scripts/server.mjs vouches
// for and follows X-Forwarded-For only through TRUSTED_PROXIES.
import { describe, expect, it } from 'vitest';
import { clientIp, clientIpFrom, SOCKET_ADDRESS_HEADER, socketAddressHeaderValue, trustedSocketAddress } from '@/lib/auth/client-ip';

const KEY = 'per-process-key';

function headers(values: Record<string, string>) {
  return new Headers(values);
}

describe('client IP', () => {
  it('ignores X-Forwarded-For from a client that is not a trusted proxy', () => {
    const spoofs = ['1.1.1.1', '2.2.2.2, 3.3.3.3', 'unknown'].map((xff) => clientIpFrom('203.0.113.9', xff, []));
    expect(new Set(spoofs)).toEqual(new Set(['203.0.113.9']));
    expect(clientIpFrom('203.0.113.9', '1.1.1.1', ['10.0.0.0/8'])).toBe('203.0.113.9');
  });

  it('takes the address a trusted proxy saw, not what the client prepended', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy at 10.0.0.2 appended the real peer.
    expect(clientIpFrom('10.0.0.2', '1.2.3.4, 198.51.100.7', ['10.0.0.0/8'])).toBe('198.51.100.7');
    expect(clientIpFrom('127.0.0.1', '198.51.100.7', ['loopback'])).toBe('198.51.100.7');
    // Two trusted hops.
    expect(clientIpFrom('10.0.0.2', '198.51.100.8, 10.0.0.3', ['10.0.0.0/8'])).toBe('198.51.100.8');
    expect(clientIpFrom('::ffff:192.0.2.4', null, [])).toBe('192.0.2.4');
  });

  it('is unknown without a socket address vouched for by the server, whatever the headers say', () => {
    expect(clientIpFrom(null, '198.51.100.7', ['loopback'])).toBeNull();
    const forged = headers({ [SOCKET_ADDRESS_HEADER]: `${KEY} 127.0.0.1`, 'x-forwarded-for': '198.51.100.7' });
    expect(trustedSocketAddress(forged, undefined)).toBeNull(); // a server that never set a key (next dev)
    expect(trustedSocketAddress(forged, 'another-key')).toBeNull(); // a guessed key
    expect(trustedSocketAddress(headers({ [SOCKET_ADDRESS_HEADER]: '127.0.0.1' }), KEY)).toBeNull();
    expect(trustedSocketAddress(headers({ [SOCKET_ADDRESS_HEADER]: socketAddressHeaderValue(KEY, '192.0.2.1') }), KEY)).toBe('192.0.2.1');
  });

  it('reads the server-set header from the process key', () => {
    const previous = process.env.LOOPKIT_SOCKET_ADDRESS_KEY;
    process.env.LOOPKIT_SOCKET_ADDRESS_KEY = KEY;
    try {
      const h = headers({ [SOCKET_ADDRESS_HEADER]: socketAddressHeaderValue(KEY, '203.0.113.5'), 'x-forwarded-for': '9.9.9.9' });
      expect(clientIp(h, [])).toBe('203.0.113.5');
    } finally {
      if (previous === undefined) delete process.env.LOOPKIT_SOCKET_ADDRESS_KEY;
      else process.env.LOOPKIT_SOCKET_ADDRESS_KEY = previous;
    }
  });
});
