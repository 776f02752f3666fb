// Building a kit as a hiring manager would: from scratch with search, keyboard reordering and live
// coverage, then publishing and the interviewer guide; accepting a suggested kit; and the builder
// never losing work (autosave, a guard on leaving, no conflict with oneself after publishing).
import { type Dialog, expect, type Page, test } from '@playwright/test';
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
  // An empty plan's own section receives the suggestion.
  const plan = page.getByRole('list', { name: 'Questions in Questions' });
  await expect(plan.getByRole('listitem').first()).toBeVisible();
  await expect(plan.getByText(/^Added for /).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Coverage' }).getByText(/100% of the weight is assessed/)).toBeVisible();

  const count = await plan.getByRole('listitem').count();
  const first = plan.getByRole('listitem').first();
  await first.getByRole('button', { name: /^Swap/ }).click();
  await expect(page.getByText(/Choose a question to swap in/)).toBeVisible();
  // Swap mode names the skill it filters on, and the filter can be cleared.
  const panel = page.getByRole('region', { name: 'Add questions' });
  await expect(panel.getByText(/^Skill: .+ \(swapped question’s skill\)/)).toBeVisible();
  await panel.getByRole('button', { name: 'Show all skills' }).click();
  await expect(panel.getByRole('checkbox', { name: 'Kit’s skills only' })).toBeVisible();
  await panel.getByRole('button', { name: /^Swap in “/ }).first().click();
  await expect(plan.getByRole('listitem')).toHaveCount(count);

  await page.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(page.getByText('Published version 1.')).toBeVisible();
});

const kitName = (prefix: string) => `${prefix} ${Date.now().toString(36)}`;

test('leaving the builder with unsaved edits asks first; an autosaved draft survives a reload', async ({ page }) => {
  await signIn(page, demo.manager.email, demo.password);
  const name = kitName('Guarded kit');
  await newKit(page, name, 'mid', '30');

  // A name too short to save keeps the edit unsaved: leaving by an in-app link asks first.
  await page.getByLabel('Kit name').fill('K');
  await expect(page.getByText('Use at least 3 characters')).toBeVisible();
  const asked: string[] = [];
  const stay = (dialog: Dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  };
  page.on('dialog', stay);
  await page.getByRole('link', { name: 'Back to kit' }).click();
  await expect.poll(() => asked).toEqual([expect.stringContaining('not saved yet')]);
  page.off('dialog', stay);
  // Dismissed: still in the builder, the edit still there.
  await expect(page).toHaveURL(/\/kits\/[0-9a-f-]+\/edit$/);
  await expect(page.getByRole('heading', { name: `Build: ${name}` })).toBeVisible();
  await expect(page.getByLabel('Kit name')).toHaveValue('K');

  // Edits save themselves after a pause, with no click on Save, and are there after a reload.
  await page.getByLabel('Kit name').fill(`${name} v2`);
  await page.getByLabel('Target minutes').fill('45');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Kit name')).toHaveValue(`${name} v2`);
  await expect(page.getByLabel('Target minutes')).toHaveValue('45');

  // Saved, so leaving does not ask.
  page.on('dialog', (d) => {
    throw new Error(`Unexpected dialog: ${d.message()}`);
  });
  await page.getByRole('link', { name: 'Back to kit' }).click();
  await expect(page).toHaveURL(/\/kits\/[0-9a-f-]+$/);
});

test('a refused publish then a save never reports a conflict with oneself', async ({ page }) => {
  await signIn(page, demo.manager.email, demo.password);
  await newKit(page, kitName('Publish twice kit'), 'mid', '30');
  const panel = page.getByRole('region', { name: 'Add questions' });
  await panel.getByRole('checkbox', { name: 'Kit’s skills only' }).uncheck();
  await panel.getByLabel('Search the bank').fill('bisect');
  await panel.getByRole('button', { name: /^Add “.*git bisect”$/ }).click();

  // No weighted skill yet: publishing is refused with the reason beside the weights.
  await page.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(page.getByText('Weight at least one skill before publishing')).toBeVisible();
  await page.getByLabel('Target minutes').fill('40');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expect(page.getByText(/Someone else saved|changed since you loaded/)).toHaveCount(0);

  await weightSkill(page, 'Git');
  await page.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(page.getByText('Published version 1.')).toBeVisible();
});

test('a suggestion for a weighted kit gives each skill time in proportion to its weight (±10 points)', async ({ page }) => {
  await signIn(page, demo.manager.email, demo.password);
  await newKit(page, kitName('Weighted kit'), 'senior', '90');
  const weights: Record<string, number> = { 'SQL databases': 20, 'Query optimization': 30, 'API security': 50 };
  for (const [skill, weight] of Object.entries(weights)) {
    await weightSkill(page, skill);
    await page.getByLabel(skill, { exact: true }).fill(String(weight));
  }
  await page.getByRole('button', { name: 'Suggest a kit' }).click();
  const plan = page.getByRole('list', { name: 'Questions in Questions' });
  await expect(plan.getByText(/^Added for /).first()).toBeVisible();

  const minutesBySkill = new Map<string, number>();
  const items = plan.getByRole('listitem');
  const count = await items.count();
  for (let i = 0; i < count; i++) {
    const skill = (await items.nth(i).getByText(/^Primary skill: \S/).textContent())!.replace('Primary skill:', '').trim();
    const minutes = Number(await items.nth(i).getByRole('spinbutton').inputValue());
    minutesBySkill.set(skill, (minutesBySkill.get(skill) ?? 0) + minutes);
  }
  const total = [...minutesBySkill.values()].reduce((a, b) => a + b, 0);
  expect(total).toBeLessThanOrEqual(90);
  expect([...minutesBySkill.keys()].every((skill) => skill in weights)).toBe(true);
  for (const [skill, weight] of Object.entries(weights)) {
    expect(Math.abs((minutesBySkill.get(skill) ?? 0) / total - weight / 100), skill).toBeLessThanOrEqual(0.1);
  }

  // With a plan in place the choice is explicit and in the page: "more" keeps what is there.
  const firstTitle = await items.first().getByRole('spinbutton').getAttribute('id');
  await expect(page.getByRole('button', { name: 'Replace the plan with a suggestion' })).toBeVisible();
  // Remove the last question, so there is time to fill; "more" fills it and keeps the rest.
  await items.last().getByRole('button', { name: /^Remove/ }).click();
  await expect(items).toHaveCount(count - 1);
  await page.getByRole('button', { name: 'Suggest more questions' }).click();
  await expect.poll(() => items.count()).toBeGreaterThanOrEqual(count);
  expect(await items.first().getByRole('spinbutton').getAttribute('id')).toBe(firstTitle);
});

test('a real conflict with another editor offers load theirs or keep mine, told by its code', async ({ page, context }) => {
  await signIn(page, demo.manager.email, demo.password);
  const name = kitName('Shared kit');
  await newKit(page, name, 'mid', '30');
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByLabel('Target minutes').fill('50');
  await expect(other.getByText('All changes saved')).toBeVisible();

  // This page still holds the older revision: its autosave is refused, nothing is overwritten.
  await page.getByLabel('Target minutes').fill('40');
  const notice = page.getByRole('alert').filter({ hasText: 'Someone else saved this kit' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await other.reload();
  await expect(other.getByLabel('Target minutes')).toHaveValue('40');
  await other.close();
});
