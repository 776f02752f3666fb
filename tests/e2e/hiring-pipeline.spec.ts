// Getting to an interview: an opening with its loop, a candidate applying to it, an interview
// scheduled with a panel — which the interviewer then finds under My interviews.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { demo, signIn, uniqueEmail } from './support';

async function expectNoSeriousAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${label}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

function tomorrowAt(hour: number) {
  const d = new Date(Date.now() + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00`;
}

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
  await page.goto(`/candidates?q=${encodeURIComponent('Elena Petrova')}`);
  await page.getByRole('link', { name: 'Elena Petrova' }).click();
  await page.getByText(/^Reopen .*’s scorecard$/).first().click();
  await page.getByLabel('Reason (kept with the scorecard)').first().fill('typo');
  await page.getByRole('button', { name: 'Reopen scorecard' }).first().click();
  await expect(page.getByText('Give a reason of at least 10 characters')).toBeVisible();
  await page.getByLabel('Reason (kept with the scorecard)').first().fill('Rated the wrong skill by mistake');
  await page.getByRole('button', { name: 'Reopen scorecard' }).first().click();
  await expect(page.getByText('Scorecard reopened; its author can edit it again.')).toBeVisible();
});

test('a recruiter edits a candidate and an opening, and cancels an interview the panel then no longer sees', async ({ page, browser }) => {
  await signIn(page, 'recruiter@demo.loopkit.dev', demo.password);
  await page.goto('/openings/new');
  await page.getByLabel('Title').fill('Payments Backend Engineer');
  await page.getByLabel('Stage 1 name').fill('Coding');
  await page.getByLabel('Stage 1 kit').selectOption({ label: 'Backend engineer — Node.js' });
  await page.getByRole('button', { name: 'Create opening' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payments Backend Engineer' })).toBeVisible();

  await page.goto('/candidates');
  await page.getByLabel('Name').fill('Ines Moreau');
  await page.getByLabel('Email').fill(uniqueEmail('ines'));
  await page.getByLabel('Apply to opening').selectOption({ label: 'Payments Backend Engineer' });
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ines Moreau' })).toBeVisible();
  await page.getByText('Schedule an interview').click();
  await page.getByLabel('Date and time').fill(tomorrowAt(14));
  await page.getByRole('checkbox', { name: 'Jonas Weber' }).check();
  await page.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(page.getByText('Interview scheduled. The panel sees it under My interviews.')).toBeVisible();

  // Edit the candidate: a bad name is named and keeps what was typed; a good edit shows at once.
  await page.getByText('Edit details').click();
  await expectNoSeriousAxeViolations(page, 'candidate page with the edit form');
  await page.getByLabel('Name', { exact: true }).fill('I');
  await page.getByLabel('Phone').fill('+33 1 23 45 67 89');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Enter the candidate’s name')).toBeVisible();
  await expect(page.getByLabel('Phone')).toHaveValue('+33 1 23 45 67 89');
  await page.getByLabel('Name', { exact: true }).fill('Inès Moreau');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Candidate saved.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Inès Moreau' })).toBeVisible();
  await expect(page.getByText(/\+33 1 23 45 67 89/).first()).toBeVisible();

  // Edit the opening: rename, put on hold, rename its stage and add one in front of it.
  await page.getByRole('link', { name: 'Payments Backend Engineer', exact: true }).click();
  await page.getByRole('link', { name: 'Edit opening' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit: Payments Backend Engineer' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'edit opening');
  await expect(page.getByRole('button', { name: 'Remove stage 1' })).toBeDisabled();
  await expect(page.getByText('1 interview use this stage, so it stays in the loop.')).toBeVisible();
  await page.getByLabel('Title').fill('P');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Use at least 3 characters')).toBeVisible();
  await page.getByLabel('Title').fill('Payments Platform Engineer');
  await page.getByLabel('Status').selectOption({ label: 'On hold' });
  await page.getByLabel('Stage 1 name').fill('Coding exercise');
  await page.getByRole('button', { name: 'Add stage' }).click();
  await page.getByLabel('Stage 2 name').fill('System design');
  await page.getByLabel('Stage 2 kit').selectOption({ label: 'Senior backend — system design and security' });
  await page.getByLabel('Stage 2 minutes').fill('75');
  await page.getByRole('button', { name: 'Up (move stage 2 earlier)' }).click();
  await expect(page.getByLabel('Stage 1 name')).toHaveValue('System design');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payments Platform Engineer' })).toBeVisible();
  await expect(page.getByText('On hold')).toBeVisible();
  const loop = page.getByRole('listitem').filter({ hasText: /· \d+ min/ });
  await expect(loop.nth(0)).toContainText('System design · 75 min');
  await expect(loop.nth(1)).toContainText('Coding exercise · 60 min');

  // Cancel the interview with a reason.
  await page.getByRole('link', { name: 'Inès Moreau' }).click();
  await page.getByText('Reschedule or cancel').click();
  await page.getByRole('button', { name: 'Cancel interview' }).click();
  await expect(page.getByText('Give a reason (at least 3 characters)')).toBeVisible();
  await page.getByLabel('Reason for cancelling').fill('Candidate asked to postpone');
  await page.getByRole('button', { name: 'Cancel interview' }).click();
  await expect(page.getByText('Interview cancelled. It no longer appears under the panel’s interviews.')).toBeVisible();
  await expect(page.getByText('Coding exercise for Payments Platform Engineer cancelled: Candidate asked to postpone')).toBeVisible();
  await expect(page.getByText('Cancelled', { exact: true }).first()).toBeVisible(); // the interview's derived status

  const other = await browser.newContext();
  const interviewer = await other.newPage();
  await signIn(interviewer, demo.interviewer.email, demo.password);
  await interviewer.goto('/interviews');
  await expect(interviewer.getByRole('heading', { level: 1, name: 'My interviews' })).toBeVisible();
  await expect(interviewer.getByRole('link', { name: 'Inès Moreau' })).toHaveCount(0);
  await other.close();
});

test('a recruiter applies an existing candidate to a second opening', async ({ page }) => {
  await signIn(page, 'recruiter@demo.loopkit.dev', demo.password);
  await page.goto('/candidates');
  await page.getByLabel('Name').fill('Ines Duarte');
  await page.getByLabel('Email').fill(uniqueEmail('ines'));
  await page.getByLabel('Apply to opening').selectOption({ label: 'Junior Backend Developer' });
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ines Duarte' })).toBeVisible();

  const applyTo = page.getByLabel('Opening to apply to');
  await expect(applyTo.getByRole('option', { name: 'Junior Backend Developer' })).toHaveCount(0); // already applied
  await applyTo.selectOption({ label: 'Backend Engineer — Node.js' });
  await page.getByRole('button', { name: 'Apply to opening' }).click();
  await expect(page.getByText('Application added.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Backend Engineer — Node.js' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Junior Backend Developer' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'candidate with two applications');
});
