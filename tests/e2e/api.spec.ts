// The REST API over the same domain functions: 401 anonymous, 422 naming the field, 403 for a
// missing permission, 404 for ids that are not in the caller's organization.
import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

test('the API maps domain errors to status codes', async ({ page, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get('/api/v1/members')).status()).toBe(401);
  await anonymous.dispose();

  await signIn(page, demo.admin.email, demo.password);
  const api = page.request;
  const members = await api.get('/api/v1/members');
  expect(members.status()).toBe(200);
  expect((await members.json()).members.length).toBeGreaterThanOrEqual(6);

  const bad = await api.post('/api/v1/invitations', { data: { email: 'not-an-email', role: 'wizard' } });
  expect(bad.status()).toBe(422);
  const body = await bad.json();
  expect(Object.keys(body.error.fields).sort()).toEqual(['email', 'role']);
  expect((await (await api.get('/api/v1/invitations')).json()).invitations).toHaveLength(0);

  const notJson = await api.post('/api/v1/invitations', { headers: { 'content-type': 'application/json' }, data: '{oops' });
  expect(notJson.status()).toBe(422);

  const missing = await api.patch('/api/v1/members/00000000-0000-4000-8000-000000000000', { data: { role: 'admin' } });
  expect(missing.status()).toBe(404);

  const created = await api.post('/api/v1/invitations', { data: { email: 'api.invitee@example.test', role: 'interviewer' } });
  expect(created.status()).toBe(201);
  expect((await created.json()).link).toMatch(/\/invite\//);
});

test('editing a candidate over the API: 200 with the new revision, 409 with the current details, 422 naming the field, 404', async ({ page }) => {
  await signIn(page, 'recruiter@demo.loopkit.dev', demo.password);
  await page.goto(`/candidates?q=${encodeURIComponent('Noah Johansson')}`);
  await page.getByRole('link', { name: 'Noah Johansson' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Noah Johansson' })).toBeVisible();
  const candidateId = new URL(page.url()).pathname.split('/').pop()!;
  const api = page.request;
  const loaded = await api.get(`/api/v1/candidates/${candidateId}`);
  expect(loaded.status()).toBe(200);
  const { candidate } = await loaded.json();
  const saved = await api.patch(`/api/v1/candidates/${candidateId}`, { data: { revision: candidate.revision, source: 'Agency (API)' } });
  expect(saved.status()).toBe(200);
  expect((await saved.json()).candidate).toMatchObject({ revision: candidate.revision + 1, source: 'Agency (API)', name: 'Noah Johansson' });
  const stale = await api.patch(`/api/v1/candidates/${candidateId}`, { data: { revision: candidate.revision, source: 'Overwritten?' } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.current).toMatchObject({ revision: candidate.revision + 1, source: 'Agency (API)' });
  const bad = await api.patch(`/api/v1/candidates/${candidateId}`, { data: { revision: candidate.revision + 1, email: 'nope' } });
  expect(bad.status()).toBe(422);
  expect(Object.keys((await bad.json()).error.fields)).toEqual(['email']);
  expect((await api.patch('/api/v1/candidates/00000000-0000-4000-8000-000000000000', { data: { revision: 0, name: 'Nobody' } })).status()).toBe(404);
});

test('an interviewer gets 403 from endpoints their role does not allow', async ({ page }) => {
  await signIn(page, demo.interviewer.email, demo.password);
  expect((await page.request.patch('/api/v1/candidates/00000000-0000-4000-8000-000000000000', { data: { revision: 0, name: 'Nobody' } })).status()).toBe(403);
  expect((await page.request.get('/api/v1/members')).status()).toBe(403);
  expect((await page.request.post('/api/v1/invitations', { data: { email: 'x@example.test', role: 'admin' } })).status()).toBe(403);
});

test('responses carry security headers and the session cookie is HttpOnly and SameSite', async ({ page, context }) => {
  const response = await page.goto('/sign-in');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-powered-by']).toBeUndefined();
  // A fresh nonce on every request.
  const again = await page.request.get('/sign-in');
  expect(again.headers()['content-security-policy']).not.toBe(headers['content-security-policy']);

  await signIn(page, demo.admin.email, demo.password);
  const session = (await context.cookies()).find((c) => c.name.includes('authjs.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
});

test('autosave over the API: 409 with the current state for a stale revision, 422 naming the field', async ({ page }) => {
  await signIn(page, 'amara@demo.loopkit.dev', demo.password);
  await page.goto('/interviews');
  const href = await page.getByRole('listitem').filter({ hasText: 'Scheduled' }).getByRole('link').first().getAttribute('href');
  // Reading the scorecard writes nothing; the first write (POST) creates the draft, once.
  expect((await (await page.request.get(`/api/v1${href}/scorecard`)).json()).scorecard.id).toBeNull();
  const opened = await (await page.request.post(`/api/v1${href}/scorecard`, { data: {} })).json();
  expect((await (await page.request.post(`/api/v1${href}/scorecard`, { data: {} })).json()).scorecard.id).toBe(opened.scorecard.id);
  const { id, revision } = opened.scorecard;
  const first = await page.request.patch(`/api/v1/scorecards/${id}`, { data: { baseRevision: revision, summary: 'first writer' } });
  expect(first.status()).toBe(200);
  const stale = await page.request.patch(`/api/v1/scorecards/${id}`, { data: { baseRevision: revision, summary: 'second writer' } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.current).toMatchObject({ summary: 'first writer', revision: revision + 1 });
  const skillId = opened.kit.skills[0].skillId;
  const bad = await page.request.patch(`/api/v1/scorecards/${id}`, { data: { baseRevision: revision + 1, ratings: { [skillId]: 7 } } });
  expect(bad.status()).toBe(422);
  expect(Object.keys((await bad.json()).error.fields)).toEqual([`ratings.${skillId}`]);
  const other = await page.request.patch('/api/v1/scorecards/00000000-0000-4000-8000-000000000000', { data: { baseRevision: 0, summary: 'x' } });
  expect(other.status()).toBe(404);
});
