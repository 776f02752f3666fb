// Calibration exercises: a recruiter adds a sample answer with a reference rating on a question's
// page (a missing rationale is named and nothing typed is lost); an interviewer finds it under
// Training, rates it without seeing the reference, then sees the reference, the rationale and their
// agreement; the recruiter sees the member in the overview. Axe on every new page.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { demo, mainNav, signedIn } from './support';

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${label}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('a trainee rates a calibration exercise and sees their agreement', async ({ browser }) => {
  test.setTimeout(180_000);
  const answer = `Sample ${Date.now().toString(36)}: I would put a queue in front of the service, retry with backoff and make the handler idempotent.`;
  const rationale = 'Names the queue, retries and idempotency, but no failure mode beyond them.';

  // The recruiter attaches the sample to a question from the bank.
  const recruiter = await signedIn(browser, demo.recruiter.email);
  await recruiter.goto('/questions');
  await recruiter.getByRole('heading', { level: 3 }).first().getByRole('link').click();
  await expect(recruiter.getByRole('heading', { name: 'Rubric' })).toBeVisible();
  const title = (await recruiter.getByRole('heading', { level: 1 }).textContent())!.trim();
  const samples = recruiter.getByRole('region', { name: 'Calibration samples' });
  await samples.getByRole('button', { name: 'Add sample' }).click();
  await samples.getByLabel('Sample answer').fill(answer);
  await samples.getByRole('radio', { name: /^3 — Solid/ }).check();
  await samples.getByRole('button', { name: 'Add sample' }).click();
  // No rationale: the field is named, and the answer and the choice are still there.
  await expect(samples.getByText('Explain the reference rating')).toBeVisible();
  await expect(samples.getByLabel('Sample answer')).toHaveValue(answer);
  await expect(samples.getByRole('radio', { name: /^3 — Solid/ })).toBeChecked();
  await samples.getByLabel('Why this rating').fill(rationale);
  await samples.getByRole('button', { name: 'Add sample' }).click();
  await expect(samples.getByRole('status').filter({ hasText: 'Sample added.' })).toBeVisible();
  const added = samples.getByRole('listitem').filter({ hasText: answer });
  await expect(added).toBeVisible();
  await expect(added.getByText('Reference 3 — Solid')).toBeVisible();
  await expectAccessible(recruiter, 'question page with calibration samples');
  const sampleHeading = (await added.getByRole('heading', { level: 3 }).textContent())!.trim(); // "Sample N"

  // The interviewer finds it under Training, unrated.
  const trainee = await signedIn(browser, demo.interviewer.email);
  await mainNav(trainee).getByRole('link', { name: 'Training' }).click();
  await expect(trainee.getByRole('heading', { level: 1, name: 'Training' })).toBeVisible();
  await expect(trainee.getByText(/\d+ of \d+ rated/)).toBeVisible();
  await expectAccessible(trainee, '/training');
  const exercise = trainee.getByRole('list', { name: 'Exercises' }).getByRole('listitem').filter({ hasText: `${title} — ${sampleHeading.toLowerCase()}` });
  await expect(exercise.getByText('Not rated yet')).toBeVisible();
  await exercise.getByRole('link').click();

  // Blind: the answer and the anchors, no reference, no rationale, no peers.
  await expect(trainee.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(trainee.getByText(answer)).toBeVisible();
  await expect(trainee.getByText(rationale)).toHaveCount(0);
  await expect(trainee.getByText('Reference rating')).toHaveCount(0);
  await expectAccessible(trainee, 'exercise before rating');
  await trainee.getByRole('button', { name: 'Submit my rating' }).click();
  await expect(trainee.getByText('Choose the rating among the question’s anchors')).toBeVisible();
  await trainee.getByRole('radio', { name: /^2 — Weak/ }).check();
  await trainee.getByLabel('Note (optional)').fill('Missing the failure modes.');
  await trainee.getByRole('button', { name: 'Submit my rating' }).click();

  // After rating: the reference, its rationale and how far off the trainee was.
  const result = trainee.getByRole('region', { name: 'Your result' });
  await expect(result).toBeVisible();
  await expect(result.getByText('Reference rating')).toBeVisible();
  await expect(result.getByText('3 — Solid', { exact: true })).toBeVisible();
  await expect(result.getByText(rationale)).toBeVisible();
  await expect(result.getByText('One point from the reference.')).toBeVisible();
  await expectAccessible(trainee, 'exercise after rating');

  // Their agreement on /training: counts so far, and "not enough data" below five samples.
  await mainNav(trainee).getByRole('link', { name: 'Training' }).click();
  await expect(trainee.getByRole('heading', { level: 1, name: 'Training' })).toBeVisible();
  await expect(exercise.getByText('You rated 2 — Weak')).toBeVisible();
  await expect(trainee.getByText(/Not enough data: figures need 5 rated samples \(\d+ so far\)/).first()).toBeVisible();
  await expect(trainee.getByText(/So far \d+ of \d+ matched the reference exactly and \d+ were within one point\./)).toBeVisible();

  // The recruiter's overview lists the interviewer.
  await recruiter.goto('/training/members');
  await expect(recruiter.getByRole('heading', { level: 1, name: 'Members’ agreement' })).toBeVisible();
  await expect(recruiter.getByRole('row', { name: new RegExp(demo.interviewer.name) })).toBeVisible();
  await expectAccessible(recruiter, '/training/members');
});
