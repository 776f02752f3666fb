// Blind review: an admin turns it on for an opening, a candidate is scheduled with the demo
// interviewer on the panel, and the interviewer finds the interview under the candidate's code —
// on My interviews, the interview page and the scorecard header — never under their name.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { demo, localInput, signedIn, uniqueEmail } from './support';

async function expectNoSeriousAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${label}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('an admin turns on blind review; the interviewer sees the code, not the name, on their interview and scorecard', async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `Blind Platform Engineer ${stamp}`;
  const name = `Zora Vantablack ${stamp}`;
  const admin = await signedIn(browser, demo.admin.email);

  await admin.goto('/openings/new');
  await admin.getByLabel('Title').fill(title);
  await admin.getByLabel('Stage 1 name').fill('Technical');
  await admin.getByLabel('Stage 1 kit').selectOption({ label: 'Backend engineer — Node.js' });
  await admin.getByRole('button', { name: 'Create opening' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await admin.getByRole('link', { name: 'Edit opening' }).click();
  await expect(admin.getByLabel('Blind review')).toHaveValue('off');
  await admin.getByLabel('Blind review').selectOption({ label: 'Interviewers see a candidate code' });
  await expectNoSeriousAxeViolations(admin, 'edit opening with blind review');
  await admin.getByRole('button', { name: 'Save changes' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(admin.getByText(/Blind review: interviewers see a candidate code/)).toBeVisible();

  await admin.goto('/candidates');
  await admin.getByLabel('Name').fill(name);
  await admin.getByLabel('Email').fill(uniqueEmail('zora'));
  await admin.getByLabel('Apply to opening').selectOption({ label: title });
  await admin.getByRole('button', { name: 'Add candidate' }).click();
  // The admin contacts candidates: the name stays, with the code the panel will see.
  await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible();
  const codeText = await admin.getByText(/this candidate as C-/).textContent();
  const code = /C-[2-9A-HJ-NP-Z]{4}/.exec(codeText ?? '')?.[0];
  expect(code).toBeTruthy();

  await admin.getByText('Schedule an interview').click();
  await admin.getByLabel('Date and time').fill(localInput(new Date(Date.now() + 2 * 86_400_000)));
  await admin.getByRole('checkbox', { name: demo.interviewer.name }).check();
  await admin.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(admin.getByText('Interview scheduled. The panel sees it under My interviews.')).toBeVisible();

  const interviewer = await signedIn(browser, demo.interviewer.email);
  await interviewer.goto('/interviews');
  const upcoming = interviewer.getByRole('region', { name: /Upcoming/ });
  await expect(upcoming.getByRole('link', { name: code! })).toBeVisible();
  await expect(interviewer.getByText(name)).toHaveCount(0);
  await expectNoSeriousAxeViolations(interviewer, 'My interviews with a blind interview');

  await upcoming.getByRole('link', { name: code! }).click();
  await expect(interviewer.getByText('Blind review', { exact: true })).toBeVisible();
  await expect(interviewer.getByText(code!, { exact: true })).toBeVisible();
  await expect(interviewer.getByRole('heading', { name: new RegExp(`Scorecard: ${code}`) })).toBeAttached();
  await expect(interviewer.getByText(/Zora|Vantablack/)).toHaveCount(0);
  await expectNoSeriousAxeViolations(interviewer, 'blind scorecard');
});
