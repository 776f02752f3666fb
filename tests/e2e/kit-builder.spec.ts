// Building a kit as a hiring manager would: from scratch with search, keyboard reordering and live
// coverage, then publishing and the interviewer guide; and accepting a suggested kit.
import { expect, type Page, test } from '@playwright/test';
import { demo, signIn } from './support';

async function newKit(page: Page, name: string, level: string, minutes: string) {
  await page.goto('/kits');
  await page.getByRole('link', { name: 'New kit' }).click();
  await page.getByLabel('Kit name').fill(name);
  await page.getByLabel('Role title').fill('Backend Engineer');
  await page.getByLabel('Level').selectOption(level);
  await page.getByLabel('Target minutes').fill(minutes);
  await page.getByRole('button', { name: 'Create and open the builder' }).click();
  await expect(page.getByRole('heading', { name: `Build: ${name}` })).toBeVisible();
}

async function weightSkill(page: Page, skill: string) {
  await page.getByLabel('Skill to weight').selectOption({ label: skill });
  await page.getByRole('button', { name: 'Add skill' }).click();
  await expect(page.getByLabel(skill, { exact: true })).toHaveValue('10');
}

test('build a kit from scratch, reorder with the keyboard, publish and open the guide', async ({ page }) => {
  await signIn(page, demo.manager.email, demo.password);
  await newKit(page, 'Platform API kit', 'mid', '30');
  await weightSkill(page, 'REST API design');
  await weightSkill(page, 'Git');
  const coverage = page.getByRole('region', { name: 'Coverage' });
  await expect(coverage.getByText('0% of the weight is assessed · 0 of 30 min')).toBeVisible();
  await expect(page.getByText('No question assesses Git (weight 10).')).toBeVisible();

  const panel = page.getByRole('region', { name: 'Add questions' });
  await panel.getByLabel('Search the bank').fill('retry');
  await panel.getByRole('button', { name: 'Add “Make payment creation safe to retry”' }).click();
  await panel.getByLabel('Search the bank').fill('bisect');
  await panel.getByRole('button', { name: /^Add “.*git bisect”$/ }).click();

  const plan = page.getByRole('list', { name: 'Questions in Questions' });
  await expect(plan.getByRole('listitem')).toHaveCount(2);
  await expect(coverage.getByText(/100% of the weight is assessed/)).toBeVisible();
  await expect(page.getByText('No question assesses Git (weight 10).')).toHaveCount(0);

  // Reorder with the keyboard: lift the first question, move it down, drop it.
  const firstHandle = page.getByRole('button', { name: /position 1 of 2/ });
  const firstTitle = (await firstHandle.getAttribute('aria-label'))!.match(/“(.+)”/)![1]!;
  await firstHandle.focus();
  await page.keyboard.press('Space');
  await expect(firstHandle).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText(`“${firstTitle}” is over position 2 of 2.`)).toBeAttached();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: `Reorder “${firstTitle}”, position 2 of 2` })).toBeVisible();

  // Time feedback updates when minutes change.
  await page.getByLabel(`Minutes for “${firstTitle}”`).fill('25');
  await expect(page.getByText(/min over the 30-minute target/)).toBeVisible();
  await page.getByLabel(`Minutes for “${firstTitle}”`).fill('10');

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(page.getByText('Published version 1.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: firstTitle })).toBeVisible();

  await page.getByRole('link', { name: 'Interviewer guide' }).click();
  await expect(page.getByRole('heading', { name: 'Time plan' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^2\\. ${firstTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })).toBeVisible();
  await expect(page.getByText('Rubric').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
});

test('accept a suggested kit, swap a question, and publish', async ({ page }) => {
  await signIn(page, demo.manager.email, demo.password);
  await newKit(page, 'Suggested security kit', 'senior', '60');
  await weightSkill(page, 'API security');
  await weightSkill(page, 'Scaling applications');
  await page.getByRole('button', { name: 'Suggest a kit' }).click();
  const plan = page.getByRole('list', { name: 'Questions in Suggested plan' });
  await expect(plan.getByRole('listitem').first()).toBeVisible();
  await expect(plan.getByText(/^Added because it covers/).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Coverage' }).getByText(/100% of the weight is assessed/)).toBeVisible();

  const count = await plan.getByRole('listitem').count();
  const first = plan.getByRole('listitem').first();
  await first.getByRole('button', { name: /^Swap/ }).click();
  await expect(page.getByText(/Choose a question to swap in/)).toBeVisible();
  await page.getByRole('region', { name: 'Add questions' }).getByRole('button', { name: /^Swap in “/ }).first().click();
  await expect(plan.getByRole('listitem')).toHaveCount(count);

  await page.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(page.getByText('Published version 1.')).toBeVisible();
});
