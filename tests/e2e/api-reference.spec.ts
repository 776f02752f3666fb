// The API's description: public and cacheable at /api/v1/openapi.json, and readable in the app
// under Settings → API reference, rendered from that same document.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

test('the OpenAPI document is public and the reference page renders it', async ({ page, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const doc = await anonymous.get('/api/v1/openapi.json');
  expect(doc.status()).toBe(200);
  expect(doc.headers()['cache-control']).toContain('public');
  const body = (await doc.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(body.openapi).toBe('3.1.0');
  expect(Object.keys(body.paths)).toContain('/candidates/{candidateId}');
  await anonymous.dispose();

  await signIn(page, demo.interviewer.email, demo.password);
  // An interviewer's Settings opens on the first tab they can use (no Organization, no Members).
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'API reference' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Candidates' })).toBeVisible();
  await expect(page.getByRole('link', { name: '/api/v1/openapi.json' })).toBeVisible();
  const create = page.getByRole('group').filter({ hasText: 'Create a candidate' });
  await create.getByText('Create a candidate').click();
  const bodyTable = create.getByRole('table', { name: 'JSON body' });
  await expect(bodyTable.getByRole('rowheader', { name: /email\s*required/ })).toBeVisible();
  await expect(create.getByText('Needs `candidate:write`.')).toBeVisible();
  await expect(create.getByRole('table', { name: 'Responses' }).getByRole('rowheader', { name: '422' })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
