// Redirect targets and absolute links: the two places where a URL could be steered elsewhere.
import { env } from './env';

const PROBE_ORIGIN = 'http://loopkit.invalid';

/**
 * Only same-site relative paths are accepted as post-sign-in destinations (no open redirects).
 * Browsers drop tabs and newlines from URLs and read `\` as `/`, so `/\t/evil.example` and
 * `/\\evil.example` mean `//evil.example` to them: any control character or backslash is refused, and
 * what remains must resolve on our own origin. The answer is re-serialized by the URL parser, so a
 * Location header never carries a raw character it could choke on (a newline answered 500).
 */
export function safeCallbackUrl(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2048 || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN || url.pathname.startsWith('//')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The public origin every absolute link (invitations, password reset, e-mail verification) is
 * built from. It comes from AUTH_URL — required in production — and never from the request: the
 * Host and X-Forwarded-Host headers are chosen by the client, so a link built from them can send
 * a victim's one-time token to an attacker's server. Development falls back to localhost.
 */
export function publicOrigin(source: { NODE_ENV?: string; AUTH_URL?: string; PORT?: string } = currentEnv()): string {
  if (source.AUTH_URL) return new URL(source.AUTH_URL).origin;
  if (source.NODE_ENV === 'production') throw new Error('AUTH_URL is required in production to build links');
  return `http://localhost:${source.PORT || 3000}`;
}

/** An absolute link to a path of this app, e.g. absoluteUrl('/reset-password/abc'). */
export function absoluteUrl(path: string, source?: Parameters<typeof publicOrigin>[0]): string {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error('absoluteUrl takes a path starting with a single /');
  return `${publicOrigin(source)}${path}`;
}

function currentEnv() {
  const { NODE_ENV, AUTH_URL, PORT } = env();
  return { NODE_ENV, AUTH_URL, PORT };
}
