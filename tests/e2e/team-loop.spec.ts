// The whole loop as a team runs it (issue 11), across the pieces built for it: a recruiter adds a
// candidate on the opening page and schedules from there; both panelists find the interview behind
// the bell, and the outbox holds their two calendar invites; one submits and reads the panel's
// feedback once the other has submitted; the hiring manager is told all feedback is in, follows
// that notification to the debrief and records a decision; the candidate page and the dashboard
// show it.
import { expect, type Page, test } from '@playwright/test';
import { demo, fillAndSubmitScorecard, localInput, signedIn, uniqueEmail } from './support';

const OPENING = 'Backend Engineer — Node.js';

/** Opens the notification about `candidate` whose headline matches `headline`, reloading until the job has written it. */
async function openNotification(page: Page, candidate: string, headline: RegExp) {
  const link = page.getByRole('list', { name: 'Notifications' }).getByRole('link', { name: headline }).filter({ hasText: candidate });
  await expect(async () => {
    await page.goto('/notifications');
    await expect(link.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await link.first().click();
}

test('a team runs a loop: schedule from the opening, invites, feedback, debrief and decision', async ({ browser }) => {
  test.setTimeout(300_000);
  const candidate = `Teo Teamloop ${Date.now().toString(36)}`;

  // The recruiter adds the candidate on the opening page and schedules an interview that began
  // twenty minutes ago (so the panel may submit), with Jonas and Amara on the panel.
  const recruiter = await signedIn(browser, 'recruiter@demo.loopkit.dev');
  await recruiter.goto('/openings');
  await recruiter.getByRole('link', { name: OPENING }).first().click();
  await expect(recruiter.getByRole('heading', { level: 1, name: OPENING })).toBeVisible();
  const add = recruiter.getByRole('region', { name: 'Add a candidate to this opening' });
  await add.getByLabel('Name').fill(candidate);
  await add.getByLabel('Email').fill(uniqueEmail('teo'));
  await add.getByRole('button', { name: 'Add to this opening' }).click();
  await expect(recruiter.getByText('Candidate added to this opening.', { exact: false })).toBeVisible();
  await recruiter.getByText(`Schedule an interview with ${candidate}`).click();
  const row = recruiter.getByRole('listitem').filter({ has: recruiter.getByRole('link', { name: candidate }) });
  await row.getByLabel('Date and time').fill(localInput(new Date(Date.now() - 20 * 60_000)));
  await row.getByRole('checkbox', { name: demo.interviewer.name }).check();
  await row.getByRole('checkbox', { name: 'Amara Okafor' }).check();
  await row.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(recruiter.getByText('Interview scheduled. The panel sees it under My interviews.')).toBeVisible();

  // Each panelist finds it behind the bell and opens the scorecard from the notification.
  const jonas = await signedIn(browser, demo.interviewer.email);
  await expect(jonas.getByRole('link', { name: /^Notifications, \d+ unread/ })).toBeVisible();
  await openNotification(jonas, candidate, /^You are on the panel: /);
  await expect(jonas).toHaveURL(/\/interviews\/[0-9a-f-]{36}$/);
  const interviewUrl = jonas.url();
  const amara = await signedIn(browser, 'amara@demo.loopkit.dev');
  await openNotification(amara, candidate, /^You are on the panel: /);
  await expect(amara).toHaveURL(interviewUrl);

  // Without SMTP the outbox holds one invite per panelist, each a calendar REQUEST.
  const admin = await signedIn(browser, demo.admin.email);
  const invites = admin.getByRole('article').filter({ has: admin.getByRole('heading', { name: new RegExp(`^Interview invite: .* with ${candidate}`) }) });
  await expect(async () => {
    await admin.goto('/settings/outbox');
    await expect(invites).toHaveCount(2, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  for (const to of [demo.interviewer.email, 'amara@demo.loopkit.dev']) {
    await expect(invites.filter({ hasText: `To ${to}` }).getByText('Calendar invite (REQUEST)')).toBeVisible();
  }

  // Jonas submits; the panel's feedback stays hidden while Amara owes hers, and says so.
  await fillAndSubmitScorecard(jonas, 'Yes');
  await jonas.getByRole('link', { name: 'Read the panel’s feedback' }).click();
  await expect(jonas.getByText(/Amara Okafor\s*owes the/)).toBeVisible();
  await expect(jonas.getByRole('heading', { name: /^Amara Okafor —/ })).toHaveCount(0);

  // Amara submits; Jonas now reads her card.
  await fillAndSubmitScorecard(amara, 'Yes');
  await jonas.reload();
  await expect(jonas.getByRole('heading', { name: 'Amara Okafor — Yes' })).toBeVisible();

  // The hiring manager is told all feedback is in, and the notification leads to the debrief.
  const manager = await signedIn(browser, demo.manager.email);
  await openNotification(manager, candidate, /^All feedback is in for /);
  await expect(manager).toHaveURL(/\/applications\/[0-9a-f-]{36}\/debrief$/);
  await expect(manager.getByRole('heading', { level: 1, name: new RegExp(`^${candidate}`) })).toBeVisible();
  await manager.getByRole('radio', { name: 'Reject' }).check();
  await manager.getByLabel('Rationale').fill('Both panelists liked the fundamentals, but the role needs deeper production experience.');
  await manager.getByRole('button', { name: 'Record decision' }).click();
  await expect(manager.getByText('Decision recorded: Reject.', { exact: false })).toBeVisible();

  // The candidate page and the comparison grid show the decision.
  await manager.goto('/candidates');
  await manager.getByLabel('Search candidates').fill(candidate);
  await manager.getByRole('button', { name: 'Search', exact: true }).click();
  await manager.getByRole('link', { name: candidate }).click();
  await expect(manager.getByText('deeper production experience', { exact: false })).toBeVisible();
  await manager.goto('/dashboard');
  await manager.getByRole('link', { name: OPENING }).first().click();
  const gridRow = manager.getByRole('row').filter({ has: manager.getByRole('rowheader', { name: new RegExp(candidate) }) });
  await expect(gridRow.getByText('Reject', { exact: true })).toBeVisible();

  await Promise.all([recruiter, jonas, amara, admin, manager].map((page) => page.context().close()));
});
