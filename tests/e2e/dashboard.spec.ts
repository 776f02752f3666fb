// Reviewing candidates for an opening: the grid, sorting, filtering, the CSV export and the
// printable decision packet (page and JSON).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import Papa from 'papaparse';
import { demo, mainNav, signIn, uniqueEmail } from './support';

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
}

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
  // The export button downloads what the page shows: the same stage filter, a name that says what it is.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^comparison-backend-engineer-node-js-hired-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await page.request.get(`/api/v1/openings/${openingId}/dashboard`);
  expect(csv.status()).toBe(200);
  // Parsed back: ranges are two number columns (a "2-3" cell would open as a date), weights and splits are there.
  const [header, ...rows] = Papa.parse<string[]>(await csv.text(), { skipEmptyLines: true }).data;
  expect(header!.slice(0, 10)).toEqual(['candidate', 'stage', 'composite', 'coverage', 'evidence', 'decision', 'strong_yes', 'yes', 'no', 'strong_no']);
  const skill = header!.find((h) => h.startsWith('Node.js / JavaScript (weight '))!.replace(/ mean$/, '');
  for (const suffix of ['mean', 'n', 'lowest', 'highest', 'split']) expect(header).toContain(`${skill} ${suffix}`);
  const elena = rows.find((r) => r[0] === 'Elena Petrova')!;
  expect(elena[1]).toBe('hired');
  const lowest = elena[header!.indexOf(`${skill} lowest`)]!;
  expect(lowest).toMatch(/^[1-4]$/);
  expect(Number(elena[header!.indexOf(`${skill} highest`)])).toBeGreaterThanOrEqual(Number(lowest));
  const hiredOnly = Papa.parse<string[]>(await (await page.request.get(`/api/v1/openings/${openingId}/dashboard?stage=hired`)).text(), { skipEmptyLines: true }).data;
  expect(hiredOnly.slice(1).map((r) => r[1])).toEqual(['hired']);
});

test('an interviewer cannot open the dashboard or a decision packet', async ({ page }) => {
  await signIn(page, demo.interviewer.email, demo.password);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'You don’t have access to the dashboard' })).toBeVisible();
  await page.goto('/candidates/00000000-0000-4000-8000-000000000000/packet');
  await expect(page.getByRole('heading', { name: 'You don’t have access to decision packets' })).toBeVisible();
  await page.goto('/dashboard/questions');
  await expect(page.getByRole('heading', { name: 'You don’t have access to question analytics' })).toBeVisible();
});

test('a hiring manager opens a candidate’s decision packet from the grid and prints it', async ({ page }) => {
  await signIn(page, demo.manager.email, demo.password);
  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'Backend Engineer — Node.js' }).click();
  const gridComposite = (await page.getByRole('row', { name: /David Okonkwo/ }).getByRole('cell').first().textContent())!.match(/^\d\.\d\d/)![0];
  await page.getByRole('link', { name: 'Decision packet for David Okonkwo' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'David Okonkwo' })).toBeVisible();
  await expect(page).toHaveURL(/\/candidates\/[0-9a-f-]{36}\/packet\?opening=[0-9a-f-]{36}$/);
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary.getByText(gridComposite, { exact: true })).toBeVisible(); // the same figure as the grid row
  await expect(summary.getByText(/^Coverage \d+% of the opening’s skill weight/)).toBeVisible();
  await expect(page.getByRole('table', { name: /^Per-skill scores/ }).getByRole('rowheader').first()).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^Spread of \d on .+: .+ \d \(\w+\), .+ \d/ }).first()).toBeVisible();
  // The interviewers' scorecards with their summaries, ratings and notes.
  const scorecards = page.getByRole('region', { name: 'Scorecards' });
  await expect(scorecards.getByRole('heading', { level: 3, name: /^Amara Okafor — / }).first()).toBeVisible();
  await expect(scorecards.getByRole('heading', { level: 3, name: /^Liam O'Connor — / })).toBeVisible();
  await expect(scorecards.getByText(/^(Clear hire|Hire|Not yet|No hire)\. /).first()).toBeVisible();
  await expect(scorecards.getByRole('table', { name: 'Ratings by Liam O\'Connor' })).toBeVisible();
  await expect(scorecards.getByRole('heading', { level: 4, name: 'Notes per question' }).first()).toBeVisible();
  await expect(page.getByText(/^\w{3} \d+, \d{4}, .+ by Sofia Alvarez/)).toBeVisible(); // generated when and by whom
  await expectNoSeriousAxeViolations(page);

  // On paper: no navigation, no buttons; the document itself stays.
  await page.emulateMedia({ media: 'print' });
  await expect(mainNav(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'David Okonkwo' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();

  // The candidate page links to the packet of each application.
  await page.getByRole('link', { name: '← David Okonkwo' }).click();
  await page.getByRole('link', { name: 'Decision packet for Backend Engineer — Node.js' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'David Okonkwo' })).toBeVisible();
});

test('the decision packet over the API: JSON, 422 naming the field, 403 by role, 404 for another organization', async ({ page, browser }) => {
  await signIn(page, demo.manager.email, demo.password);
  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'Backend Engineer — Node.js' }).click();
  const href = (await page.getByRole('link', { name: 'Decision packet for Chloé Martin' }).getAttribute('href'))!;
  const [, candidateId, openingId] = href.match(/^\/candidates\/([0-9a-f-]{36})\/packet\?opening=([0-9a-f-]{36})$/)!;

  const ok = await page.request.get(`/api/v1/candidates/${candidateId}/packet?opening=${openingId}`);
  expect(ok.status()).toBe(200);
  const packet = await ok.json();
  expect(packet.candidate.name).toBe('Chloé Martin');
  expect(packet.opening).toMatchObject({ title: 'Backend Engineer — Node.js', hiringManager: 'Sofia Alvarez' });
  expect(packet.evidence.scorecards.length).toBeGreaterThan(0);
  // One application: the opening may be left out.
  expect((await (await page.request.get(`/api/v1/candidates/${candidateId}/packet`)).json()).evidence.composite).toBe(packet.evidence.composite);

  const badOpening = await page.request.get(`/api/v1/candidates/${candidateId}/packet?opening=nope`);
  expect(badOpening.status()).toBe(422);
  expect(Object.keys((await badOpening.json()).error.fields)).toEqual(['openingId']);
  const badCandidate = await page.request.get(`/api/v1/candidates/nope/packet?opening=${openingId}`);
  expect(badCandidate.status()).toBe(422);
  expect(Object.keys((await badCandidate.json()).error.fields)).toEqual(['candidateId']);
  expect((await page.request.get(`/api/v1/candidates/00000000-0000-4000-8000-000000000000/packet`)).status()).toBe(404);

  const interviewerContext = await browser.newContext();
  const interviewer = await interviewerContext.newPage();
  await signIn(interviewer, demo.interviewer.email, demo.password);
  expect((await interviewer.request.get(`/api/v1/candidates/${candidateId}/packet?opening=${openingId}`)).status()).toBe(403);
  await interviewerContext.close();

  // Someone else's organization: the same ids read as missing, on the API and on the page.
  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await outsider.goto('/sign-up');
  await outsider.getByLabel('Your name').fill('Olga Outsider');
  await outsider.getByLabel('Work email').fill(uniqueEmail('olga'));
  await outsider.getByLabel('Password').fill('a long enough password');
  await outsider.getByLabel('Organization name').fill('Elsewhere Ltd');
  await outsider.getByRole('button', { name: 'Create account' }).click();
  await expect(outsider.getByRole('heading', { name: 'Welcome, Olga Outsider' })).toBeVisible();
  expect((await outsider.request.get(`/api/v1/candidates/${candidateId}/packet?opening=${openingId}`)).status()).toBe(404);
  await outsider.goto(href);
  await expect(outsider.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await expect(outsider.getByText('Chloé Martin')).toHaveCount(0);
  await outsiderContext.close();
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
