// The loop overview and the role home pages: a recruiter finds who owes feedback (the home page's
// overdue count leads there), the page is accessible and fits a phone; an interviewer's interview
// whose cards are all in leaves "upcoming". The browser runs in Berlin, so days and times are the
// viewer's, not the server's (UTC).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { demo, uniqueEmail } from './support';

const ZONE = 'Europe/Berlin';
test.use({ timezoneId: ZONE });

async function expectNoSeriousAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${label}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** As support.ts's signIn, with room for argon2 on a machine shared by several test runs. */
async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible({ timeout: 30_000 });
}

/** What a person in Berlin types into a datetime-local field for this instant. */
function berlinLocal(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** A recruiter adds a candidate to the demo's Node.js opening and schedules them at `at` with one panelist. */
async function scheduleCandidate(page: Page, name: string, at: Date, panelist: string) {
  await page.goto('/candidates');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(uniqueEmail('loop'));
  await page.getByLabel('Apply to opening').selectOption({ label: 'Backend Engineer — Node.js' });
  await page.getByRole('button', { name: 'Add candidate' }).click();
  // Adding and scheduling are the slowest writes; on a busy machine they take a while.
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });
  await page.getByText('Schedule an interview').click();
  await page.getByLabel('Date and time').fill(berlinLocal(at));
  await page.getByRole('checkbox', { name: panelist }).check();
  await page.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(page.getByText('Interview scheduled. The panel sees it under My interviews.')).toBeVisible({ timeout: 30_000 });
}

test('a recruiter filters the loop to overdue feedback and sees who owes it; the home page count leads there', async ({ page }) => {
  test.setTimeout(180_000);
  const name = `Olu Overdue ${Date.now().toString(36)}`;
  await signIn(page, 'recruiter@demo.loopkit.dev', demo.password);
  await scheduleCandidate(page, name, new Date(Date.now() - 3 * 86_400_000), "Liam O'Connor");

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Loop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Loop overview' })).toBeVisible();
  // The viewer's zone is adopted into the URL and named on the page.
  await expect(page).toHaveURL(/timeZone=Europe%2FBerlin/);
  await expect(page.getByText('Days and times in')).toContainText('Europe/Berlin');
  await expectNoSeriousAxeViolations(page, 'loop overview');

  await page.getByLabel('Overdue only').check();
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/overdue=1/);
  const item = page.getByRole('listitem', { name: new RegExp(`^${name},`) });
  await expect(item).toContainText("Liam O'Connor");
  await expect(item.getByRole('list', { name: 'Panel' })).toContainText('Owes · not started');
  await expect(item).toContainText(/Overdue: owes feedback for \d d( \d+ h)?/);
  await expect(item.getByText('Awaiting feedback')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'loop overview, overdue only');

  // A filter that matches nothing says so.
  await page.getByLabel('Status').selectOption({ label: 'Cancelled' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByRole('heading', { name: 'No interviews match these filters' })).toBeVisible();

  // The home page counts overdue cards across the organization and links to the same list.
  await page.goto('/');
  const count = page.getByRole('link', { name: /^\d+ overdue scorecards?$/ });
  const cards = Number((await count.textContent())!.match(/^\d+/)![0]);
  expect(cards).toBeGreaterThan(0);
  await expect(page.getByRole('list', { name: 'Longest overdue' })).toContainText(`Liam O'Connor owes feedback on ${name}`);
  await expect(page.getByRole('heading', { name: 'Today’s interviews' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'home page with the team cards');
  await count.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Loop overview' })).toBeVisible();
  await expect(page.getByLabel('Overdue only')).toBeChecked();
  await expect(page.getByText(`${cards} overdue ${cards === 1 ? 'scorecard' : 'scorecards'}`)).toBeVisible();
  await expect(page.getByRole('listitem', { name: new RegExp(`^${name},`) })).toBeVisible();

  // The same rows through the API: a cursor for the next page, a bad parameter named.
  const firstPage = await page.request.get('/api/v1/interviews?limit=1');
  expect(firstPage.status()).toBe(200);
  const body = (await firstPage.json()) as { interviews: { id: string; status: string }[]; nextCursor: string | null };
  expect(body.interviews).toHaveLength(1);
  const nextPage = (await (await page.request.get(`/api/v1/interviews?limit=1&cursor=${body.nextCursor}`)).json()) as { interviews: { id: string }[] };
  expect(nextPage.interviews[0]!.id).not.toBe(body.interviews[0]!.id);
  const bad = await page.request.get('/api/v1/interviews?status=finished&from=someday');
  expect(bad.status()).toBe(422);
  expect(Object.keys(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).sort()).toEqual(['from', 'status']);

  // A phone shows cards, not a table wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole('listitem', { name: new RegExp(`^${name},`) })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('an interviewer is refused the loop overview and has no Loop link', async ({ page }) => {
  await signIn(page, demo.interviewer.email, demo.password);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Loop' })).toHaveCount(0);
  await page.goto('/loop');
  await expect(page.getByRole('heading', { name: /You don’t have access to the loop overview/ })).toBeVisible();
  const api = await page.request.get('/api/v1/interviews');
  expect(api.status()).toBe(403);
});

test('an interviewer’s interview whose cards are all in leaves “upcoming”', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const name = `Uma Underway ${Date.now().toString(36)}`;
  await signIn(page, 'recruiter@demo.loopkit.dev', demo.password);
  await scheduleCandidate(page, name, new Date(Date.now() - 10 * 60_000), 'Jonas Weber');

  const context = await browser.newContext({ timezoneId: ZONE });
  const interviewer = await context.newPage();
  await signIn(interviewer, demo.interviewer.email, demo.password);
  const upcomingOnHome = interviewer.locator('section').filter({ has: interviewer.getByRole('heading', { name: 'Your upcoming interviews' }) });
  await interviewer.goto('/interviews');
  const today = interviewer.getByRole('region', { name: /^Today/ });
  await expect(today.getByRole('listitem').filter({ hasText: name })).toContainText('In progress');

  // Run it: every question rated, uncovered skills marked "no evidence", a recommendation, submit.
  await today.getByRole('link', { name }).click();
  await expect(interviewer.getByText('Interview status:')).toBeVisible();
  await expect(interviewer.getByText('0 of 1 scorecard submitted')).toBeVisible();
  const questions = await interviewer.getByRole('navigation', { name: 'Questions' }).getByRole('listitem').count();
  for (let i = 0; i < questions; i++) {
    await interviewer.keyboard.press('3');
    await expect(interviewer.getByRole('radio', { name: /^3 — Solid/ })).toBeChecked();
    if (i < questions - 1) await interviewer.keyboard.press('j');
  }
  const unrated = interviewer
    .getByRole('region', { name: 'Skills' })
    .getByRole('group')
    .filter({ has: interviewer.getByRole('radio', { name: 'No evidence' }) })
    .filter({ hasNot: interviewer.locator('input:checked') });
  // By keyboard, as the live page is meant to be used (its sticky bar covers radios scrolled under it).
  while ((await unrated.count()) > 0) {
    await unrated.first().getByRole('radio', { name: 'No evidence' }).focus();
    await interviewer.keyboard.press('Space');
  }
  await interviewer.getByRole('radio', { name: 'Yes', exact: true }).focus();
  await interviewer.keyboard.press('Space');
  await interviewer.getByRole('button', { name: 'Submit scorecard' }).focus();
  await interviewer.keyboard.press('Enter');
  await expect(interviewer.getByText(/^Submitted\./)).toBeVisible();

  await interviewer.goto('/');
  await expect(upcomingOnHome.getByRole('heading', { name: 'Your upcoming interviews' })).toBeVisible();
  await expect(upcomingOnHome.getByRole('link', { name })).toHaveCount(0);
  await interviewer.goto('/interviews');
  await expect(interviewer.getByRole('region', { name: /^Upcoming/ }).getByRole('link', { name })).toHaveCount(0);
  await expect(interviewer.getByRole('region', { name: /^Today/ }).getByRole('listitem').filter({ hasText: name })).toContainText('Complete');
  await context.close();

  // The recruiter sees it complete on the candidate's page too.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Complete', { exact: true }).first()).toBeVisible();
});
