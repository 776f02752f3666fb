// Shadow panelists and kit qualification: a recruiter schedules an interview with a shadow and is
// warned — before submitting and on the candidate page after — that no interviewer on the panel is
// qualified for the kit (the qualified member sits as a shadow, which does not count); the admin
// marks the interviewer qualified on the kit page, and the warning is gone.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { localInput, signedIn, uniqueEmail } from './support';

const OPENING = 'Junior Backend Developer';
const KIT = 'Junior backend developer';
const TRAINEE = "Liam O'Connor"; // seeded as not yet qualified for any kit
const QUALIFIED = 'Amara Okafor'; // seeded as qualified for every kit
const WARNING = 'No interviewer on this panel is qualified for the stage’s kit';

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

test('a shadow does not count as the qualified member; marking the interviewer qualified clears the warning', async ({ browser }) => {
  test.setTimeout(180_000);
  const recruiter = await signedIn(browser, 'recruiter@demo.loopkit.dev');
  const name = `Shay Shadowed ${Date.now().toString(36)}`;
  await recruiter.goto('/candidates');
  await recruiter.getByLabel('Name').fill(name);
  await recruiter.getByLabel('Email').fill(uniqueEmail('shay'));
  await recruiter.getByLabel('Apply to opening').selectOption({ label: OPENING });
  await recruiter.getByRole('button', { name: 'Add candidate' }).click();
  await expect(recruiter.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });
  const candidatePage = recruiter.url();

  await recruiter.getByText('Schedule an interview').click();
  await recruiter.getByLabel('Date and time').fill(localInput(new Date(Date.now() + 3 * 86_400_000)));
  await recruiter.getByRole('checkbox', { name: TRAINEE }).check();
  // Liam alone, unqualified: warned before submitting.
  await expect(recruiter.getByRole('status').filter({ hasText: WARNING })).toBeVisible();
  await recruiter.getByRole('checkbox', { name: QUALIFIED }).check();
  // Amara qualified as an interviewer: no warning …
  await expect(recruiter.getByRole('status').filter({ hasText: WARNING })).toHaveCount(0);
  // … but as a shadow she does not count.
  await recruiter.getByLabel(`Role of ${QUALIFIED}`).selectOption({ label: 'Shadow' });
  await expect(recruiter.getByRole('status').filter({ hasText: WARNING })).toBeVisible();
  await expectAxeClean(recruiter);
  await recruiter.getByRole('button', { name: 'Schedule interview' }).click();
  // Warned, not refused.
  await expect(recruiter.getByText('Interview scheduled. The panel sees it under My interviews.')).toBeVisible({ timeout: 30_000 });
  await recruiter.goto(candidatePage);
  // The interview under the application (the timeline lists it too, without the warning).
  const interview = recruiter.getByRole('listitem').filter({ hasText: `${QUALIFIED} (shadow)` }).filter({ hasText: 'Reschedule or cancel' });
  await expect(interview).toBeVisible();
  await expect(interview.getByText(WARNING)).toBeVisible();

  // The admin marks Liam qualified for the kit.
  const admin = await signedIn(browser, 'admin@demo.loopkit.dev');
  await admin.goto('/kits');
  // The published kit the opening uses: other specs leave drafts copied from it under the same name.
  await admin.getByRole('listitem').filter({ hasText: 'Published v' }).getByRole('link', { name: KIT, exact: true }).first().click();
  await expect(admin.getByRole('heading', { level: 1, name: KIT })).toBeVisible();
  const qualified = admin.getByRole('list', { name: 'Qualified interviewers' });
  await expect(qualified.getByRole('button', { name: `Remove ${QUALIFIED}` })).toBeVisible();
  await expect(qualified.getByRole('button', { name: `Remove ${TRAINEE}` })).toHaveCount(0);
  await admin.getByLabel('Member').selectOption({ label: TRAINEE });
  await admin.getByRole('button', { name: 'Mark qualified' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Marked qualified for this kit.' })).toBeVisible();
  await expect(qualified.getByRole('button', { name: `Remove ${TRAINEE}` })).toBeVisible();
  await expectAxeClean(admin);

  await recruiter.reload();
  await expect(interview).toBeVisible();
  await expect(recruiter.getByText(WARNING)).toHaveCount(0);
});
