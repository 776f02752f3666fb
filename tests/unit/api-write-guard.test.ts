// Every state-changing REST route refuses a cross-site write before it authenticates or reads
// anything, and refuses a body a cross-site page could send without a CORS preflight. The routes
// are found on disk, so a new route is covered the day it is added.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const API_ROOT = path.join(process.cwd(), 'app', 'api', 'v1');
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const writeRoutes = await Promise.all(
  routeFiles(API_ROOT).map(async (file) => {
    const mod = (await import(file)) as Partial<Record<string, RouteHandler>>;
    const route = path.relative(API_ROOT, path.dirname(file)) || '.';
    return WRITE_METHODS.flatMap((method) => (mod[method] ? [{ route, method, handler: mod[method] }] : []));
  }),
).then((lists) => lists.flat());

// Any value works for a dynamic segment: the guard must answer before the id is looked at.
const params = new Proxy({}, { get: () => '00000000-0000-4000-8000-000000000000' }) as Record<string, string>;

function call(handler: RouteHandler, method: string, headers: Record<string, string>) {
  const request = new Request('http://127.0.0.1:3000/api/v1/anything', { method, headers, body: method === 'DELETE' ? undefined : '{}' });
  return handler(request, { params: Promise.resolve(params) });
}

describe('state-changing API routes', () => {
  it('are found on disk', () => {
    expect(writeRoutes.length).toBeGreaterThan(5);
  });

  it.each(writeRoutes.map((r) => [`${r.method} ${r.route}`, r] as const))('%s refuses a cross-site write with 403', async (_name, { method, handler }) => {
    const response = await call(handler, method, {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
      'content-type': 'application/json',
      cookie: 'authjs.session-token=stolen',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden', message: expect.stringMatching(/cross-site/i) } });
  });

  it.each(writeRoutes.filter((r) => r.method !== 'DELETE').map((r) => [`${r.method} ${r.route}`, r] as const))(
    '%s refuses a same-site text/plain body with 415',
    async (_name, { method, handler }) => {
      const response = await call(handler, method, { 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain', cookie: 'authjs.session-token=x' });
      expect(response.status).toBe(415);
    },
  );
});
