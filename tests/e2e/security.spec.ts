// The security review's HTTP-level findings, replayed against the production server in Chromium:
// a same-site attacker page (another port on 127.0.0.1 is cross-origin but same-site, so the
// SameSite=Lax session cookie rides along — the sibling-subdomain case), a foreign-origin server
// action, the open redirect through callbackUrl, and a fuzz of every API route.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page, test } from '@playwright/test';
import fc from 'fast-check';
import { demo, signIn, uniqueEmail } from './support';


async function attackerSite(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

async function signUpNewOrganization(page: Page) {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Fuzz Admin');
  await page.getByLabel('Work email').fill(uniqueEmail('fuzz'));
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByLabel('Organization name').fill('Fuzz Org');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Fuzz Admin' })).toBeVisible();
}

test('a same-site attacker page cannot create an admin invitation with the victim’s session (finding 3)', async ({ page, baseURL }) => {
  await signIn(page, demo.admin.email, demo.password);
  const target = `${baseURL}/api/v1/invitations`;
  const attacker = await attackerSite(`<!doctype html><title>Win a prize</title><script>
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': type },
        body: JSON.stringify({ email: 'attacker.' + type.length + '@evil.example', role: 'admin' }) }).finally(() => document.title = 'sent ' + type);
    }
  </script>`);
  try {
    await page.goto(attacker.url);
    await expect(page).toHaveTitle(/^sent/);
    // The same requests, with the browser's Origin and fetch metadata, as the server sees them:
    const replay = await page.request.post(target, { headers: { origin: attacker.url.replace(/\/$/, ''), 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' }, data: JSON.stringify({ email: 'attacker.replay@evil.example', role: 'admin' }) });
    expect(replay.status()).toBe(403);
    const textPlain = await page.request.post(target, { headers: { 'content-type': 'text/plain' }, data: JSON.stringify({ email: 'attacker.plain@evil.example', role: 'admin' }) });
    expect(textPlain.status()).toBe(415);
    await page.goto('/');
    const invitations = (await (await page.request.get(target)).json()).invitations as { email: string }[];
    expect(invitations.filter((i) => i.email.endsWith('@evil.example'))).toEqual([]);
  } finally {
    attacker.server.close();
  }
});

test('a foreign-origin server action answers 403, not 500', async ({ page, baseURL }) => {
  await signIn(page, demo.admin.email, demo.password);
  const response = await page.request.post(`${baseURL}/settings`, {
    headers: { origin: 'http://evil.example', 'next-action': '0123456789abcdef0123456789abcdef01234567', 'content-type': 'text/plain;charset=UTF-8' },
    data: '[]',
  });
  expect(response.status()).toBe(403);
});

test('callbackUrl cannot send a signed-in user off-site, and never answers 500 (finding 5)', async ({ page, baseURL }) => {
  await signIn(page, demo.admin.email, demo.password);
  for (const attack of ['/%09/evil.example', '/%0A/evil.example', '/%0D%0A/evil.example', '/%5C/evil.example', '//evil.example', 'https://evil.example']) {
    const response = await page.goto(`/sign-in?callbackUrl=${attack}`);
    expect(response!.status()).toBeLessThan(500);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  }
});

test('every API route answers fuzzed input with a 4xx, never a 5xx, and another organization’s ids stay 404', async ({ page, browser }) => {
  // Real ids from the demo organization, to be probed by the admin of a brand-new one.
  const demoPage = await browser.newPage();
  await signIn(demoPage, demo.admin.email, demo.password);
  await demoPage.goto(`/candidates?q=${encodeURIComponent('Noah Johansson')}`);
  await demoPage.getByRole('link', { name: 'Noah Johansson' }).click();
  await expect(demoPage.getByRole('heading', { level: 1, name: 'Noah Johansson' })).toBeVisible();
  const candidateId = new URL(demoPage.url()).pathname.split('/').pop()!;
  const members = (await (await demoPage.request.get('/api/v1/members')).json()).members as { id: string }[];
  await demoPage.close();

  await signUpNewOrganization(page);
  const api = page.request;
  const ids = [candidateId, members[0]!.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid', '%00', '..%2F..%2Fetc', 'x'.repeat(300)];
  const routes: [method: 'get' | 'post' | 'patch' | 'delete', path: (id: string) => string][] = [
    ['get', (id) => `/api/v1/candidates/${id}`],
    ['patch', (id) => `/api/v1/candidates/${id}`],
    ['get', (id) => `/api/v1/candidates/${id}/feedback`],
    ['get', (id) => `/api/v1/candidates/${id}/packet?opening=${id}`],
    ['get', (id) => `/api/v1/interviews/${id}/scorecard`],
    ['get', (id) => `/api/v1/kits/${id}/export?version=${id}`],
    ['patch', (id) => `/api/v1/members/${id}`],
    ['delete', (id) => `/api/v1/members/${id}`],
    ['get', (id) => `/api/v1/openings/${id}/dashboard`],
    ['get', (id) => `/api/v1/questions/export?format=${id}&scope=${id}`],
    ['get', (id) => `/api/v1/scorecards/${id}`],
    ['patch', (id) => `/api/v1/scorecards/${id}`],
    ['post', (id) => `/api/v1/scorecards/${id}/submit`],
    ['post', (id) => `/api/v1/scorecards/${id}/reopen`],
    ['post', () => `/api/v1/invitations`],
  ];
  const body = fc.oneof(fc.json(), fc.jsonValue().map((v) => JSON.stringify(v)), fc.constantFrom('{"role":"admin","email":"a\\u0000@x.test"}', '{"name":"\\ud800"}', '[]', 'null', '{'));
  const seen = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...routes), fc.constantFrom(...ids), body, async ([method, path], id, data) => {
      const response = await api.fetch(path(id), { method, headers: { 'content-type': 'application/json' }, data: method === 'get' ? undefined : data });
      seen.set(response.status(), (seen.get(response.status()) ?? 0) + 1);
      expect(response.status(), `${method.toUpperCase()} ${path(id)} ${data}`).toBeLessThan(500);
      if (id === candidateId || id === members[0]!.id) expect(response.status(), `${method.toUpperCase()} ${path(id)} reached another organization`).toBeGreaterThanOrEqual(400);
      if (response.status() < 300) expect(response.headers()['cache-control']).toContain('no-store');
    }),
    { numRuns: 150, seed: 20261130 },
  );
  expect([...seen.keys()].some((status) => status === 404)).toBe(true);
});

// Finding 8: a server-action body over 1 MB answered 500, so a valid 1.5 MB CSV could not be
// imported though the page promises 5 MB; an API body past its cap, and a far larger one, are 413.
test('a 1.5 MB CSV is previewed; oversized bodies get 413, not 500', async ({ page, baseURL }) => {
  await signIn(page, demo.admin.email, demo.password);
  const rows = Array.from({ length: 4_300 }, (_, i) => `${'Large File Candidate '.padEnd(100, 'x')} ${i},large.${i}.${'y'.repeat(40)}@example.test,,${'City '.padEnd(110, 'z')},${'Source '.padEnd(70, 's')}`);
  const csv = `name,email,phone,location,source\n${rows.join('\n')}\n`;
  expect(Buffer.byteLength(csv)).toBeGreaterThan(1_500_000);
  await page.goto('/candidates/import');
  await page.getByLabel(/Candidates CSV/).setInputFiles({ name: 'large.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText('The file is valid: 4300 candidates')).toBeVisible({ timeout: 60_000 });

  const tooLargeJson = await page.request.patch('/api/v1/candidates/00000000-0000-4000-8000-000000000000', { headers: { 'content-type': 'application/json' }, data: JSON.stringify({ notes: 'x'.repeat(1_100_000) }) });
  expect(tooLargeJson.status()).toBe(413);
  const tooLargeAction = await page.request.post(`${baseURL}/candidates/import`, {
    headers: { 'next-action': '0123456789abcdef0123456789abcdef01234567', 'content-type': 'text/plain;charset=UTF-8' },
    data: 'x'.repeat(25 * 1024 * 1024),
  });
  expect(tooLargeAction.status()).toBe(413);
});

