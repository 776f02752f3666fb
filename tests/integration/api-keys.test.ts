// API keys (issue 12): a key acts as a service member of its organization — the same domain
// functions, tenant checks and permission checks as a signed-in member, its scopes intersected with
// what a service may hold (never scorecard:write_own), off every panel for the independent-scoring
// rule — authenticated by `Authorization: Bearer`, rate-limited per key in PostgreSQL, every use
// logged; plus Idempotency-Key on POST. Route handlers run in-process on the file's database
// (setConnection), so this file uses isolation 'file'.
process.env.API_KEY_RATE_LIMIT_PER_MINUTE = '1000';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setConnection } from '@/db/client';
import { GET as listCandidatesRoute } from '@/app/api/v1/candidates/route';
import type { Ctx } from '@/lib/context';
import { setupTestDatabase } from './support/database';
import { makeApiKey, callApi } from './support/api';
import { createOrgWithAdmin } from './support/factories';
import { createApplicant, createOpeningWithStages, createPublishedKit, skillIdsBySlug } from './support/interview-factories';

const t = setupTestDatabase({ seedBuiltin: true });
let admin: Ctx;


beforeAll(async () => {
  setConnection(t.connection);
  admin = (await createOrgWithAdmin(t.db, 'Keys Co')).ctx;

  const slug = await skillIdsBySlug(t.db);
  const kitId = await createPublishedKit(admin, [{ skillId: slug['sql-databases']!, weight: 100 }]);
  const { openingId } = await createOpeningWithStages(admin, kitId, ['Technical']);
  await createApplicant(admin, openingId, 'Cara Candidate');
});

afterAll(() => setConnection(undefined));

describe('bearer authentication', () => {
  it('lists candidates with a read-only key', async () => {
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId });
    const response = await callApi(listCandidatesRoute, { path: '/api/v1/candidates', token });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.candidates.map((c: { name: string }) => c.name)).toEqual(['Cara Candidate']);
  });

  it('refuses an unknown key with 401 and a Bearer challenge', async () => {
    const response = await callApi(listCandidatesRoute, { path: '/api/v1/candidates', token: 'lk_' + 'x'.repeat(43) });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });
});
