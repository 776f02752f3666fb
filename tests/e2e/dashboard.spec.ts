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
  await page.goto('/dashboard/questions');
  await expect(page.getByRole('heading', { name: 'You don’t have access to question analytics' })).toBeVisible();
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

test('question analytics shows times asked, the rating distribution and a question that never separates anyone', async ({ page }) => {
  await signIn(page, demo.manager.email, demo.password);
  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'Question analytics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Question analytics' })).toBeVisible();
  const table = page.getByRole('table', { name: /^Questions/ });
  await expect(table).toHaveAccessibleName(/Sorted by times asked/);

  // The demo's flat question: asked in the three junior interviews, all six ratings a 3.
  const flat = table.getByRole('row', { name: /Being stuck and asking for help/ });
  await expect(flat.getByRole('cell').first()).toHaveText('3');
  await expect(flat).toContainText('never separates');
  await expect(flat).toContainText('Every one of the 6 ratings was 3.');
  await expect(flat.getByText('6 rated 3 (Solid)')).toBeAttached();

  // Sort by separation: the weakest question comes first.
  await table.getByRole('link', { name: 'Separation' }).click();
  await expect(page).toHaveURL(/sort=separation/);
  await expect(table).toHaveAccessibleName(/Sorted by separation, weakest first/);
  await expect(table.getByRole('rowheader').first()).toContainText('Being stuck and asking for help');

  // One opening: the junior kit's six questions, sort kept.
  await page.getByLabel('Opening').selectOption({ label: 'Junior Backend Developer' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/opening=[0-9a-f-]{36}&sort=separation/);
  await expect(table).toHaveAccessibleName(/Questions for Junior Backend Developer/);
  await expect(table.getByRole('rowheader')).toHaveCount(6);

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // A malformed or unknown opening is a 404, like any other id.
  await page.goto('/dashboard/questions?opening=00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});
