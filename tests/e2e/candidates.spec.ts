// Candidates that scale, as a recruiter uses them: search, filter and page through the list (and
// the same over the API), and a new opening that is no dead end — add a candidate, apply an
// existing one, schedule from the opening page, in the browser's own time zone (Berlin here),
// with a refused time keeping everything that was typed.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { demo, signIn, uniqueEmail } from './support';

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });
// Each test walks a whole flow (an import of 60, pages, a loop scheduled); on a shared 2-core machine that takes a while.
test.slow();

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${label}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page, label: string) {
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

const results = (page: Page) => page.getByRole('region', { name: /candidates? match|^\d+ candidates?$/ }).getByRole('listitem').filter({ has: page.getByRole('link') });

test('a recruiter searches, filters and pages through the candidates, on the page and over the API', async ({ page }) => {
  await signIn(page, 'recruiter@demo.loopkit.dev', demo.password);
  const tag = `Pager${Date.now().toString(36)}`;
  const rows = Array.from({ length: 60 }, (_, i) => `${tag} Person ${String(i + 1).padStart(2, '0')},${tag.toLowerCase()}.${i}@example.test`);
  await page.goto('/candidates/import');
  await page.getByLabel(/Candidates CSV/).setInputFiles({ name: 'pager.csv', mimeType: 'text/csv', buffer: Buffer.from(`name,email\n${rows.join('\n')}\n`) });
  await page.getByRole('button', { name: 'Import 60 candidates' }).click();
  await expect(page.getByText('Imported 60 candidates.')).toBeVisible();

  // Search: any part of the name, any case; the URL carries it and the field keeps it.
  await page.goto('/candidates');
  await page.getByLabel('Search candidates').fill(tag.toUpperCase());
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${tag.toUpperCase()}`));
  await expect(page.getByRole('heading', { name: '60 candidates match' })).toBeVisible();
  await expect(page.getByLabel('Search candidates')).toHaveValue(tag.toUpperCase());
  await expect(results(page)).toHaveCount(50);
  const firstPage = await results(page).getByRole('link').allTextContents();
  await expectAccessible(page, 'candidates list, searched');

  await page.getByRole('link', { name: 'Next page →' }).click();
  await expect(results(page)).toHaveCount(10);
  const secondPage = await results(page).getByRole('link').allTextContents();
  expect(new Set([...firstPage, ...secondPage]).size).toBe(60);
  await expect(page.getByRole('link', { name: 'Next page →' })).toHaveCount(0);
  await page.getByRole('link', { name: '← First page' }).click();
  await expect(results(page)).toHaveCount(50);

  // A filter with no match: the empty state offers to clear; the filters are kept until then.
  await page.getByLabel('Application status').selectOption('hired');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No candidates match' })).toBeVisible();
  await expect(page.getByLabel('Application status')).toHaveValue('hired');
  await expect(page.getByLabel('Search candidates')).toHaveValue(tag.toUpperCase());
  await page.getByRole('link', { name: 'Clear filters' }).first().click();
  await expect(page).toHaveURL(/\/candidates$/);
  await expect(page.getByLabel('Search candidates')).toHaveValue('');
  await expect(page.getByLabel('Application status')).toHaveValue('');

  // By e-mail fragment and opening: a demo candidate in their opening.
  await page.getByLabel('Search candidates').fill('noah.johansson@');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('heading', { name: '1 candidate matches' })).toBeVisible();
  await expect(results(page).getByRole('link', { name: 'Noah Johansson' })).toBeVisible();
  await expectNoHorizontalScroll(page, 'candidates list');

  // The API: the same search in pages of 25 by cursor, and 422s that name the parameter.
  const api = page.request;
  const seen = new Set<string>();
  let cursor: string | null = null;
  const sizes: number[] = [];
  do {
    const response = await api.get(`/api/v1/candidates?q=${tag}&limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { candidates: { id: string; name: string }[]; total: number; nextCursor: string | null };
    expect(body.total).toBe(60);
    sizes.push(body.candidates.length);
    for (const c of body.candidates) {
      expect(c.name.startsWith(tag)).toBe(true);
      seen.add(c.id);
    }
    cursor = body.nextCursor;
  } while (cursor && sizes.length < 5);
  expect(sizes).toEqual([25, 25, 10]);
  expect(seen.size).toBe(60);
  const badLimit = await api.get('/api/v1/candidates?limit=0');
  expect(badLimit.status()).toBe(422);
  expect(Object.keys((await badLimit.json()).error.fields)).toEqual(['limit']);
  const badCursor = await api.get('/api/v1/candidates?cursor=not-one-of-ours');
  expect(badCursor.status()).toBe(422);
  expect(Object.keys((await badCursor.json()).error.fields)).toEqual(['cursor']);
  const badOpening = await api.get('/api/v1/candidates?openingId=42');
  expect(badOpening.status()).toBe(422);
  expect(Object.keys((await badOpening.json()).error.fields)).toEqual(['openingId']);
});

test('on a new opening a recruiter adds and applies candidates and schedules from the opening page, in Berlin time', async ({ page }) => {
  await signIn(page, 'recruiter@demo.loopkit.dev', demo.password);
  const title = `Ledger Engineer ${Date.now().toString(36)}`;
  await page.goto('/openings/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Stage 1 name').fill('Coding');
  await page.getByLabel('Stage 1 kit').selectOption({ label: 'Backend engineer — Node.js' });
  await page.getByRole('button', { name: 'Create opening' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Not a dead end: the empty state says what to do, and the hiring manager has a place.
  await expect(page.getByRole('heading', { name: 'No candidates yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add a candidate' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Apply an existing candidate' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Import a CSV', exact: true })).toHaveAttribute('href', /\/candidates\/import\?openingId=/);
  await expect(page.getByRole('heading', { name: 'Hiring manager' })).toBeVisible();
  await expectAccessible(page, 'new opening, empty');
  await expectNoHorizontalScroll(page, 'new opening');

  const add = page.getByRole('region', { name: 'Add a candidate to this opening' });
  await add.getByLabel('Name').fill('Tomasz Ledger');
  await add.getByLabel('Email').fill('not-an-email');
  await add.getByRole('button', { name: 'Add to this opening' }).click();
  await expect(add.getByText('Enter a valid email address')).toBeVisible();
  await expect(add.getByLabel('Name')).toHaveValue('Tomasz Ledger');
  await add.getByLabel('Email').fill(uniqueEmail('tomasz'));
  await add.getByRole('button', { name: 'Add to this opening' }).click();
  await expect(page.getByText('Candidate added to this opening.', { exact: false })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tomasz Ledger' })).toBeVisible();

  // An existing candidate, found by search.
  const apply = page.getByRole('region', { name: 'Apply an existing candidate' });
  await apply.getByLabel('Find a candidate', { exact: true }).fill('johansson');
  await apply.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('button', { name: 'Apply Noah Johansson' }).click();
  await expect(page.getByRole('link', { name: 'Noah Johansson' })).toBeVisible();
  await expect(page.getByText('Already applied')).toBeVisible();

  // Schedule from the row. 02:30 on 28 March 2027 does not exist in Berlin: refused, nothing typed is lost.
  await page.getByText('Schedule an interview with Tomasz Ledger').click();
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Tomasz Ledger' }) });
  await expect(row.getByText('Times in Europe/Berlin')).toBeVisible();
  await row.getByLabel('Date and time').fill('2027-03-28T02:30');
  await row.getByLabel('Minutes').fill('45');
  await row.getByRole('checkbox', { name: 'Jonas Weber' }).check();
  await row.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(row.getByText('02:30 on 2027-03-28 does not exist in Europe/Berlin', { exact: false }).first()).toBeVisible();
  await expect(row.getByLabel('Date and time')).toHaveValue('2027-03-28T02:30');
  await expect(row.getByLabel('Minutes')).toHaveValue('45');
  await expect(row.getByRole('checkbox', { name: 'Jonas Weber' })).toBeChecked();
  await expectAccessible(page, 'opening page with a refused schedule');

  await row.getByLabel('Date and time').fill('2027-03-28T10:00');
  await row.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(page.getByText('Interview scheduled. The panel sees it under My interviews.')).toBeVisible();
  // Stored as 08:00 UTC; shown back in the viewer's zone, named.
  await expect(row.getByText('next interview 28 Mar 2027, 10:00 CEST')).toBeVisible();
  // The application moved to the scheduled stage of its loop.
  await expect(row.locator('span', { hasText: /^Coding\s*active$/ })).toBeVisible();
  await expectNoHorizontalScroll(page, 'opening with candidates');
});

test('a refused new candidate keeps everything that was typed', async ({ page }) => {
  await signIn(page, 'recruiter@demo.loopkit.dev', demo.password);
  await page.goto('/candidates');
  await page.getByLabel('Name').fill('Vera Keepsake');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Location').fill('Porto');
  await page.getByLabel('Source').fill('Meetup');
  await page.getByLabel('Apply to opening').selectOption({ label: 'Junior Backend Developer' });
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Vera Keepsake');
  await expect(page.getByLabel('Email')).toHaveValue('not-an-email');
  await expect(page.getByLabel('Location')).toHaveValue('Porto');
  await expect(page.getByLabel('Source')).toHaveValue('Meetup');
  await expect(page.getByLabel('Apply to opening')).not.toHaveValue('');
});
