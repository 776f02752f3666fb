// The live scorecard as interviewers use it: by keyboard, through a dropped network and a reload,
// and with the same scorecard open in two tabs — no note or rating is ever lost.
import { expect, type Page, test } from '@playwright/test';
import { demo, signIn } from './support';

async function openInterview(page: Page, candidate: string) {
  await page.goto('/interviews');
  // The interview still ahead or under way (a past one may be listed for the same candidate).
  await page.getByRole('listitem').filter({ hasText: /Scheduled|In progress/ }).getByRole('link', { name: candidate }).first().click();
  await expect(page.getByRole('heading', { name: /^Scorecard:/ })).toBeAttached();
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
}

async function scorecardOnServer(page: Page) {
  const interviewId = page.url().split('/interviews/')[1]!.split('?')[0]!;
  const response = await page.request.get(`/api/v1/interviews/${interviewId}/scorecard`);
  expect(response.status()).toBe(200);
  return (await response.json()).scorecard as { id: string | null; notes: Record<string, string>; ratings: Record<string, unknown>; status: string; recommendation: string | null };
}

// Fatima Zahra's interview in the demo is under way: it can be submitted.
test('an interviewer runs a whole interview with the keyboard and submits', async ({ page }) => {
  await signIn(page, 'amara@demo.loopkit.dev', demo.password);
  await openInterview(page, 'Fatima Zahra');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  const questions = await page.getByRole('navigation', { name: 'Questions' }).getByRole('listitem').count();
  for (let i = 0; i < questions; i++) {
    await page.keyboard.press('n');
    await page.keyboard.type(`Answer ${i + 1}: clear example with a measurable outcome.`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('3');
    await expect(page.getByRole('radio', { name: /^3 — Solid/ })).toBeChecked();
    if (i < questions - 1) await page.keyboard.press('j');
  }
  // Skills no question covered, and the recommendation, by keyboard too.
  const skills = page.getByRole('region', { name: 'Skills' });
  const unrated = skills
    .getByRole('group')
    .filter({ has: page.getByRole('radio', { name: 'No evidence' }) })
    .filter({ hasNot: page.locator('input:checked') });
  while ((await unrated.count()) > 0) {
    await unrated.first().getByRole('radio', { name: 'No evidence' }).focus();
    await page.keyboard.press('Space');
  }
  await page.getByRole('radio', { name: 'Yes', exact: true }).focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Summary').focus();
  await page.keyboard.type('Calm under pressure; good examples.');
  await page.getByRole('button', { name: 'Submit scorecard' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Submitted. You can now see the other interviewers’ feedback on this candidate.')).toBeVisible();

  const saved = await scorecardOnServer(page);
  expect(saved.status).toBe('submitted');
  expect(saved.recommendation).toBe('yes');
  expect(Object.values(saved.notes)).toHaveLength(questions);
  expect(Object.values(saved.notes).every((n) => n.includes('measurable outcome'))).toBe(true);
});

test('notes typed offline survive a reload and reach the server when the network returns', async ({ page, context }) => {
  await signIn(page, 'amara@demo.loopkit.dev', demo.password);
  await openInterview(page, 'Hannah Schmidt');
  // Viewing the scorecard (page and GET) creates nothing; and it is ahead, so it cannot be submitted yet.
  expect((await scorecardOnServer(page)).id).toBeNull();
  await expect(page.getByText(/This interview has not started yet/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit scorecard' })).toBeDisabled();
  const notes = page.getByRole('textbox', { name: /Notes on this answer/ });
  await notes.fill('Online part.');
  await expect(page.getByText('All changes saved')).toBeVisible();

  const url = page.url();
  await context.setOffline(true);
  await notes.fill('Online part. Typed while offline, do not lose me.');
  await expect(page.getByText(/Offline — your notes are kept in this browser/)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('4');
  await page.reload().catch(() => undefined); // the reload itself fails: there is no network
  await context.setOffline(false);
  await page.goto(url);
  await expect(page.getByRole('textbox', { name: /Notes on this answer/ })).toHaveValue('Online part. Typed while offline, do not lose me.');
  await expect(page.getByText('All changes saved')).toBeVisible();

  const saved = await scorecardOnServer(page);
  expect(Object.values(saved.notes)).toContain('Online part. Typed while offline, do not lose me.');
  expect(Object.values(saved.ratings)).toContain(4);
});

test('the same scorecard in two tabs shows a conflict and keeps both texts', async ({ page, context }) => {
  await signIn(page, demo.interviewer.email, demo.password);
  await openInterview(page, 'Tomás Silva');
  const second = await context.newPage();
  await second.goto(page.url());
  await expect(second.getByRole('textbox', { name: /Notes on this answer/ })).toBeVisible();

  // Tab one's text must be on the server before tab two types, or the two saves race and the
  // conflict may land in tab one instead; the server is asked directly ("All changes saved" is also
  // what an untouched page says). Typing again is the user's own remedy when a page still
  // hydrating under load drops a keystroke, so a fill the page missed is repeated, never waited out.
  await expect(async () => {
    await page.getByRole('textbox', { name: /Notes on this answer/ }).fill('Written in tab one.');
    await expect.poll(async () => Object.values((await scorecardOnServer(page)).notes), { timeout: 5_000 }).toContain('Written in tab one.');
  }).toPass({ timeout: 40_000 });
  await expect(page.getByText('All changes saved')).toBeVisible();

  const conflict = second.getByRole('region', { name: 'This scorecard was also edited in another tab or device' });
  await expect(async () => {
    await second.getByRole('textbox', { name: /Notes on this answer/ }).fill('Written in tab two.');
    await expect(conflict).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 40_000 });
  await expect(conflict.getByText('Written in tab one.')).toBeVisible();
  await expect(conflict.getByText('Written in tab two.')).toBeVisible();
  await conflict.getByRole('button', { name: 'Keep both texts' }).click();
  await expect(second.getByText('All changes saved')).toBeVisible();

  const saved = await scorecardOnServer(second);
  const note = Object.values(saved.notes).find((n) => n.includes('tab two'))!;
  expect(note).toContain('Written in tab one.');
  expect(note).toContain('Written in tab two.');
});

const seconds = (clock: string | null) => {
  const [minutes, secs] = (clock ?? '').split(':').map(Number);
  return minutes! * 60 + secs!;
};

// The clock counts from the interview's start as the server recorded it (the first panelist's
// page on a started interview), not from the page load; it stops at the submit. Time is moved on
// with Playwright's clock, not waited for.
test('the interview clock resumes after a reload and stops at the submit', async ({ page }) => {
  await page.clock.install();
  await signIn(page, 'recruiter@demo.loopkit.dev', demo.password);
  await openInterview(page, 'Fatima Zahra');
  const running = page.getByRole('timer', { name: 'Time since the interview started' });
  await expect(running).toHaveText(/^\d+:\d\d$/);

  await page.clock.fastForward('05:00');
  await expect.poll(async () => seconds(await running.textContent())).toBeGreaterThanOrEqual(300);
  const beforeReload = seconds(await running.textContent());
  await page.reload();
  // Not 0:00 again: the same start, so at least the time it showed before.
  await expect.poll(async () => seconds(await running.textContent())).toBeGreaterThanOrEqual(beforeReload);

  // Finish and submit: the clock stops, and stays stopped later and after a reload.
  const skills = page.getByRole('region', { name: 'Skills' });
  const unrated = skills
    .getByRole('group')
    .filter({ has: page.getByRole('radio', { name: 'No evidence' }) })
    .filter({ hasNot: page.locator('input:checked') });
  while ((await unrated.count()) > 0) {
    await unrated.first().getByRole('radio', { name: 'No evidence' }).focus();
    await page.keyboard.press('Space');
  }
  await page.getByRole('radio', { name: 'Yes', exact: true }).focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Summary').fill('Listens well; clear on trade-offs.');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  await expect(page.getByText(/^Submitted\./)).toBeVisible();
  const stopped = page.getByRole('timer', { name: 'Interview length (stopped at your submit)' });
  await expect(stopped).toHaveText(/^\d+:\d\d$/);
  const final = await stopped.textContent();
  await page.clock.fastForward('03:00');
  await expect(stopped).toHaveText(final!);
  await page.reload();
  await expect(page.getByRole('timer', { name: 'Interview length (stopped at your submit)' })).toHaveText(final!);
  expect((await scorecardOnServer(page)).status).toBe('submitted');
});
