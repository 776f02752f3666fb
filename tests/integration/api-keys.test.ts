// API keys (issue 12): a key acts as a service member of its organization — the same domain
// functions, tenant checks and permission checks as a signed-in member, its scopes intersected with
// what a service may hold (never scorecard:write_own), off every panel for the independent-scoring
// rule — authenticated by `Authorization: Bearer`, rate-limited per key in PostgreSQL, every use
// logged; plus Idempotency-Key on POST, concurrent retries included. Route handlers run in-process
// on the file's database (setConnection), so this file uses isolation 'file'.
process.env.API_KEY_RATE_LIMIT_PER_MINUTE = '25';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as recordDecisionRoute } from '@/app/api/v1/applications/[applicationId]/decision/route';
import { GET as candidateRoute } from '@/app/api/v1/candidates/[candidateId]/route';
import { GET as feedbackRoute } from '@/app/api/v1/candidates/[candidateId]/feedback/route';
import { GET as listCandidatesRoute } from '@/app/api/v1/candidates/route';
import { POST as openScorecardRoute } from '@/app/api/v1/interviews/[interviewId]/scorecard/route';
import { GET as meRoute } from '@/app/api/v1/me/route';
import { setConnection } from '@/db/client';
import { apiKeys, apiKeyUses, applicationDecisions, auditEvents, idempotencyKeys, users } from '@/db/schema';
import { authenticateApiKey, pruneApiKeyRateWindows } from '@/lib/api-keys/authenticate';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/mutations';
import { listApiKeys } from '@/lib/api-keys/queries';
import { flushApiKeyUses } from '@/lib/api-keys/uses';
import { PERMISSIONS, type Permission, READ_ONLY_SCOPES } from '@/lib/auth/permissions';
import { findUserByEmail } from '@/lib/auth/accounts';
import { can, type Ctx } from '@/lib/context';
import { ForbiddenError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from '@/lib/errors';
import { pruneIdempotencyKeys } from '@/lib/idempotency';
import { scheduleInterview } from '@/lib/interviews/mutations';
import { updateOrganization } from '@/lib/orgs/mutations';
import { openScorecard } from '@/lib/scorecards/mutations';
import { callApi, makeApiKey, makeApiKeyRecord } from './support/api';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';
import { createApplicant, createInterview, createOpeningWithStages, createPublishedKit, skillIdsBySlug, submitFilledScorecard } from './support/interview-factories';

const t = setupTestDatabase({ seedBuiltin: true });
const ORG = 'Keys Co';
let admin: Ctx, recruiter: Ctx, ivy: Ctx, ian: Ctx, outsider: Ctx;
let stageIds: string[];
let cara: { candidateId: string; applicationId: string };
let dan: { candidateId: string; applicationId: string };
let foreign: { candidateId: string; applicationId: string };
let interviewId: string;
const RATIONALE = 'Strong SQL depth across the technical interview; clear reasoning about indexes.';

beforeAll(async () => {
  setConnection(t.connection);
  admin = (await createOrgWithAdmin(t.db, ORG)).ctx;
  recruiter = (await addMember(t.db, admin.organizationId, 'recruiter')).ctx;
  ivy = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  ian = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  outsider = (await createOrgWithAdmin(t.db)).ctx;
  const slug = await skillIdsBySlug(t.db);
  const A = slug['sql-databases']!;
  const kitId = await createPublishedKit(admin, [{ skillId: A, weight: 100 }]);
  const opening = await createOpeningWithStages(admin, kitId, ['Technical']);
  stageIds = opening.stageIds;
  cara = await createApplicant(admin, opening.openingId, 'Cara Candidate');
  dan = await createApplicant(admin, opening.openingId, 'Dan Candidate');
  // Ivy has submitted, Ian has not: the rule keeps Ivy's card from Ian, and from a key without read_all.
  interviewId = await createInterview(admin, { applicationId: cara.applicationId, stageId: stageIds[0]!, panel: [ivy, ian], startsInMs: -60 * 60_000 });
  await submitFilledScorecard(ivy, interviewId, { [A]: 3 }, 'yes');
  const otherKit = await createPublishedKit(outsider, [{ skillId: A, weight: 100 }]);
  const otherOpening = await createOpeningWithStages(outsider, otherKit, ['Technical']);
  foreign = await createApplicant(outsider, otherOpening.openingId, 'Olga Elsewhere');
});

afterAll(() => setConnection(undefined));

const names = async (response: Response) => ((await response.json()) as { candidates: { name: string }[] }).candidates.map((c) => c.name).sort();

describe('bearer authentication', () => {
  it('lists the key’s own organization’s candidates with a read-only key', async () => {
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId });
    const response = await callApi(listCandidatesRoute, { path: '/api/v1/candidates', token });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await names(response)).toEqual(['Cara Candidate', 'Dan Candidate']);
  });

  it('acts as its own service user, with the service role', async () => {
    const key = await makeApiKeyRecord(t.db, { organizationId: admin.organizationId, name: 'ATS sync' });
    const response = await callApi(meRoute, { path: '/api/v1/me', token: key.token });
    expect(await response.json()).toEqual({ userId: key.serviceUserId, organizationId: admin.organizationId, role: 'service' });
    const [user] = await t.db.select().from(users).where(eq(users.id, key.serviceUserId));
    expect(user).toMatchObject({ name: 'API key: ATS sync', passwordHash: null });
  });

  it.each([
    ['unknown', async () => 'lk_' + 'x'.repeat(43)],
    ['malformed', async () => 'not-a-key'],
    ['revoked', async () => makeApiKey(t.db, { organizationId: admin.organizationId, revokedAt: new Date() })],
    ['expired', async () => makeApiKey(t.db, { organizationId: admin.organizationId, expiresAt: new Date(Date.now() - 1000) })],
  ])('refuses an %s key with 401 and a Bearer challenge', async (_label, token) => {
    const response = await callApi(listCandidatesRoute, { path: '/api/v1/candidates', token: await token() });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="loopkit", error="invalid_token"');
    expect((await response.json()).error.code).toBe('unauthenticated');
  });

  it('never falls back to the cookie when the Authorization header is not a usable bearer token', async () => {
    const response = await callApi(listCandidatesRoute, { path: '/api/v1/candidates', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(response.status).toBe(401);
  });

  it('is refused at once after revocation through the domain function', async () => {
    const created = await createApiKey(admin, { name: 'Short-lived', preset: 'read_only' });
    expect((await callApi(listCandidatesRoute, { path: '/api/v1/candidates', token: created.token })).status).toBe(200);
    await revokeApiKey(admin, { apiKeyId: created.id });
    expect((await callApi(listCandidatesRoute, { path: '/api/v1/candidates', token: created.token })).status).toBe(401);
  });

  it('does not apply the cross-site guard to bearer writes, but keeps it for cookie writes', async () => {
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: ['decision:record'] });
    const crossSite = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    const withKey = await callApi(recordDecisionRoute, {
      path: `/api/v1/applications/${dan.applicationId}/decision`,
      token,
      headers: crossSite,
      body: { outcome: 'hold', rationale: 'x' },
      params: { applicationId: dan.applicationId },
    });
    expect(withKey.status).toBe(422); // reached the domain function: the rationale is too short
    const withCookie = await callApi(recordDecisionRoute, {
      path: `/api/v1/applications/${dan.applicationId}/decision`,
      headers: { ...crossSite, cookie: 'authjs.session-token=whatever' },
      body: { outcome: 'hold', rationale: RATIONALE },
      params: { applicationId: dan.applicationId },
    });
    expect(withCookie.status).toBe(403);
  });

  it('still wants JSON for a bearer write (415)', async () => {
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: ['decision:record'] });
    const request = new Request(`http://localhost/api/v1/applications/${dan.applicationId}/decision`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect((await recordDecisionRoute(request, { params: Promise.resolve({ applicationId: dan.applicationId }) })).status).toBe(415);
  });
});

describe('scopes against the permission map', () => {
  it('grants exactly its scopes, minus what a service may never hold', async () => {
    const scopes: Permission[] = ['candidate:read', 'scorecard:write_own', 'api_key:manage', 'decision:record'];
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes });
    const ctx = await authenticateApiKey(t.db, token, { limitPerMinute: 1000 });
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      const expected = permission === 'candidate:read' || permission === 'decision:record';
      expect([permission, can(ctx, permission)]).toEqual([permission, expected]);
    }
  });

  it('answers 403 for a route outside the key’s scopes', async () => {
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: ['question:read'] });
    const response = await callApi(listCandidatesRoute, { path: '/api/v1/candidates', token });
    expect(response.status).toBe(403);
  });

  it('never lets a key write a scorecard of its own, even when scorecard:write_own is stored', async () => {
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: [...READ_ONLY_SCOPES, 'scorecard:write_own'] });
    const response = await callApi(openScorecardRoute, { path: `/api/v1/interviews/${interviewId}/scorecard`, token, body: {}, params: { interviewId } });
    expect(response.status).toBe(403);
    const ctx = await authenticateApiKey(t.db, token, { limitPerMinute: 1000 });
    await expect(openScorecard(ctx, { interviewId })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('cannot put a key’s service user on a panel: it is no member', async () => {
    const key = await makeApiKeyRecord(t.db, { organizationId: admin.organizationId });
    await expect(
      scheduleInterview(admin, { applicationId: dan.applicationId, openingStageId: stageIds[0]!, scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), durationMinutes: 60, panelUserIds: [key.serviceUserId] }),
    ).rejects.toSatisfy((e) => e instanceof ValidationError || e instanceof NotFoundError);
  });

  it('answers 404 for another organization’s ids', async () => {
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId });
    const response = await callApi(candidateRoute, { path: `/api/v1/candidates/${foreign.candidateId}`, token, params: { candidateId: foreign.candidateId } });
    expect(response.status).toBe(404);
    const own = await callApi(candidateRoute, { path: `/api/v1/candidates/${cara.candidateId}`, token, params: { candidateId: cara.candidateId } });
    expect(own.status).toBe(200);
  });
});

describe('independent scoring through a key', () => {
  const feedback = async (token: string) => {
    const response = await callApi(feedbackRoute, { path: `/api/v1/candidates/${cara.candidateId}/feedback`, token, params: { candidateId: cara.candidateId } });
    expect(response.status).toBe(200);
    return (await response.json()) as { othersVisible: boolean; scorecards: { status: string }[] };
  };

  it('reads submitted feedback only with scorecard:read_all', async () => {
    const reader = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: ['candidate:read', 'scorecard:read_all'] });
    const plain = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: ['candidate:read'] });
    expect(await feedback(reader)).toMatchObject({ othersVisible: true, scorecards: [{ status: 'submitted' }] });
    expect(await feedback(plain)).toMatchObject({ othersVisible: false, scorecards: [] });
  });

  it('is off every panel, so holding leads to the rule changes nothing for a key', async () => {
    await updateOrganization(admin, { name: ORG, leadsScoreIndependently: true });
    try {
      const reader = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: ['candidate:read', 'scorecard:read_all'] });
      expect((await feedback(reader)).othersVisible).toBe(true);
    } finally {
      await updateOrganization(admin, { name: ORG, leadsScoreIndependently: false });
    }
  });
});

describe('rate limit per key', () => {
  it('answers 429 with Retry-After past the per-minute limit (25 in this file), per key', async () => {
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId });
    const other = await makeApiKey(t.db, { organizationId: admin.organizationId });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 26; i++) {
      last = await callApi(meRoute, { path: '/api/v1/me', token });
      statuses.push(last.status);
    }
    // The window is the calendar minute: a run that crosses a minute boundary restarts the count.
    if (statuses.includes(429)) {
      expect(statuses.at(-1)).toBe(429);
      const retryAfter = Number(last!.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    } else {
      expect(new Date().getSeconds()).toBeLessThan(5);
    }
    expect((await callApi(meRoute, { path: '/api/v1/me', token: other })).status).toBe(200);
  });

  it('counts in PostgreSQL and throws RateLimitedError at the limit', async () => {
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId });
    const attempt = () => authenticateApiKey(t.db, token, { limitPerMinute: 2 });
    await attempt();
    await attempt();
    await expect(attempt()).rejects.toBeInstanceOf(RateLimitedError);
    // Pruning keeps the current hour's windows.
    await pruneApiKeyRateWindows(t.db);
    await expect(attempt()).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('touches last_used_at at most once a minute', async () => {
    const key = await makeApiKeyRecord(t.db, { organizationId: admin.organizationId });
    await authenticateApiKey(t.db, key.token, { limitPerMinute: 1000 });
    const [first] = await t.db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, key.apiKeyId));
    expect(first!.at).not.toBeNull();
    await authenticateApiKey(t.db, key.token, { limitPerMinute: 1000 });
    const [second] = await t.db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, key.apiKeyId));
    expect(second!.at!.getTime()).toBe(first!.at!.getTime());
  });
});

describe('Idempotency-Key on POST', () => {
  const decide = (token: string, key: string, body: unknown, applicationId = dan.applicationId) =>
    callApi(recordDecisionRoute, { path: `/api/v1/applications/${applicationId}/decision`, token, headers: { 'idempotency-key': key }, body, params: { applicationId } });
  const decisionCount = async (applicationId: string) => (await t.db.select().from(applicationDecisions).where(eq(applicationDecisions.applicationId, applicationId))).length;

  it('replays the first answer for a repeated key and refuses the key with another body', async () => {
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: ['decision:record'] });
    const before = await decisionCount(dan.applicationId);
    const first = await decide(token, 'retry-1', { outcome: 'hold', rationale: RATIONALE });
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    const again = await decide(token, 'retry-1', { outcome: 'hold', rationale: RATIONALE });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(firstBody);
    expect(await decisionCount(dan.applicationId)).toBe(before + 1);

    const changed = await decide(token, 'retry-1', { outcome: 'reject', rationale: RATIONALE });
    expect(changed.status).toBe(422);
    expect((await changed.json()).error.fields).toHaveProperty('Idempotency-Key');
    expect(await decisionCount(dan.applicationId)).toBe(before + 1);
  });

  it('runs concurrent retries with one key once', async () => {
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: ['decision:record'] });
    const before = await decisionCount(cara.applicationId);
    const responses = await Promise.all(Array.from({ length: 6 }, () => decide(token, 'concurrent-1', { outcome: 'hold', rationale: RATIONALE }, cara.applicationId)));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
    expect(await decisionCount(cara.applicationId)).toBe(before + 1);
  });

  it('stores a 4xx answer without its effects, and scopes keys per principal', async () => {
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: ['decision:record'] });
    const short = await decide(token, 'bad-1', { outcome: 'hold', rationale: 'x' });
    expect(short.status).toBe(422);
    const replayed = await decide(token, 'bad-1', { outcome: 'hold', rationale: 'x' });
    expect(replayed.status).toBe(422);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    // Another key may use the same Idempotency-Key value for its own request.
    const otherToken = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: ['decision:record'] });
    expect((await decide(otherToken, 'bad-1', { outcome: 'hold', rationale: RATIONALE })).status).toBe(201);
  });

  it('refuses a malformed key with 422 naming Idempotency-Key, and prunes expired answers', async () => {
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: ['decision:record'] });
    const response = await decide(token, 'x'.repeat(300), { outcome: 'hold', rationale: RATIONALE });
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields).toHaveProperty('Idempotency-Key');
    const before = (await t.db.select().from(idempotencyKeys)).length;
    expect(before).toBeGreaterThan(0);
    expect(await pruneIdempotencyKeys(t.db, new Date(Date.now() + 25 * 3_600_000))).toBe(before);
  });
});

describe('managing keys', () => {
  it('creates a key shown once, hashed at rest, audited without the secret', async () => {
    const created = await createApiKey(admin, { name: 'ATS', preset: 'custom', scopes: ['candidate:read', 'candidate:write'], expiresInDays: '30' });
    expect(created.token).toMatch(/^lk_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row!.secretHash).not.toContain(created.token);
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    await revokeApiKey(admin, { apiKeyId: created.id });
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'api_key'), eq(auditEvents.entityId, created.id)));
    expect(events.map((e) => e.action).sort()).toEqual(['api_key.created', 'api_key.revoked']);
    expect(JSON.stringify(events)).not.toContain(created.token);
    expect(events.every((e) => e.actorUserId === admin.userId)).toBe(true);
    const listed = (await listApiKeys(admin)).find((k) => k.id === created.id);
    expect(listed).toMatchObject({ status: 'revoked', prefix: created.prefix, scopes: ['candidate:read', 'candidate:write'] });
    expect(listed).not.toHaveProperty('secretHash');
  });

  it('offers a read-only preset', async () => {
    const created = await createApiKey(admin, { name: 'Reader', preset: 'read_only' });
    expect(created.scopes.sort()).toEqual([...READ_ONLY_SCOPES].sort());
  });

  it('refuses bad input with 422 naming the field and writes nothing', async () => {
    const before = (await t.db.select().from(apiKeys)).length;
    await expect(createApiKey(admin, { name: '  ', preset: 'read_only' })).rejects.toSatisfy((e) => e instanceof ValidationError && 'name' in e.fieldErrors);
    await expect(createApiKey(admin, { name: 'Writer', scopes: ['scorecard:write_own'] })).rejects.toSatisfy((e) => e instanceof ValidationError && 'scopes.0' in e.fieldErrors);
    await expect(createApiKey(admin, { name: 'Nothing', scopes: [] })).rejects.toSatisfy((e) => e instanceof ValidationError && 'scopes' in e.fieldErrors);
    await expect(createApiKey(admin, { name: 'Forever', preset: 'read_only', expiresInDays: '0' })).rejects.toSatisfy((e) => e instanceof ValidationError && 'expiresInDays' in e.fieldErrors);
    expect((await t.db.select().from(apiKeys)).length).toBe(before);
  });

  it('is for admins only (403), and never for a key', async () => {
    await expect(createApiKey(recruiter, { name: 'Mine', preset: 'read_only' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listApiKeys(recruiter)).rejects.toBeInstanceOf(ForbiddenError);
    const token = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: ['api_key:manage', 'org:manage'] });
    const keyCtx = await authenticateApiKey(t.db, token, { limitPerMinute: 1000 });
    await expect(createApiKey(keyCtx, { name: 'Escalate', preset: 'read_only' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('answers 404 when revoking another organization’s key', async () => {
    const theirs = await createApiKey(outsider, { name: 'Theirs', preset: 'read_only' });
    await expect(revokeApiKey(admin, { apiKeyId: theirs.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listApiKeys(outsider)).find((k) => k.id === theirs.id)!.status).toBe('active');
  });

  it('gives a service user no password reset and no sign-in', async () => {
    const key = await makeApiKeyRecord(t.db, { organizationId: admin.organizationId });
    const [user] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, key.serviceUserId));
    expect(user!.email).toMatch(/@service\.loopkit\.invalid$/);
    expect((await findUserByEmail(t.db, user!.email))?.id).toBe(key.serviceUserId);
  });
});

describe('every use is logged', () => {
  it('records method, route pattern and status — no ids, no query string', async () => {
    const key = await makeApiKeyRecord(t.db, { organizationId: admin.organizationId });
    await callApi(listCandidatesRoute, { path: '/api/v1/candidates?q=Cara', token: key.token });
    await callApi(candidateRoute, { path: `/api/v1/candidates/${foreign.candidateId}`, token: key.token, params: { candidateId: foreign.candidateId } });
    await flushApiKeyUses();
    const uses = await t.db.select().from(apiKeyUses).where(eq(apiKeyUses.apiKeyId, key.apiKeyId)).orderBy(apiKeyUses.id);
    expect(uses.map((u) => [u.method, u.route, u.status])).toEqual([
      ['GET', '/api/v1/candidates', 200],
      ['GET', '/api/v1/candidates/:id', 404],
    ]);
    expect(uses.every((u) => u.organizationId === admin.organizationId)).toBe(true);
  });

  it('refuses unauthenticated bearer requests without a trace of a key', async () => {
    await expect(authenticateApiKey(t.db, 'lk_' + 'y'.repeat(43), { limitPerMinute: 1000 })).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
