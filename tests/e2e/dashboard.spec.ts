// Reviewing candidates for an opening: the grid, sorting, filtering and the CSV export.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

test('a hiring manager compares candidates, sorts, filters and exports the grid', async ({ page }) => {
  await signIn(page, demo.manager.email, demo.password);
  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'Backend Engineer — Node.js' }).click();
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).not.toHaveCount(1);
  await expect(table.getByText(/coverage \d+%/).first()).toBeVisible();

  // Compare three candidates side by side.
  for (const name of ['Elena Petrova', 'David Okonkwo', 'Chloé Martin']) await page.getByRole('checkbox', { name: `Select ${name} to compare` }).check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Compare: / })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Per-skill means (n raters)' })).toBeVisible();
  await expect(page.getByText('Strongest:').first()).toBeVisible();
  const compareScan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(compareScan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.goBack();

  await page.getByRole('table').getByRole('link', { name: 'Node.js / JavaScript' }).click();
  await expect(page).toHaveURL(/sort=[0-9a-f-]{36}/);
  await expect(page.getByRole('table')).toHaveAccessibleName(/sorted by Node\.js/);

  await page.getByRole('navigation', { name: 'Filter by stage' }).getByRole('link', { name: 'hired' }).click();
  await expect(page).toHaveURL(/stage=hired/);
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveCount(1);
  await expect(page.getByRole('rowheader', { name: /Elena Petrova/ })).toBeVisible();

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  const openingId = page.url().split('/dashboard/')[1]!.split('?')[0]!;
  const csv = await page.request.get(`/api/v1/openings/${openingId}/dashboard`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  const header = text.split('\r\n')[0]!;
  expect(header.startsWith('candidate,stage,composite,coverage,strong_no,no,yes,strong_yes,')).toBe(true);
  expect(header).toContain('Node.js / JavaScript mean,Node.js / JavaScript n,Node.js / JavaScript range');
  expect(text).toContain('Elena Petrova,hired,');
});

test('an interviewer cannot open the dashboard', async ({ page }) => {
  await signIn(page, demo.interviewer.email, demo.password);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'You don’t have access to the dashboard' })).toBeVisible();
});

test('the calibration page shows leniency and reliability with honest bands', async ({ page }) => {
  await signIn(page, demo.manager.email, demo.password);
  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'Interviewer calibration and reliability' }).click();
  const interviewers = page.getByRole('table', { name: 'Interviewers' });
  await expect(interviewers.getByRole('rowheader', { name: 'Amara Okafor' })).toBeVisible();
  await expect(interviewers.getByRole('row', { name: /Amara Okafor/ })).toContainText('lenient');
  await expect(interviewers.getByRole('row', { name: /Liam O'Connor/ })).toContainText('severe');
  await expect(page.getByRole('table', { name: 'Reliability by skill' })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
