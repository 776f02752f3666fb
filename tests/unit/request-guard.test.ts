// Finding 3 of the security review: `Content-Type: text/plain` with a JSON body and
// `Origin: http://evil.example` created an admin invitation, reopened a scorecard and edited a
// candidate. These are the rules every state-changing route handler, the autosave fast path and
// proxy.ts (server actions) apply; tests/e2e/security.spec.ts replays the attack over HTTP.
import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnsupportedMediaTypeError } from '@/lib/errors';
import { assertApiWriteAllowed, crossSiteRefusal } from '@/lib/request-guard';

const headers = (values: Record<string, string>) => (name: string) => values[name.toLowerCase()];

describe('cross-site write refusal', () => {
  it('refuses a foreign Origin and cross-site or same-site fetch metadata', () => {
    expect(crossSiteRefusal(headers({ host: 'loopkit.example', origin: 'http://evil.example' }))).toMatch(/not this site/);
    expect(crossSiteRefusal(headers({ host: 'loopkit.example', origin: 'https://loopkit.example.evil.example' }))).toBeTruthy();
    expect(crossSiteRefusal(headers({ host: 'loopkit.example', origin: 'null' }))).toBeTruthy();
    // A sibling subdomain is "same-site" — exactly what SameSite=Lax lets through.
    expect(crossSiteRefusal(headers({ host: 'loopkit.example', 'sec-fetch-site': 'same-site' }))).toBeTruthy();
    expect(crossSiteRefusal(headers({ host: 'loopkit.example', 'sec-fetch-site': 'cross-site' }))).toBeTruthy();
  });

  it('accepts this origin, the public origin, and clients that send no browser headers', () => {
    expect(crossSiteRefusal(headers({ host: 'loopkit.example', origin: 'https://loopkit.example', 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(crossSiteRefusal(headers({ host: '10.0.0.5:3000', origin: 'https://hire.example.com' }), 'https://hire.example.com/')).toBeNull();
    expect(crossSiteRefusal(headers({ host: 'loopkit.example' }))).toBeNull();
  });

  it('needs a JSON body on writes (415), but not on reads or a body-less DELETE', () => {
    const same = { host: 'loopkit.example', origin: 'http://loopkit.example' };
    expect(() => assertApiWriteAllowed('POST', headers({ ...same, 'content-type': 'text/plain' }))).toThrow(UnsupportedMediaTypeError);
    expect(() => assertApiWriteAllowed('PATCH', headers({ ...same, 'content-type': 'application/x-www-form-urlencoded' }))).toThrow(UnsupportedMediaTypeError);
    expect(() => assertApiWriteAllowed('POST', headers(same))).toThrow(UnsupportedMediaTypeError);
    expect(() => assertApiWriteAllowed('POST', headers({ ...same, 'content-type': 'application/json; charset=utf-8' }))).not.toThrow();
    expect(() => assertApiWriteAllowed('DELETE', headers(same))).not.toThrow();
    expect(() => assertApiWriteAllowed('GET', headers({ host: 'x', origin: 'http://evil.example' }))).not.toThrow();
    expect(() => assertApiWriteAllowed('POST', headers({ host: 'loopkit.example', origin: 'http://evil.example', 'content-type': 'application/json' }))).toThrow(ForbiddenError);
  });
});
