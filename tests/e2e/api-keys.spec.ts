// API keys end to end: an admin creates a read-only key on Settings → API keys, copies the token
// (shown once), a client with no cookie lists candidates with `Authorization: Bearer`, and after
// the admin revokes the key the same call is refused with 401.
import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

test('an admin creates a key, a client lists candidates with it, and revoking it refuses the next call', async ({ page, context, playwright }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, demo.admin.email, demo.password);
  await page.goto('/settings/api-keys');
  await expect(page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'API keys' })).toHaveAttribute('aria-current', 'page');

  const name = `ATS sync ${Date.now().toString(36)}`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel(/^Read-only/).check();
  await page.getByRole('button', { name: 'Create API key' }).click();
  const tokenField = page.getByLabel('API key token');
  await expect(tokenField).toHaveValue(/^lk_[A-Za-z0-9_-]{43}$/);
  const token = await tokenField.inputValue();
  await page.getByRole('button', { name: 'Copy token' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const keys = page.getByRole('list', { name: 'API keys' });
  const row = keys.getByRole('listitem').filter({ hasText: name });
  await expect(row).toContainText(token.slice(0, 11));
  await expect(row).toContainText('Active');

  // A client of its own: no session cookie, only the bearer token.
  const client = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const listed = await client.get('/api/v1/candidates?limit=5');
  expect(listed.status()).toBe(200);
  const body = await listed.json();
  expect(body.candidates.length).toBeGreaterThan(0);
  expect(body.total).toBeGreaterThan(0);
  // Read-only: a write is refused by the permission check, not by the cross-site guard.
  expect((await client.post('/api/v1/invitations', { data: { email: 'nobody@example.test', role: 'interviewer' } })).status()).toBe(403);

  await page.reload();
  await expect(row).toContainText(/Last used .*\d/);
  await row.getByRole('button', { name: `Revoke API key ${name}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke key' }).click();
  await expect(row).toContainText('Revoked');

  const refused = await client.get('/api/v1/candidates?limit=5');
  expect(refused.status()).toBe(401);
  expect(refused.headers()['www-authenticate']).toMatch(/^Bearer /);
  await client.dispose();
});
