// Runs before every page request: sets a per-request CSP nonce and redirects anonymous visitors
// to sign-in. It only redirects — every real permission check lives in lib/.
import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from './lib/auth/config';
import requestLimits from './lib/request-limits.json';
import { crossSiteRefusal, isStateChanging } from './lib/request-guard';

const { auth } = NextAuth(authConfig);

const PUBLIC_PATHS = [/^\/sign-in/, /^\/sign-up/, /^\/invite\//, /^\/forgot-password/, /^\/reset-password\//, /^\/verify-email/, /^\/self-identification\//];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== 'production';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React and Radix set style attributes at runtime; attributes cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const SERVER_ACTION_BODY_LIMIT = requestLimits.serverActionBodyMegabytes * 1024 * 1024;

/**
 * Writes to pages are server actions. Next.js refuses a foreign Origin itself, but with a 500; a
 * cross-site write gets a plain 403 here, and an oversized body a 413 instead of Next's 500.
 */
function refuseWrite(request: Request): Response | null {
  if (!isStateChanging(request.method)) return null;
  const header = (name: string) => request.headers.get(name);
  if (crossSiteRefusal(header, process.env.AUTH_URL || undefined)) {
    return Response.json({ error: { code: 'forbidden', message: 'Cross-site requests are refused' } }, { status: 403 });
  }
  if (Number(header('content-length') ?? 0) > SERVER_ACTION_BODY_LIMIT) {
    const message = `The request is larger than ${requestLimits.serverActionBodyMegabytes} MB`;
    return Response.json({ error: { code: 'payload_too_large', message } }, { status: 413 });
  }
  return null;
}

export default auth((request) => {
  const refused = refuseWrite(request);
  if (refused) return refused;
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((re) => re.test(pathname));
  if (!request.auth && !isPublic) {
    const url = new URL('/sign-in', request.nextUrl);
    if (pathname !== '/') url.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
});

export const config = {
  matcher: [
    {
      // API routes authenticate in lib/ and return JSON errors; they need neither redirects nor a CSP nonce.
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
