// The client's IP address for sign-in throttling, computed like Express's `trust proxy`: start at
// the TCP peer and walk X-Forwarded-For back only through proxies listed in TRUSTED_PROXIES.
// Next.js route handlers cannot see the socket, so scripts/server.mjs passes the peer address in
// an internal header (SOCKET_ADDRESS_HEADER) that it first deletes from the incoming request; the
// value carries a per-process key, so a server that did not set it (`next dev`, a bare
// `next start`) never trusts a client-supplied copy. Without a trusted peer address the IP is
// unknown (null) and X-Forwarded-For is ignored entirely: per-IP limits are skipped, while the
// per-account and global limits still apply.
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

export const SOCKET_ADDRESS_HEADER = 'x-loopkit-socket-address';
/** Set by scripts/server.mjs to a random value at start; the header is honoured only when it carries it. */
export const SOCKET_ADDRESS_KEY_ENV = 'LOOPKIT_SOCKET_ADDRESS_KEY';

interface HeaderSource {
  get(name: string): string | null;
}

/** The TCP peer address that scripts/server.mjs vouched for, or null. */
export function trustedSocketAddress(headers: HeaderSource, key = process.env[SOCKET_ADDRESS_KEY_ENV]): string | null {
  const value = headers.get(SOCKET_ADDRESS_HEADER);
  if (!key || !value) return null;
  const at = value.indexOf(' ');
  if (at < 0 || value.slice(0, at) !== key) return null;
  return value.slice(at + 1).trim() || null;
}

/** The header value scripts/server.mjs sets: the per-process key, then the peer address. */
export function socketAddressHeaderValue(key: string, address: string): string {
  return `${key} ${address}`;
}

/**
 * The client IP from a trusted peer address, X-Forwarded-For and the trusted proxies, or null
 * when the peer address is unknown.
 */
export function clientIpFrom(socketAddress: string | null, forwardedFor: string | null, trustedProxies: readonly string[]): string | null {
  if (!socketAddress) return null;
  // proxy-addr reads only these two fields of the request.
  const request = {
    socket: { remoteAddress: socketAddress },
    connection: { remoteAddress: socketAddress },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  } as unknown as IncomingMessage;
  const ip = proxyAddr(request, proxyAddr.compile([...trustedProxies]));
  // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d; count it as a.b.c.d.
  return (ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip).slice(0, 64) || null;
}

export function clientIp(headers: HeaderSource, trustedProxies: readonly string[]): string | null {
  return clientIpFrom(trustedSocketAddress(headers), headers.get('x-forwarded-for'), trustedProxies);
}
