// The OpenAPI document cannot drift from the code: it is valid OpenAPI 3.1, it lists exactly the
// (path, method) pairs that app/api/v1/**/route.ts files export, and the committed client types
// (lib/api/v1.d.ts) are what `npm run api:types` generates from it today.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/api/openapi';
import { describeType, referenceSections } from '@/lib/api/reference';
import { API_TYPES_FILE, generateApiTypes } from '@/scripts/api-types';

const API_ROOT = path.join(import.meta.dirname, '..', '..', 'app', 'api', 'v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

/** `GET /candidates/{candidateId}` for every method each route file exports (export const X / export function X / export { X }). */
function routesInCode(): string[] {
  return routeFiles(API_ROOT).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const routePath = `/${path.relative(API_ROOT, path.dirname(file)).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}');
    return METHODS.filter((m) => new RegExp(`export\\s+(const|async function|function)\\s+${m}\\b|export\\s*\\{[^}]*\\b${m}\\b[^}]*\\}`).test(source)).map((m) => `${m} ${routePath}`);
  });
}

function routesInDocument(): string[] {
  const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).filter((k) => METHODS.includes(k.toUpperCase() as never)).map((m) => `${m.toUpperCase()} ${p}`));
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openApiDocument()));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every route in app/api/v1 and nothing else', () => {
    const code = routesInCode().sort();
    expect(code.length).toBeGreaterThan(40);
    expect(routesInDocument().sort()).toEqual(code);
  });

  it('has operation ids that are unique, and every non-public operation demands auth', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { operationId: string; security?: unknown[] }>>; security: unknown[] };
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    expect(doc.security).toEqual([{ bearerApiKey: [] }, { sessionCookie: [] }]);
    expect(ops.filter((o) => o.security?.length === 0).map((o) => o.operationId)).toEqual(['getOpenapi']);
  });

  it('describes the request with the zod schema the route validates with', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required?: string[] } }> } }>> };
    const create = doc.paths['/candidates']!.post!.requestBody!.content['application/json']!.schema;
    expect(Object.keys(create.properties)).toEqual(['name', 'email', 'phone', 'location', 'source', 'openingId']);
    expect(create.required).toEqual(['name', 'email']);
  });

  it('matches the committed client types (run `npm run api:types` after changing a route or schema)', async () => {
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(await generateApiTypes());
  });
});

describe('the reference page content', () => {
  it('lists every operation once, grouped by tag, with its fields in words', () => {
    const sections = referenceSections(openApiDocument());
    expect(sections.flatMap((s) => s.operations).length).toBe(routesInDocument().length);
    const create = sections.find((s) => s.tag === 'Candidates')!.operations.find((o) => o.id === 'postCandidates')!;
    expect(create.permission).toBe('candidate:write');
    expect(create.body.find((f) => f.name === 'email')).toMatchObject({ required: true });
    expect(create.responses.map((r) => r.status)).toEqual(['201', '401', '403', '413', '422', '429']);
    const patch = sections.flatMap((s) => s.operations).find((o) => o.id === 'patchCandidatesByCandidateId')!;
    expect(patch.parameters.map((p) => `${p.location}:${p.name}`)).toEqual(['path:candidateId', 'header:If-Match']);
  });

  it('describes schemas briefly', () => {
    expect(describeType({ type: 'integer', minimum: 1, maximum: 100 })).toBe('integer 1–100');
    expect(describeType({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string | null');
    expect(describeType({ type: 'array', items: { $ref: '#/components/schemas/Candidate' } })).toBe('Candidate[]');
    expect(describeType({ enum: ['a', 'b'] })).toBe('"a" | "b"');
  });
});
