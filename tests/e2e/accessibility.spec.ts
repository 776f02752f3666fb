// An axe scan of every page this release builds: no serious or critical violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { demo, signIn } from './support';

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${label}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('public pages', async ({ page }) => {
  for (const [path, heading] of [
    ['/sign-in', 'Sign in to Loopkit'],
    ['/sign-up', 'Create your Loopkit account'],
    ['/invite/not-a-real-token-0123456789', 'Invitation unavailable'],
    ['/forgot-password', 'Reset your password'],
    ['/reset-password/not-a-real-token-0123456789', 'Link unavailable'],
    ['/verify-email/not-a-real-token-0123456789', 'Link unavailable'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await expectAccessible(page, path);
  }
});

test('signed-in pages', async ({ page }) => {
  // About thirty axe scans in one test: on a busy two-core machine that exceeds the default minute.
  test.setTimeout(120_000);
  await signIn(page, demo.admin.email, demo.password);
  const pages = [
    ['/', /^Welcome/],
    ['/questions', 'Question bank'],
    ['/kits', 'Interview kits'],
    ['/openings', 'Openings'],
    ['/candidates', 'Candidates'],
    ['/interviews', 'My interviews'],
    ['/dashboard', 'Dashboard'],
    ['/dashboard/questions', 'Question analytics'],
    ['/settings', 'Settings'],
    ['/settings/members', 'Settings'],
    ['/settings/roles', 'Settings'],
    ['/settings/outbox', 'Settings'],
    ['/organizations/new', 'Create another organization'],
    ['/questions/import', 'Import questions'],
    ['/kits/import', 'Import a kit file'],
    ['/questions/skills', 'Skills'],
    ['/openings/new', 'New opening'],
    ['/candidates/import', 'Import candidates'],
    ['/training', 'Training'],
    ['/training/members', 'Members’ agreement'],
  ] as const;
  for (const [path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page, path);
  }
  await page.goto('/questions');
  await page.getByRole('heading', { level: 3 }).first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Rubric' })).toBeVisible();
  await expectAccessible(page, 'question detail');
  await page.goto('/questions/new');
  await expect(page.getByRole('heading', { name: 'New question' })).toBeVisible();
  await expectAccessible(page, 'new question');

  // An opening and a candidate from the demo data.
  await page.goto('/openings');
  await page.getByRole('link', { name: 'Backend Engineer — Node.js' }).click();
  await expect(page.getByRole('heading', { name: 'Interview loop' })).toBeVisible();
  await expectAccessible(page, 'opening');
  await page.getByRole('link', { name: 'Edit opening' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit: Backend Engineer — Node.js' })).toBeVisible();
  await expectAccessible(page, 'edit opening');
  await page.getByRole('link', { name: '← Backend Engineer — Node.js' }).click();
  await page.getByRole('link', { name: 'David Okonkwo' }).click();
  await expect(page.getByRole('heading', { name: 'Feedback' })).toBeVisible();
  await expectAccessible(page, 'candidate');
  await page.getByText('Edit details').click();
  await page.getByText(/^Reschedule or cancel/).first().click();
  await expect(page.getByRole('button', { name: 'Cancel interview' })).toBeVisible();
  await expectAccessible(page, 'candidate with edit, reschedule and cancel forms open');

  // Kits: a template, its interviewer guide, the new-kit form and the builder.
  await page.goto('/kits');
  await page.getByRole('link', { name: 'Backend engineer — Node.js' }).first().click();
  await expect(page.getByRole('heading', { name: 'Skills and weights' })).toBeVisible();
  await expectAccessible(page, 'kit');
  await page.getByRole('link', { name: 'Interviewer guide' }).click();
  await expect(page.getByRole('heading', { name: 'Time plan' })).toBeVisible();
  await expectAccessible(page, 'interviewer guide');
  await page.goto('/kits/new');
  await page.getByLabel('Start from').selectOption({ label: 'Junior backend developer' });
  await expectAccessible(page, 'new kit');
  await page.getByRole('button', { name: 'Create and open the builder' }).click();
  await expect(page.getByRole('heading', { name: 'Coverage' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Add questions' }).getByRole('button', { name: /^Add “/ }).first()).toBeVisible();
  await expectAccessible(page, 'kit builder');

  // The account menu and the organization switcher, open.
  await page.getByRole('button', { name: /Account menu/ }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectAccessible(page, 'account menu');
});

test('small screens', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, demo.admin.email, demo.password);
  await page.goto('/settings/members');
  await expect(page.getByRole('heading', { name: 'Invite someone' })).toBeVisible();
  await expectAccessible(page, 'members on mobile');
});

test('live scorecard', async ({ page }) => {
  await signIn(page, demo.interviewer.email, demo.password);
  await page.goto('/interviews');
  await page.getByRole('listitem').filter({ hasText: 'Scheduled' }).getByRole('link').first().click();
  await expect(page.getByRole('region', { name: 'Skills' })).toBeVisible();
  await expectAccessible(page, 'live scorecard');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectAccessible(page, 'shortcut help');
});

// A test of its own: the signed-in list above is already close to the per-test timeout on a busy machine.
test('data rights pages', async ({ page }) => {
  await signIn(page, demo.admin.email, demo.password);
  for (const path of ['/settings/retention', '/settings/audit', '/settings/account']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expectAccessible(page, path);
  }
  await page.goto(`/candidates?q=${encodeURIComponent('David Okonkwo')}`);
  await page.getByRole('link', { name: 'David Okonkwo' }).first().click();
  await page.getByRole('link', { name: 'Personal data export' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personal data held about David Okonkwo' })).toBeVisible();
  await expectAccessible(page, 'personal data export');
});
