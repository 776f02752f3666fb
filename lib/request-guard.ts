// Cross-site request refusal for every state-changing request: REST route handlers
// (app/api/v1/handler.ts), the autosave fast path, and server actions (proxy.ts). SameSite=Lax
// cookies alone do not stop a sibling subdomain, and a `text/plain` body needs no CORS preflight,
// so a write is accepted only when the browser says it came from this origin and carries JSON.
// Non-browser clients send no Origin or Sec-Fetch-Site header and are unaffected.
// Pure functions over headers: proxy.ts imports this too, so nothing here touches the database.
import { ForbiddenError, UnsupportedMediaTypeError } from './errors';

export type HeaderGetter = (name: string) => string | null | undefined;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Why this request must be refused as cross-site, or null. `publicOrigin` is AUTH_URL when set;
 * the request's own Host header is accepted too, as Next.js does for server actions — a victim's
 * browser always sends the attacked site's host there, so it cannot be used to forge a match.
 */
export function crossSiteRefusal(header: HeaderGetter, publicOrigin?: string): string | null {
  const fetchSite = header('sec-fetch-site');
  // 'none' is a navigation the user started (address bar, bookmark); 'same-site' is a sibling
  // subdomain, which is exactly the attacker SameSite=Lax lets through.
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return `Sec-Fetch-Site: ${fetchSite}`;
  const origin = header('origin');
  if (!origin) return null;
  if (origin === 'null') return 'Origin: null';
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return 'Origin is not a URL';
  }
  if (publicOrigin && safeOrigin(publicOrigin) === originUrl.origin) return null;
  const hosts = [header('x-forwarded-host')?.split(',')[0]?.trim(), header('host')?.trim()].filter(Boolean);
  return hosts.includes(originUrl.host) ? null : `Origin ${originUrl.origin} is not this site`;
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** application/json, with or without parameters (charset). */
export function isJsonContentType(value: string | null | undefined): boolean {
  return (value ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * Throws 403 for a cross-site write and 415 for a write whose body is not declared as JSON
 * (`text/plain` and form posts are what a cross-site page can send without a preflight).
 * A body-less DELETE needs no Content-Type.
 */
export function assertApiWriteAllowed(method: string, header: HeaderGetter, publicOrigin?: string): void {
  if (!isStateChanging(method)) return;
  const refusal = crossSiteRefusal(header, publicOrigin);
  if (refusal) throw new ForbiddenError('Cross-site requests are refused');
  assertJsonWriteBody(method, header);
}

/** 415 for a write whose body is not declared as JSON (a body-less DELETE needs no Content-Type). */
export function assertJsonWriteBody(method: string, header: HeaderGetter): void {
  if (!isStateChanging(method)) return;
  const contentType = header('content-type');
  const bodyless = method.toUpperCase() === 'DELETE' && !contentType && !Number(header('content-length') ?? 0);
  if (!bodyless && !isJsonContentType(contentType)) throw new UnsupportedMediaTypeError();
}
