// The REST API driven through a client generated from its OpenAPI document (openapi-fetch over
// lib/api/v1.d.ts), dispatched in-process to the route modules with API keys (Authorization:
// Bearer): create, list and page (stable while rows are added), updated_since, ETag / If-Match (a
// stale edit is the 409 conflict), another organization's ids (404), a missing scope (403), bad
// input (422 naming the field, nothing written), Idempotency-Key, and scorecards under the
// independent-scoring rule (members through a session stand-in, keys as off-panel services).
//
// Isolation 'file': route handlers read the process-wide handle (setConnection), and keyset pages
// run in creation order — rows made in one transaction would all share one created_at.
process.env.API_KEY_RATE_LIMIT_PER_MINUTE = '10000';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setConnection } from '@/db/client';
import { candidates } from '@/db/schema';
import { READ_ONLY_SCOPES, SERVICE_GRANTABLE } from '@/lib/auth/permissions';
import type { Ctx } from '@/lib/context';
import { makeApiKey } from './support/api';
import { apiClient, inProcessFetch, memberClient, testMembers } from './support/api-router';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin, makeApplicant, makeInterview, makeKit, makeOpening, makeSubmittedScorecard, qualifyForKit, uniqueEmail } from './support/factories';

vi.mock('@/lib/auth/session', async () => (await import('./support/api-router')).sessionStandIn);

const t = setupTestDatabase({ isolation: 'file' });
let admin: Ctx, ivy: Ctx, ian: Ctx;
const tokens = { write: '', readOnly: '', noFeedback: '', outsider: '' };
let kit: { kitId: string; skillIds: string[] };
let openingId: string;
let stageIds: string[];

const as = {
  /** A key with every scope a service may hold. */
  admin: () => apiClient(tokens.write),
  /** The read-only preset: no candidate:write, opening:write, interview:schedule. */
  readOnly: () => apiClient(tokens.readOnly),
  /** Reads everything but others' feedback (no scorecard:read_all). */
  noFeedback: () => apiClient(tokens.noFeedback),
  outsider: () => apiClient(tokens.outsider),
  ivy: () => memberClient('ivy'),
  ian: () => memberClient('ian'),
};

beforeAll(async () => {
  setConnection(t.connection);
  admin = (await createOrgWithAdmin(t.db, 'API Co')).ctx;
  ivy = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  ian = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
  const outsider = (await createOrgWithAdmin(t.db, 'Other Co')).ctx;
  tokens.write = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: SERVICE_GRANTABLE, name: 'ATS sync' });
  tokens.readOnly = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: READ_ONLY_SCOPES, name: 'Reporting' });
  tokens.noFeedback = await makeApiKey(t.db, { organizationId: admin.organizationId, scopes: READ_ONLY_SCOPES.filter((s) => s !== 'scorecard:read_all'), name: 'Roster' });
  tokens.outsider = await makeApiKey(t.db, { organizationId: outsider.organizationId, scopes: SERVICE_GRANTABLE, name: 'Other ATS' });
  testMembers.set('ivy', ivy).set('ian', ian);
  kit = await makeKit(admin);
  ({ openingId, stageIds } = await makeOpening(admin, { kitId: kit.kitId, stages: ['Technical', 'Onsite'] }));
});

afterAll(() => {
  testMembers.clear();
  setConnection(undefined);
});

const countCandidates = async (organizationId: string) => Number((await t.db.select({ n: count() }).from(candidates).where(eq(candidates.organizationId, organizationId)))[0]!.n);

describe('the document and auth', () => {
  it('serves its OpenAPI document without credentials, and refuses an unknown key (401)', async () => {
    const doc = await inProcessFetch('http://loopkit.test/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0');
    const { response, error } = await apiClient('lk_no_such_key').GET('/me');
    expect(response.status).toBe(401);
    expect(error?.error.code).toBe('unauthenticated');
    expect((await memberClient('nobody').GET('/me')).response.status).toBe(401);
  });

  it('answers a retried POST with the same Idempotency-Key once, with the first answer', async () => {
    const before = await countCandidates(admin.organizationId);
    const body = { name: 'Retried Person', email: uniqueEmail('retry') };
    const params = { header: { 'Idempotency-Key': `import-${uniqueEmail('k')}` } };
    const first = await as.admin().POST('/candidates', { params, body });
    const again = await as.admin().POST('/candidates', { params, body });
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(201);
    expect(again.data!.candidate.id).toBe(first.data!.candidate.id);
    expect(await countCandidates(admin.organizationId)).toBe(before + 1);
  });
});

describe('candidates', () => {
  it('creates one (201, Location, ETag) and reads it back; If-None-Match gets 304', async () => {
    const email = uniqueEmail('cand');
    const { data, response } = await as.admin().POST('/candidates', { body: { name: 'Grace Hopper', email, source: 'ATS' } });
    expect(response.status).toBe(201);
    expect(data!.candidate).toMatchObject({ name: 'Grace Hopper', email, source: 'ATS', revision: 0 });
    expect(response.headers.get('Location')).toBe(`/api/v1/candidates/${data!.candidate.id}`);
    expect(response.headers.get('ETag')).toBe('"0"');
    const again = await as.admin().GET('/candidates/{candidateId}', { params: { path: { candidateId: data!.candidate.id }, header: { 'If-None-Match': '"0"' } } });
    expect(again.response.status).toBe(304);
  });

  it('pages in creation order without skipping or repeating a row while others are added', async () => {
    for (let i = 0; i < 7; i++) await as.admin().POST('/candidates', { body: { name: `Pager ${i}`, email: uniqueEmail('pager') } });
    const before = (await as.admin().GET('/candidates', { params: { query: { sort: 'oldest', limit: 100 } } })).data!.candidates.map((c) => c.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let added = 0;
    do {
      const { data, error } = await as.admin().GET('/candidates', { params: { query: { sort: 'oldest', limit: 3, cursor } } });
      expect(error).toBeUndefined();
      seen.push(...data!.candidates.map((c) => c.id));
      cursor = data!.nextCursor ?? undefined;
      // Someone adds a candidate between every two pages.
      if (added < 3) {
        await as.admin().POST('/candidates', { body: { name: `Late ${added}`, email: uniqueEmail('late') } });
        added++;
      }
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, before.length)).toEqual(before);
    expect(seen.length).toBe(before.length + added);
  });

  it('filters by updated_since', async () => {
    const { data: created } = await as.admin().POST('/candidates', { body: { name: 'Changed Later', email: uniqueEmail('since') } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const since = new Date().toISOString();
    const id = created!.candidate.id;
    await as.admin().PATCH('/candidates/{candidateId}', { params: { path: { candidateId: id }, header: { 'If-Match': '"0"' } }, body: { location: 'Lisbon' } });
    const { data } = await as.admin().GET('/candidates', { params: { query: { updated_since: since } } });
    expect(data!.candidates.map((c) => c.id)).toEqual([id]);
    const bad = await as.admin().GET('/candidates', { params: { query: { updated_since: 'yesterday' } } });
    expect(bad.response.status).toBe(422);
    expect(Object.keys(bad.error!.error.fields!)).toEqual(['updated_since']);
  });

  it('edits with If-Match; a stale ETag is the 409 conflict carrying the current state', async () => {
    const { data: created } = await as.admin().POST('/candidates', { body: { name: 'Ada Lovelace', email: uniqueEmail('ada') } });
    const candidateId = created!.candidate.id;
    const first = await as.admin().PATCH('/candidates/{candidateId}', { params: { path: { candidateId }, header: { 'If-Match': '"0"' } }, body: { phone: '+44 20 7946 0000' } });
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('ETag')).toBe('"1"');
    expect(first.data!.candidate.phone).toBe('+44 20 7946 0000');
    const stale = await as.admin().PATCH('/candidates/{candidateId}', { params: { path: { candidateId }, header: { 'If-Match': '"0"' } }, body: { phone: '+1 555 0100' } });
    expect(stale.response.status).toBe(409);
    expect(stale.error!.error).toMatchObject({ code: 'conflict', current: { revision: 1, phone: '+44 20 7946 0000' } });
    const malformed = await as.admin().PATCH('/candidates/{candidateId}', { params: { path: { candidateId }, header: { 'If-Match': 'W/"1"' } }, body: { phone: '1' } });
    expect(malformed.response.status).toBe(422);
    expect(Object.keys(malformed.error!.error.fields!)).toEqual(['If-Match']);
    const missing = await as.admin().PATCH('/candidates/{candidateId}', { params: { path: { candidateId } }, body: { phone: '1' } });
    expect(missing.response.status).toBe(422);
    expect(Object.keys(missing.error!.error.fields!)).toEqual(['revision']);
    expect((await as.admin().GET('/candidates/{candidateId}', { params: { path: { candidateId } } })).data!.candidate).toMatchObject({ revision: 1, phone: '+44 20 7946 0000' });
  });

  it('answers 422 naming each bad field and writes nothing', async () => {
    const before = await countCandidates(admin.organizationId);
    const { response, error } = await as.admin().POST('/candidates', { body: { name: 'X', email: 'not-an-email' } });
    expect(response.status).toBe(422);
    expect(Object.keys(error!.error.fields!).sort()).toEqual(['email', 'name']);
    expect(await countCandidates(admin.organizationId)).toBe(before);
    const page = await as.admin().GET('/candidates', { params: { query: { limit: 0 } } });
    expect(Object.keys(page.error!.error.fields!)).toEqual(['limit']);
  });

  it("hides another organization's candidate (404) and refuses a key without the scope (403)", async () => {
    const { data } = await as.admin().POST('/candidates', { body: { name: 'Private Person', email: uniqueEmail('private') } });
    const candidateId = data!.candidate.id;
    expect((await as.outsider().GET('/candidates/{candidateId}', { params: { path: { candidateId } } })).response.status).toBe(404);
    const patch = await as.outsider().PATCH('/candidates/{candidateId}', { params: { path: { candidateId }, header: { 'If-Match': '"0"' } }, body: { name: 'Hijacked' } });
    expect(patch.response.status).toBe(404);
    expect((await as.outsider().GET('/candidates')).data!.candidates.map((c) => c.id)).not.toContain(candidateId);
    const before = await countCandidates(admin.organizationId);
    const refused = await as.readOnly().POST('/candidates', { body: { name: 'Not Allowed', email: uniqueEmail('nope') } });
    expect(refused.response.status).toBe(403);
    expect(refused.error!.error.code).toBe('forbidden');
    expect((await as.readOnly().GET('/candidates')).response.status).toBe(200);
    expect(await countCandidates(admin.organizationId)).toBe(before);
  });

  it('imports a CSV export: a dry run previews, the import creates all rows or none', async () => {
    const csv = `name,email,opening\nLin Import,${uniqueEmail('imp')},\nMo Import,${uniqueEmail('imp')},\n`;
    const preview = await as.admin().POST('/candidates/import', { body: { content: csv, openingId, dryRun: true } });
    expect(preview.response.status).toBe(200);
    expect(preview.data).toMatchObject({ preview: { ok: true, create: 2, applications: 2 } });
    const imported = await as.admin().POST('/candidates/import', { body: { content: csv, openingId } });
    expect(imported.response.status).toBe(201);
    expect(imported.data).toEqual({ created: 2 });
    const before = await countCandidates(admin.organizationId);
    const broken = await as.admin().POST('/candidates/import', { body: { content: `name,email\nOk Row,${uniqueEmail('imp')}\nBad Row,not-an-email\n` } });
    expect(broken.response.status).toBe(422);
    expect(Object.keys(broken.error!.error.fields!)).toEqual(['row 2: email']);
    expect(await countCandidates(admin.organizationId)).toBe(before);
  });
});

describe('openings', () => {
  it('creates, lists (paged, with updated_since) and reads one with its loop and weights', async () => {
    const { data, response } = await as.admin().POST('/openings', {
      body: { title: 'Platform Engineer', level: 'senior', stages: [{ name: 'Screen', kitId: kit.kitId, durationMinutes: 45 }] },
    });
    expect(response.status).toBe(201);
    const opening = data!.opening;
    expect(opening.stages).toMatchObject([{ name: 'Screen', kitId: kit.kitId, durationMinutes: 45, position: expect.any(Number) }]);
    expect(opening.weights.map((w) => w.skillId).sort()).toEqual([...kit.skillIds].sort());
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await as.admin().GET('/openings', { params: { query: { limit: 1, cursor } } });
      ids.push(...page.data!.openings.map((o) => o.id));
      cursor = page.data!.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toEqual([openingId, opening.id]);
    const wrongList = await as.admin().GET('/applications', { params: { query: { cursor: (await as.admin().GET('/openings', { params: { query: { limit: 1 } } })).data!.nextCursor! } } });
    expect(Object.keys(wrongList.error!.error.fields!)).toEqual(['cursor']);
    const since = await as.admin().GET('/openings', { params: { query: { updated_since: opening.updatedAt } } });
    expect(since.data!.openings.map((o) => o.id)).toEqual([opening.id]);
  });

  it('patches some fields with If-Match, keeping the rest; stale is 409; another org 404; a read-only key 403', async () => {
    const { data: read, response } = await as.admin().GET('/openings/{openingId}', { params: { path: { openingId } } });
    const etag = response.headers.get('ETag')!;
    expect(etag).toBe(`"${read!.opening.revision}"`);
    const patched = await as.admin().PATCH('/openings/{openingId}', { params: { path: { openingId }, header: { 'If-Match': etag } }, body: { status: 'on_hold' } });
    expect(patched.response.status).toBe(200);
    expect(patched.data!.opening).toMatchObject({ status: 'on_hold', title: read!.opening.title, revision: read!.opening.revision + 1 });
    expect(patched.data!.opening.stages.map((s) => s.id)).toEqual(read!.opening.stages.map((s) => s.id));
    const stale = await as.admin().PATCH('/openings/{openingId}', { params: { path: { openingId }, header: { 'If-Match': etag } }, body: { status: 'open' } });
    expect(stale.response.status).toBe(409);
    expect((await as.outsider().GET('/openings/{openingId}', { params: { path: { openingId } } })).response.status).toBe(404);
    const refusedEdit = await as.readOnly().PATCH('/openings/{openingId}', { params: { path: { openingId }, header: { 'If-Match': patched.response.headers.get('ETag')! } }, body: { status: 'closed' } });
    expect(refusedEdit.response.status).toBe(403);
    await as.admin().PATCH('/openings/{openingId}', { params: { path: { openingId }, header: { 'If-Match': patched.response.headers.get('ETag')! } }, body: { status: 'open' } });
  });
});

describe('applications and interviews', () => {
  it('applies a candidate, moves the application, and schedules, reschedules and cancels an interview', async () => {
    const { data: c } = await as.admin().POST('/candidates', { body: { name: 'Pipeline Person', email: uniqueEmail('pipe') } });
    const applied = await as.admin().POST('/applications', { body: { candidateId: c!.candidate.id, openingId } });
    expect(applied.response.status).toBe(201);
    const applicationId = applied.data!.application.id;
    const twice = await as.admin().POST('/applications', { body: { candidateId: c!.candidate.id, openingId } });
    expect(Object.keys(twice.error!.error.fields!)).toEqual(['openingId']);

    const scheduled = await as.admin().POST('/interviews', {
      body: { applicationId, openingStageId: stageIds[0]!, scheduledAt: '2030-03-04T10:00:00Z', durationMinutes: 60, panelUserIds: [ivy.userId] },
    });
    expect(scheduled.response.status).toBe(201);
    const interviewId = scheduled.data!.interview.id;
    expect(scheduled.response.headers.get('ETag')).toBe('"0"');
    const moved = await as.admin().PATCH('/interviews/{interviewId}', { params: { path: { interviewId }, header: { 'If-Match': '"0"' } }, body: { scheduledAt: '2030-03-05T10:00:00Z' } });
    expect(moved.response.status).toBe(200);
    expect(moved.data!.interview).toMatchObject({ revision: 1, scheduledAt: '2030-03-05T10:00:00.000Z', durationMinutes: 60, panelUserIds: [ivy.userId] });
    const staleCancel = await as.admin().POST('/interviews/{interviewId}/cancel', { params: { path: { interviewId }, header: { 'If-Match': '"0"' } }, body: { reason: 'Candidate withdrew' } });
    expect(staleCancel.response.status).toBe(409);
    const cancelled = await as.admin().POST('/interviews/{interviewId}/cancel', { params: { path: { interviewId }, header: { 'If-Match': '"1"' } }, body: { reason: 'Candidate withdrew' } });
    expect(cancelled.data!.interview.status).toBe('cancelled');

    const rejected = await as.admin().PATCH('/applications/{applicationId}', { params: { path: { applicationId } }, body: { stage: 'withdrawn' } });
    expect(rejected.data!.application).toMatchObject({ stage: 'withdrawn', closedAt: expect.any(String) });
    const bad = await as.admin().PATCH('/applications/{applicationId}', { params: { path: { applicationId } }, body: { stage: 'gone' as never } });
    expect(Object.keys(bad.error!.error.fields!)).toEqual(['stage']);
    expect((await as.outsider().GET('/applications/{applicationId}', { params: { path: { applicationId } } })).response.status).toBe(404);
    expect((await as.outsider().GET('/interviews/{interviewId}', { params: { path: { interviewId } } })).response.status).toBe(404);
    expect((await as.readOnly().POST('/interviews', { body: { applicationId, openingStageId: stageIds[0]!, scheduledAt: '2030-03-04T10:00:00Z', durationMinutes: 60, panelUserIds: [ivy.userId] } })).response.status).toBe(403);
  });
});

describe('panel roles and the qualification warning', () => {
  it('schedules with a shadow, returns the warning until a qualified interviewer sits on the panel, and keeps roles on reschedule', async () => {
    const { applicationId } = await makeApplicant(admin, { openingId });
    const scheduled = await as.admin().POST('/interviews', {
      body: { applicationId, openingStageId: stageIds[0]!, scheduledAt: '2030-04-01T10:00:00Z', durationMinutes: 60, panelUserIds: [ivy.userId, ian.userId], panelRoles: { [ian.userId]: 'shadow' } },
    });
    expect(scheduled.response.status).toBe(201);
    expect(scheduled.data!.interview).toMatchObject({ panelRoles: { [ivy.userId]: 'interviewer', [ian.userId]: 'shadow' }, warnings: [expect.stringContaining('qualified')] });
    const interviewId = scheduled.data!.interview.id;
    await qualifyForKit(admin, kit.kitId, ivy.userId);
    const moved = await as.admin().PATCH('/interviews/{interviewId}', { params: { path: { interviewId }, header: { 'If-Match': '"0"' } }, body: { scheduledAt: '2030-04-02T10:00:00Z' } });
    expect(moved.data!.interview).toMatchObject({ panelRoles: { [ian.userId]: 'shadow' }, warnings: [] });
    const onlyShadows = await as.admin().PATCH('/interviews/{interviewId}', { params: { path: { interviewId }, header: { 'If-Match': '"1"' } }, body: { panelRoles: { [ivy.userId]: 'reverse_shadow' } } });
    expect(onlyShadows.response.status).toBe(422);
    expect(Object.keys(onlyShadows.error!.error.fields!)).toEqual(['panelRoles']);
  });

  it('marks a shadow’s scorecard as not counted in the scorecard list', async () => {
    const { candidateId, applicationId } = await makeApplicant(admin, { openingId });
    const interviewId = await makeInterview(admin, { applicationId, stageId: stageIds[0]!, panel: [ivy, ian], roles: { [ian.userId]: 'shadow' } });
    const ratings = Object.fromEntries(kit.skillIds.map((id) => [id, 2 as const]));
    await makeSubmittedScorecard(ivy, { interviewId, ratings });
    await makeSubmittedScorecard(ian, { interviewId, ratings });
    const cards = (await as.admin().GET('/scorecards', { params: { query: { candidateId } } })).data!.scorecards;
    expect(Object.fromEntries(cards.map((c) => [c.interviewerUserId, c.counted]))).toEqual({ [ivy.userId]: true, [ian.userId]: false });
  });
});

describe('scorecards', () => {
  it('lists submitted scorecards under the independent-scoring rule', async () => {
    const { candidateId, applicationId } = await makeApplicant(admin, { openingId });
    const interviewId = await makeInterview(admin, { applicationId, stageId: stageIds[0]!, panel: [ivy, ian] });
    const ratings = Object.fromEntries(kit.skillIds.map((id) => [id, 3 as const]));
    const ivyCardId = await makeSubmittedScorecard(ivy, { interviewId, ratings });
    const query = { params: { query: { candidateId } } };
    // Ian sits on the panel and owes his own card: Ivy's stays hidden from him.
    expect((await as.ian().GET('/scorecards', query)).data!.scorecards).toEqual([]);
    expect((await as.ivy().GET('/scorecards', query)).data!.scorecards.map((s) => s.interviewerUserId)).toEqual([ivy.userId]);
    const adminView = (await as.admin().GET('/scorecards', query)).data!.scorecards;
    expect(adminView).toHaveLength(1);
    expect(adminView[0]).toMatchObject({ interviewId, applicationId, candidateId, openingId, recommendation: 'yes' });
    expect(adminView[0]!.ratings.map((r) => r.rating)).toEqual([3, 3]);
    expect(adminView[0]).not.toHaveProperty('notes');
    expect((await as.ian().GET('/scorecards/{scorecardId}', { params: { path: { scorecardId: ivyCardId } } })).response.status).toBe(404);
    await makeSubmittedScorecard(ian, { interviewId, ratings });
    expect((await as.ian().GET('/scorecards', query)).data!.scorecards).toHaveLength(2);
    expect((await as.outsider().GET('/scorecards', query)).data!.scorecards).toEqual([]);
    // A key is on no panel: it reads others' feedback only with scorecard:read_all.
    expect((await as.readOnly().GET('/scorecards', query)).data!.scorecards).toHaveLength(2);
    expect((await as.noFeedback().GET('/scorecards', query)).data!.scorecards).toEqual([]);
    const read = await as.admin().GET('/scorecards/{scorecardId}', { params: { path: { scorecardId: ivyCardId } } });
    expect(read.response.headers.get('ETag')).toMatch(/^"\d+"$/);
  });
});

describe('kits and questions', () => {
  it('lists and reads them, with 404 for another organization', async () => {
    const kits = (await as.admin().GET('/kits')).data!.kits;
    expect(kits.map((k) => k.id)).toContain(kit.kitId);
    const one = await as.admin().GET('/kits/{kitId}', { params: { path: { kitId: kit.kitId } } });
    expect(one.response.status).toBe(200);
    expect(one.response.headers.get('ETag')).toMatch(/^W\//);
    expect((await as.outsider().GET('/kits/{kitId}', { params: { path: { kitId: kit.kitId } } })).response.status).toBe(404);
    const questions = (await as.admin().GET('/questions', { params: { query: { limit: 100 } } })).data!.questions;
    expect(questions.length).toBeGreaterThanOrEqual(2);
    const ours = questions.find((q) => !q.builtin)!;
    expect((await as.admin().GET('/questions/{questionId}', { params: { path: { questionId: ours.id } } })).response.status).toBe(200);
    expect((await as.outsider().GET('/questions/{questionId}', { params: { path: { questionId: ours.id } } })).response.status).toBe(404);
  });
});
