// Getting to an interview: an opening with its loop, a candidate applying to it, an interview
// scheduled with a panel — which the interviewer then finds under My interviews.
import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

test('a recruiter opens a role, adds a candidate and schedules an interview the panel can see', async ({ page, browser }) => {
  await signIn(page, 'recruiter@demo.loopkit.dev', demo.password);
  await page.goto('/openings/new');
  await page.getByLabel('Title').fill('Site Reliability Engineer');
  await page.getByLabel('Level').selectOption('senior');
  await page.getByLabel('Stage 1 name').fill('Systems interview');
  await page.getByLabel('Stage 1 kit').selectOption({ label: 'Senior backend — system design and security' });
  await page.getByLabel('Stage 1 minutes').fill('90');
  await page.getByRole('button', { name: 'Create opening' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Site Reliability Engineer' })).toBeVisible();
  await expect(page.getByText('Systems interview · 90 min')).toBeVisible();

  await page.goto('/candidates');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByText('Enter the candidate’s name')).toBeVisible();
  await page.getByLabel('Name').fill('Noor Haddad');
  await page.getByLabel('Email').fill('noor.haddad@example.test');
  await page.getByLabel('Apply to opening').selectOption({ label: 'Site Reliability Engineer' });
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Noor Haddad' })).toBeVisible();

  await page.getByText('Schedule an interview').click();
  const tomorrow = new Date(Date.now() + 86_400_000);
  const local = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}T10:00`;
  await page.getByLabel('Date and time').fill(local);
  await page.getByRole('checkbox', { name: 'Jonas Weber' }).check();
  await page.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(page.getByText('Interview scheduled. The panel sees it under My interviews.')).toBeVisible();

  await page.getByLabel('Stage for Site Reliability Engineer').selectOption('withdrawn');
  await page.getByRole('button', { name: 'Move' }).click();
  await expect(page.getByText('Moved to withdrawn.')).toBeVisible();

  const other = await browser.newContext();
  const interviewer = await other.newPage();
  await signIn(interviewer, demo.interviewer.email, demo.password);
  await interviewer.goto('/interviews');
  const upcoming = interviewer.getByRole('region', { name: /Upcoming/ });
  await expect(upcoming.getByRole('link', { name: 'Noor Haddad' })).toBeVisible();
  await other.close();
});

test('an admin reopens a submitted scorecard with a reason', async ({ page }) => {
  await signIn(page, demo.admin.email, demo.password);
  await page.goto('/candidates');
  await page.getByRole('link', { name: 'Elena Petrova' }).click();
  await page.getByText(/^Reopen .*’s scorecard$/).first().click();
  await page.getByLabel('Reason (recorded in the audit log)').first().fill('typo');
  await page.getByRole('button', { name: 'Reopen scorecard' }).first().click();
  await expect(page.getByText('Give a reason of at least 10 characters')).toBeVisible();
  await page.getByLabel('Reason (recorded in the audit log)').first().fill('Rated the wrong skill by mistake');
  await page.getByRole('button', { name: 'Reopen scorecard' }).first().click();
  await expect(page.getByText('Scorecard reopened; its author can edit it again.')).toBeVisible();
});
