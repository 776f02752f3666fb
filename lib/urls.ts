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
