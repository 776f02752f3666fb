// Adverse-impact monitoring: a recruiter-side member sends the survey link from the candidate
// page, the candidate answers through the link read in the development outbox (no account), the
// admin (eeo:read) sees the impact tables with no names, and a hiring manager is refused.
import { expect, test } from '@playwright/test';
import { demo, linkFromOutbox, signedIn, uniqueEmail } from './support';

const OPENING = 'Backend Engineer — Node.js';

test('a candidate answers the self-identification form; the admin sees the impact table and a hiring manager cannot', async ({ browser }) => {
  test.setTimeout(180_000);
  const name = `Sam Survey ${Date.now().toString(36)}`;
  const email = uniqueEmail('sam');
  const admin = await signedIn(browser, demo.admin.email);

  await admin.goto('/candidates');
  await admin.getByLabel('Name').fill(name);
  await admin.getByLabel('Email').fill(email);
  await admin.getByLabel('Apply to opening').selectOption({ label: OPENING });
  await admin.getByRole('button', { name: 'Add candidate' }).click();
  await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible();
  const candidatePage = admin.url();
  const survey = admin.getByRole('region', { name: 'Equal-opportunity survey' });
  await expect(survey.getByText('No link sent yet.')).toBeVisible();
  await survey.getByRole('button', { name: 'Send survey link' }).click();
  await expect(survey.getByRole('status').filter({ hasText: 'Link sent by e-mail' })).toBeVisible();
  await expect(survey.getByLabel(/Survey link/)).toHaveValue(/\/self-identification\/[\w-]{43}$/);

  const link = await linkFromOutbox(admin, { to: email, subject: 'an optional, confidential equal-opportunity survey' });
  expect(link).toMatch(/\/self-identification\/[\w-]{43}$/);

  // The candidate, in a browser of their own with no account.
  const candidate = await (await browser.newContext()).newPage();
  await candidate.goto(link);
  await expect(candidate.getByRole('heading', { name: 'Voluntary self-identification' })).toBeVisible();
  await expect(candidate.getByText('Your answers never reach your interviewers or the hiring manager.')).toBeVisible();
  const gender = candidate.getByRole('group', { name: 'Gender' });
  await expect(gender.getByRole('radio', { name: 'I prefer not to say' })).toBeChecked();
  await gender.getByRole('radio', { name: 'Female' }).check();
  await candidate.getByRole('group', { name: 'Race / ethnicity' }).getByRole('radio', { name: 'Asian (not Hispanic or Latino)' }).check();
  await candidate.getByRole('button', { name: 'Save my answers' }).click();
  await expect(candidate.getByRole('status').filter({ hasText: 'Thank you. Your answers were saved' })).toBeVisible();
  await candidate.goto(link);
  await expect(candidate.getByRole('heading', { name: 'Link unavailable' })).toBeVisible();

  // The candidate page says a response came in, never what it was.
  await admin.goto(candidatePage);
  await expect(admin.getByRole('region', { name: 'Equal-opportunity survey' }).getByText('The candidate responded.')).toBeVisible();
  await expect(admin.getByText('Asian (not Hispanic or Latino)')).toHaveCount(0);

  // The admin's report: linked from the dashboard, aggregates only.
  await admin.goto('/dashboard');
  await admin.getByRole('link', { name: 'Adverse impact' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Adverse impact' })).toBeVisible();
  await admin.getByLabel('Opening').selectOption({ label: OPENING });
  await admin.getByRole('button', { name: 'Show' }).click();
  const table = admin.getByRole('table', { name: 'Applied → Hired: Gender' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Impact ratio' })).toBeVisible();
  // One self-identified woman is a group under five: suppressed.
  await expect(table.getByRole('row', { name: /Female/ }).getByText('fewer than 5')).toBeVisible();
  await expect(admin.getByText(name)).toHaveCount(0);

  // A hiring manager has no eeo:read: no link, and the page refuses.
  const manager = await signedIn(browser, demo.manager.email);
  await manager.goto('/dashboard');
  await expect(manager.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(manager.getByRole('link', { name: 'Adverse impact' })).toHaveCount(0);
  await manager.goto('/dashboard/adverse-impact');
  await expect(manager.getByRole('heading', { name: 'You don’t have access to the adverse-impact report' })).toBeVisible();
});
