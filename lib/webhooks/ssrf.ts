// Server-side request forgery guard for webhook targets. A URL is checked when saved (scheme, no
// credentials, literal addresses) and again at connect time: the HTTP agent's `lookup` resolves
// the host and refuses a forbidden address, so a name that resolves to 127.0.0.1 — or starts to,
// after a DNS rebinding — never gets a connection.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

export class ForbiddenTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenTargetError';
  }
}

type Kind = 'public' | 'private' | 'never';

const v4 = (ip: string): number[] => ip.split('.').map(Number);

function classifyV4(ip: string): Kind {
  const [a = 0, b = 0, c = 0, d = 0] = v4(ip);
  // Cloud metadata, unspecified, multicast and reserved: never, whatever the organization allows.
  if (a === 169 && b === 254 && c === 169 && d === 254) return 'never';
  if (a === 100 && b === 100 && c === 100 && d === 200) return 'never'; // Alibaba metadata
  if (a === 0) return 'never';
  if (a >= 224) return 'never'; // 224/4 multicast, 240/4 reserved, broadcast
  if (a === 127 || a === 10) return 'private';
  if (a === 169 && b === 254) return 'private'; // link-local
  if (a === 172 && b >= 16 && b <= 31) return 'private';
  if (a === 192 && b === 168) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return 'private'; // IETF protocol assignments, TEST-NET-1
  if (a === 198 && (b === 18 || b === 19)) return 'private'; // benchmarking
  if (a === 198 && b === 51 && c === 100) return 'private';
  if (a === 203 && b === 0 && c === 113) return 'private';
  return 'public';
}

/** The eight 16-bit groups of an IPv6 address (a dotted IPv4 tail included), or null. */
function groupsOfV6(ip: string): number[] | null {
  let address = ip.split('%')[0]!.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = v4(dotted[1]!);
    address = address.slice(0, -dotted[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

const embeddedV4 = (g: number[]) => `${g[6]! >> 8}.${g[6]! & 0xff}.${g[7]! >> 8}.${g[7]! & 0xff}`;

function classifyV6(ip: string): Kind {
  const g = groupsOfV6(ip);
  if (!g) return 'never';
  const zeroUntil = (n: number) => g.slice(0, n).every((x) => x === 0);
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judge the IPv4 inside.
  if (zeroUntil(5) && g[5] === 0xffff) return classifyV4(embeddedV4(g));
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyV4(embeddedV4(g));
  if (zeroUntil(7) && g[7] === 0) return 'never'; // ::
  if (zeroUntil(7) && g[7] === 1) return 'private'; // ::1
  if (zeroUntil(6)) return classifyV4(embeddedV4(g));
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) return 'never'; // AWS metadata (IPv6)
  if ((g[0]! & 0xff00) === 0xff00) return 'never'; // multicast
  if ((g[0]! & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((g[0]! & 0xffc0) === 0xfe80 || (g[0]! & 0xffc0) === 0xfec0) return 'private'; // link-local, old site-local
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'private'; // documentation
  return 'public';
}

/** Why an address may not be a webhook target, or null when it may. */
export function forbiddenAddressReason(address: string, allowPrivate: boolean): string | null {
  const family = isIP(address);
  if (!family) return `${address} is not an IP address`;
  const kind = family === 4 ? classifyV4(address) : classifyV6(address);
  if (kind === 'never') return `${address} is a metadata, multicast, unspecified or reserved address`;
  if (kind === 'private' && !allowPrivate) return `${address} is a private, loopback or link-local address (allow private targets in the webhook settings to use it)`;
  return null;
}

/** The host of a URL as an IP literal (without IPv6 brackets), or null for a name. */
function literalHost(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) ? host : null;
}

/**
 * Refuses a URL that can never be a webhook target; returns the reason, or null. `byName` also
 * refuses loopback names when saving (a clearer message); at send time the guarded lookup decides.
 */
export function unsafeUrlReason(value: string, allowPrivate: boolean, byName = true): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full URL, e.g. https://ats.example.com/hooks/loopkit';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an http:// or https:// URL';
  if (url.username || url.password) return 'Remove the user name and password from the URL (the signature authenticates Loopkit)';
  const literal = literalHost(url);
  if (literal) return forbiddenAddressReason(literal, allowPrivate);
  const host = url.hostname.toLowerCase();
  if (byName && !allowPrivate && (host === 'localhost' || host.endsWith('.localhost'))) return `${host} is a loopback name (allow private targets in the webhook settings to use it)`;
  return null;
}

/**
 * A `lookup` for http(s).Agent that resolves like the system does, then refuses the connection
 * when any resolved address is forbidden (one bad address in the answer is enough to refuse:
 * otherwise the connection could be steered to it).
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses;
      for (const { address } of list) {
        const reason = forbiddenAddressReason(address, allowPrivate);
        if (reason) return callback(new ForbiddenTargetError(`${hostname} resolves to ${reason}`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** Used when the target is an IP literal (Node does not call `lookup` for those). */
export function assertLiteralAllowed(url: URL, allowPrivate: boolean): void {
  const literal = literalHost(url);
  if (!literal) return;
  const reason = forbiddenAddressReason(literal, allowPrivate);
  if (reason) throw new ForbiddenTargetError(reason);
}
