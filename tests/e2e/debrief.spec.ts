// The end of a loop as a team runs it (issue 11): a hiring manager schedules an interview that is
// already under way; an interviewer submits and follows "Read the panel’s feedback" to the
// debrief, where the other panelist's card is listed as owed until it is in; the hiring manager
// opens the debrief from the home page, records a decision, and the candidate page and the
// comparison grid show it. The debrief page passes an axe scan.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { demo, fillAndSubmitScorecard, localInput, signedIn, uniqueEmail } from './support';

const OPENING = 'Backend Engineer — Node.js';

test('an interviewer reads the panel’s feedback after submitting; the hiring manager decides in the debrief', async ({ browser }) => {
  test.setTimeout(300_000);
  const candidate = `Dana Debrief ${Date.now().toString(36)}`;
  const manager = await signedIn(browser, demo.manager.email);

  // The hiring manager adds a candidate and schedules an interview that started half an hour ago.
  await manager.goto('/candidates');
  await manager.getByLabel('Name').fill(candidate);
  await manager.getByLabel('Email').fill(uniqueEmail('dana'));
  await manager.getByLabel('Apply to opening').selectOption({ label: OPENING });
  await manager.getByRole('button', { name: 'Add candidate' }).click();
  await expect(manager.getByRole('heading', { level: 1, name: candidate })).toBeVisible();
  const candidateUrl = manager.url();
  await manager.getByText('Schedule an interview').click();
  await manager.getByLabel('Date and time').fill(localInput(new Date(Date.now() - 30 * 60_000)));
  await manager.getByRole('checkbox', { name: 'Jonas Weber' }).check();
  await manager.getByRole('checkbox', { name: 'Amara Okafor' }).check();
  await manager.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(manager.getByText('Interview scheduled. The panel sees it under My interviews.')).toBeVisible();

  // Jonas opens his scorecard; before submitting, the debrief says why it hides the panel's feedback.
  const jonas = await signedIn(browser, demo.interviewer.email);
  await jonas.goto('/interviews');
  await jonas.getByRole('link', { name: candidate }).first().click();
  await expect(jonas.getByRole('heading', { name: /^Scorecard:/ })).toBeAttached();
  const interviewUrl = jonas.url();
  await fillAndSubmitScorecard(jonas, 'Yes');
  await jonas.getByRole('link', { name: 'Read the panel’s feedback' }).click();
  await expect(jonas.getByRole('heading', { level: 1, name: new RegExp(`^${candidate}`) })).toBeVisible();
  await expect(jonas.getByRole('heading', { name: 'Jonas Weber (you) — Yes' })).toBeVisible();
  // Amara's card is not in: she is named as owing it, and nothing of hers is shown.
  await expect(jonas.getByText(/Amara Okafor\s*owes the/)).toBeVisible();
  await expect(jonas.getByRole('heading', { name: /^Amara Okafor —/ })).toHaveCount(0);
  const debriefUrl = jonas.url();

  // Amara, before submitting, is told why the feedback is hidden and what unlocks it.
  const amara = await signedIn(browser, 'amara@demo.loopkit.dev');
  await amara.goto(debriefUrl);
  await expect(amara.getByText(/haven’t submitted your scorecard yet — submit it to read the others’/)).toBeVisible();
  await expect(amara.getByRole('heading', { name: /^Jonas Weber —/ })).toHaveCount(0);
  await amara.goto(interviewUrl);
  await expect(amara.getByRole('heading', { name: /^Scorecard:/ })).toBeAttached();
  await fillAndSubmitScorecard(amara, 'No');

  // Now Jonas reads both cards, and the split recommendation leads the disagreements.
  await jonas.reload();
  await expect(jonas.getByRole('heading', { name: 'Amara Okafor — No' })).toBeVisible();
  await expect(jonas.getByText('Recommendations split')).toBeVisible();
  await expect(jonas.getByText('Every panelist of every interview that has started has submitted.')).toBeVisible();

  // The hiring manager's home page has the list of candidates ready for a decision (the demo
  // fills its first ten, oldest wait first); the debrief is also one click from the candidate page.
  await manager.goto('/');
  await expect(manager.getByRole('heading', { name: 'Ready for a decision' })).toBeVisible();
  await manager.goto(candidateUrl);
  await manager.getByRole('link', { name: `Debrief for ${OPENING}` }).click();
  await expect(manager.getByRole('heading', { level: 1, name: new RegExp(`^${candidate}`) })).toBeVisible();
  const axe = await new AxeBuilder({ page: manager }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // A rationale too short is refused beside its field, and what was typed stays.
  await manager.getByRole('radio', { name: 'Hire' }).check();
  await manager.getByLabel('Rationale').fill('Looks good');
  await manager.getByRole('button', { name: 'Record decision' }).click();
  await expect(manager.getByText(/Write a rationale of at least 20 characters/)).toBeVisible();
  await expect(manager.getByLabel('Rationale')).toHaveValue('Looks good');
  await expect(manager.getByRole('radio', { name: 'Hire' })).toBeChecked();
  await manager.getByLabel('Rationale').fill('Solid fundamentals from both panelists; the split on collaboration was discussed and resolved.');
  await manager.getByRole('button', { name: 'Record decision' }).click();
  await expect(manager.getByText('Decision recorded: Hire. The application is now hired.')).toBeVisible();
  await expect(manager.getByText('Solid fundamentals from both panelists', { exact: false }).first()).toBeVisible();

  // The candidate page and the comparison grid show it.
  await manager.goto(candidateUrl);
  await expect(manager.getByText('Solid fundamentals from both panelists', { exact: false })).toBeVisible();
  await expect(manager.getByText('hired', { exact: true }).first()).toBeVisible();
  await manager.goto('/dashboard');
  await manager.getByRole('link', { name: OPENING }).first().click();
  const row = manager.getByRole('row').filter({ has: manager.getByRole('rowheader', { name: new RegExp(candidate) }) });
  await expect(row.getByText('Hire', { exact: true })).toBeVisible();

  await Promise.all([manager.context().close(), jonas.context().close(), amara.context().close()]);
});
