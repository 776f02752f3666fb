// Drives the REST API in-process: a `fetch` that dispatches a Request to the route module whose
// folder under app/api/v1 matches its path (static segments before [dynamic] ones, as Next.js
// does), and a typed openapi-fetch client over it, generated from the OpenAPI document
// (lib/api/v1.d.ts) — so a test that compiles speaks the documented API.
import { AsyncLocalStorage } from 'node:async_hooks';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import createClient from 'openapi-fetch';
import type { paths } from '@/lib/api/v1';
import type { Ctx } from '@/lib/context';

const API_ROOT = path.join(import.meta.dirname, '..', '..', '..', 'app', 'api', 'v1');
export const BASE_URL = 'http://loopkit.test/api/v1';

interface Route {
  file: string;
  pattern: RegExp;
  names: string[];
  dynamicSegments: number;
}

function findRoutes(dir: string): Route[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findRoutes(full);
    if (entry.name !== 'route.ts') return [];
    const segments = path.relative(API_ROOT, dir).split(path.sep).filter(Boolean);
    const names: string[] = [];
    const source = segments.map((s) => {
      const dynamic = /^\[(\w+)\]$/.exec(s);
      if (!dynamic) return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(dynamic[1]!);
      return '([^/]+)';
    });
    return [{ file: full, pattern: new RegExp(`^/${source.join('/')}$`), names, dynamicSegments: names.length }];
  });
}

const ROUTES = findRoutes(API_ROOT).sort((a, b) => a.dynamicSegments - b.dynamicSegments);

/** The request being handled, for the session stand-in below. */
export const currentRequest = new AsyncLocalStorage<Request>();

export async function inProcessFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request ? input : new Request(input, init);
  const pathname = new URL(request.url).pathname.replace(/^\/api\/v1/, '') || '/';
  for (const route of ROUTES) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const routeModule = (await import(route.file)) as Record<string, unknown>;
    const handler = routeModule[request.method] as ((r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>) | undefined;
    if (!handler) return new Response(null, { status: 405 });
    const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
    return currentRequest.run(request, () => handler(request, { params: Promise.resolve(params) }));
  }
  return Response.json({ error: { code: 'not_found', message: 'No such route' } }, { status: 404 });
}

/**
 * Members the stand-in session acts as, by the test-only `x-test-member` header. It replaces
 * lib/auth/session's getApiRequestContext (vi.mock in the test file), whose cookie path needs
 * next/headers and cannot run in vitest; API keys (Authorization: Bearer) need no stand-in.
 */
export const testMembers = new Map<string, Ctx>();

export const sessionStandIn = {
  getApiRequestContext: async () => {
    const ctx = testMembers.get(currentRequest.getStore()?.headers.get('x-test-member') ?? '');
    return ctx ? { ctx } : null;
  },
};

/** A typed client for /api/v1 authenticated by an API key's token. */
export function apiClient(token: string) {
  return createClient<paths>({ baseUrl: BASE_URL, fetch: inProcessFetch, headers: { Authorization: `Bearer ${token}` } });
}

/** A typed client for /api/v1 acting as a signed-in member (see testMembers). */
export function memberClient(name: string) {
  return createClient<paths>({ baseUrl: BASE_URL, fetch: inProcessFetch, headers: { 'x-test-member': name } });
}
