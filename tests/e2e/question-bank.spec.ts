// Finding questions with search and filters, and writing one with its rubric, as a recruiter would.
import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

test('search tolerates typos, filters show counts and live in the URL', async ({ page }) => {
  await signIn(page, demo.manager.email, demo.password);
  await page.goto('/questions');
  const search = page.getByRole('search', { name: 'Question bank' });
  await search.getByLabel('Search questions').fill('kubernets');
  await search.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/q=kubernets/);
  await expect(page.getByRole('heading', { name: /questions? matching “kubernets”/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3 }).first()).toBeVisible();

  await page.goto('/questions');
  const senior = search.getByRole('checkbox', { name: 'Senior' });
  await senior.check();
  await expect(page).toHaveURL(/level=senior/);
  await expect(page.getByRole('checkbox', { name: 'Senior' })).toBeChecked();
  const heading = page.getByRole('heading', { name: /^\d+ questions?/ });
  const count = Number((await heading.textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThan(10);
  await page.getByRole('checkbox', { name: 'Coding' }).check();
  await expect(page).toHaveURL(/kind=coding/);
  const codingCount = Number((await heading.textContent())!.match(/\d+/)![0]);
  expect(codingCount).toBeLessThan(count);

  // The URL is shareable: opening it again gives the same results.
  const url = page.url();
  await page.goto(url);
  await expect(page.getByRole('heading', { name: new RegExp(`^${codingCount} question`) })).toBeVisible();
});

test('a recruiter writes a question with its rubric, edits it into version 2 and sees the history', async ({ page }) => {
  await signIn(page, 'recruiter@demo.loopkit.dev', demo.password);
  await page.goto('/questions');
  await page.getByRole('link', { name: 'New question' }).click();
  await page.getByRole('button', { name: 'Create question' }).click();
  await expect(page.getByText('Describe what a 1 answer sounds like')).toBeVisible();

  await page.getByLabel('Title').fill('Rolling back a bad schema migration');
  await page.getByLabel('Prompt').fill('A migration that dropped a column shipped ten minutes ago and errors are climbing. Walk me through what you do.');
  await page.getByLabel('Kind').selectOption('situational');
  await page.getByLabel('Level').selectOption('senior');
  await page.getByLabel('Expected minutes').fill('20');
  await page.getByLabel('Primary skill').selectOption({ label: 'Deployment strategies' });
  await page.getByRole('checkbox', { name: 'Data modelling and schema design' }).check();
  await page.getByLabel('Listen for').fill('Stops the bleeding before root cause\nExpand and contract migrations');
  await page.getByLabel('Red flags').fill('Restores the whole database from backup first');
  await page.getByLabel('Anchor 1 — Poor').fill('Panics or proposes restoring last night’s backup over live data.');
  await page.getByLabel('Anchor 2 — Weak').fill('Rolls back the code but forgets the dropped column cannot come back.');
  await page.getByLabel('Anchor 3 — Solid').fill('Mitigates first, restores the column from backup into a side table, explains expand/contract.');
  await page.getByLabel('Anchor 4 — Excellent').fill('Also proposes guardrails: migration linting, canary, and a blameless review.');
  await page.getByRole('button', { name: 'Create question' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Rolling back a bad schema migration' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as version 1.' })).toBeVisible();
  await expect(page.getByText('Data modelling and schema design')).toBeVisible();

  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Expected minutes').fill('25');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as version 2.' })).toBeVisible();
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: /Version 2:/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Version 1:/ })).toBeVisible();
  await expect(page.getByText('Minutes', { exact: true })).toBeVisible();
});

test('the bank exports as CSV and JSON, and an invalid import file is rejected row by row', async ({ page }) => {
  await signIn(page, demo.admin.email, demo.password);
  const csv = await page.request.get('/api/v1/questions/export?format=csv&scope=all');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toMatch(/attachment; filename="loopkit-questions-.*\.csv"/);
  const text = await csv.text();
  expect(text.split('\r\n')[0]).toBe('id,title,prompt,kind,level,expected_minutes,primary_skill,secondary_skills,listen_for,red_flags,follow_ups,rubric_1,rubric_2,rubric_3,rubric_4,status');
  const json = await (await page.request.get('/api/v1/questions/export?format=json&scope=all')).json();
  expect(json.questions.length).toBeGreaterThanOrEqual(251);

  await page.goto('/questions/import');
  const broken = text.split('\r\n').slice(0, 3).join('\r\n').replace(/,(junior|mid|senior|staff),/, ',principal,');
  await page.getByLabel(/Question file/).setInputFiles({ name: 'bank.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
  await expect(page.getByText(/The file has \d+ errors?\./)).toBeVisible();
  await expect(page.getByText('the header is row 1, the first question is row 2', { exact: false }).first()).toBeVisible();
  // The form's label beside the file's column name, on the spreadsheet's row (the first question is row 2).
  const levelError = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Level', exact: true }) });
  await expect(levelError.getByRole('cell', { name: 'level', exact: true })).toBeVisible();
  await expect(levelError.getByRole('cell', { name: '2', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);

  // The import page offers a template that imports as it is.
  const template = await page.request.get(await page.getByRole('link', { name: 'CSV template' }).getAttribute('href') ?? '');
  expect(template.status()).toBe(200);
  expect((await template.text()).split('\r\n')[0]).toBe(text.split('\r\n')[0]);
  await page.getByLabel(/Question file/).setInputFiles({ name: 'template.csv', mimeType: 'text/csv', buffer: Buffer.from(await template.text()) });
  await expect(page.getByRole('button', { name: 'Import 1 question', exact: true })).toBeVisible();
});

test('a validation error keeps every typed value, and saving without a change creates no version', async ({ page }) => {
  await signIn(page, 'recruiter@demo.loopkit.dev', demo.password);
  await page.goto('/questions/new');
  await page.getByLabel('Title').fill('Reading a slow query plan');
  await page.getByLabel('Prompt').fill('Here is an EXPLAIN ANALYZE output for a query that takes 4 seconds. What do you look at first?');
  await page.getByLabel('Level').selectOption('senior');
  await page.getByLabel('Expected minutes').fill('20');
  await page.getByLabel('Primary skill').selectOption({ label: 'Query optimization' });
  await page.getByLabel('Listen for').fill('Compares estimated and actual rows\nSpots the sequential scan on the big table');
  await page.getByLabel('Red flags').fill('Adds an index on every column');
  // Anchor 2 is left empty on purpose.
  await page.getByLabel('Anchor 1 — Poor').fill('Cannot read the plan at all.');
  await page.getByLabel('Anchor 3 — Solid').fill('Finds the misestimate and proposes an index with a reason.');
  await page.getByLabel('Anchor 4 — Excellent').fill('Also checks statistics, work_mem and whether the index would be used.');
  await page.getByRole('button', { name: 'Create question' }).click();
  // Its error shows, and nothing typed is lost.
  await expect(page.getByText('Describe what a 2 answer sounds like')).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Reading a slow query plan');
  await expect(page.getByLabel('Level')).toHaveValue('senior');
  await expect(page.getByLabel('Expected minutes')).toHaveValue('20');
  await expect(page.getByLabel('Primary skill').locator('option:checked')).toHaveText('Query optimization');
  await expect(page.getByLabel('Listen for')).toHaveValue('Compares estimated and actual rows\nSpots the sequential scan on the big table');
  await expect(page.getByLabel('Anchor 4 — Excellent')).toHaveValue('Also checks statistics, work_mem and whether the index would be used.');
  await page.getByLabel('Anchor 2 — Weak').fill('Sees the slow node but guesses at the cause.');
  await page.getByRole('button', { name: 'Create question' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as version 1.' })).toBeVisible();

  // Editing: a bad title keeps the other edits; the field in error shows what was typed.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Expected minutes').fill('25');
  await page.getByLabel('Title').fill('Plan');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByText('Use at least 5 characters')).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Plan');
  await expect(page.getByLabel('Expected minutes')).toHaveValue('25');
  await page.getByLabel('Title').fill('Reading a slow query plan');
  await page.getByLabel('Expected minutes').fill('20');
  // Back to the stored content: saving it is not a new version.
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing changed, so no new version was saved. This is still version 1.' })).toBeVisible();
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: /Version 1:/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Version 2:/ })).toHaveCount(0);
  await expect(page.getByText(/by Marcus Chen$/)).toBeVisible();
});

test('on a phone the filters fold above the results, and a question leads back to the same search', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, demo.manager.email, demo.password);
  await page.goto('/questions?q=cache');
  const filters = page.getByRole('button', { name: /^Filters/ });
  await expect(filters).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('checkbox', { name: 'Senior' })).toBeHidden();
  // The first result is within the first screen or two, not thousands of pixels down.
  const first = page.getByRole('heading', { level: 3 }).first();
  expect((await first.boundingBox())!.y).toBeLessThan(1200);
  await filters.click();
  await expect(page.getByRole('checkbox', { name: 'Senior' })).toBeVisible();

  await first.getByRole('link').click();
  await page.getByRole('link', { name: /Question bank/ }).click();
  await expect(page).toHaveURL(/\/questions\?q=cache$/);
});
