// Notifications as a team uses them: a recruiter schedules an interview with the existing form,
// both panelists find it behind the bell (with its unread count) and mark it read, and the outbox
// holds one invite with a calendar REQUEST for each of them. Axe scans the new pages.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { demo, signIn } from './support';

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${label}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

function inTwoDaysAt(hour: number) {
  const d = new Date(Date.now() + 2 * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00`;
}

const unreadCount = async (page: Page) => {
  const label = (await page.getByRole('link', { name: /^Notifications, / }).getAttribute('aria-label')) ?? '';
  return /none unread/.test(label) ? 0 : Number(/(\d+) unread/.exec(label)?.[1]);
};

async function asPanelist(browser: Browser, email: string, candidate: string, check: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, demo.password);
  expect(await unreadCount(page)).toBeGreaterThanOrEqual(1);
  await page.getByRole('link', { name: /^Notifications, \d+ unread/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Notifications' }).getByRole('link', { name: new RegExp(`You are on the panel: .* with ${candidate}`) })).toBeVisible();
  await check(page);
  await context.close();
}

test('a scheduled interview reaches both panelists in the app and by e-mail with a calendar invite', async ({ page, browser }) => {
  // Several sign-ins, a schedule and an outbox poll: on a busy two-core machine that exceeds a minute.
  test.setTimeout(180_000);
  const candidate = `Nadia Notify ${Date.now().toString(36)}`;
  await signIn(page, 'recruiter@demo.loopkit.dev', demo.password);
  await page.goto('/candidates');
  await page.getByLabel('Name').fill(candidate);
  await page.getByLabel('Email').fill(`nadia.${Date.now().toString(36)}@example.test`);
  await page.getByLabel('Apply to opening').selectOption({ label: 'Junior Backend Developer' });
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: candidate })).toBeVisible({ timeout: 30_000 });
  await page.getByText('Schedule an interview').click();
  await page.getByLabel('Date and time').fill(inTwoDaysAt(14));
  await page.getByRole('checkbox', { name: demo.interviewer.name }).check();
  await page.getByRole('checkbox', { name: 'Amara Okafor' }).check();
  await page.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(page.getByText('Interview scheduled. The panel sees it under My interviews.')).toBeVisible({ timeout: 30_000 });

  await asPanelist(browser, demo.interviewer.email, candidate, async (jonas) => {
    await expectAccessible(jonas, '/notifications');
    const before = await unreadCount(jonas);
    const item = jonas.getByRole('listitem').filter({ hasText: candidate });
    await item.getByRole('button', { name: /^Mark as read: / }).click();
    await expect(item.getByText('Read', { exact: true })).toBeVisible();
    await expect.poll(() => unreadCount(jonas)).toBe(before - 1);
    if (before > 1) await jonas.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(jonas.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();
    // The link leads to the interview.
    await item.getByRole('link').click();
    await expect(jonas).toHaveURL(/\/interviews\/[0-9a-f-]{36}$/);
  });
  await asPanelist(browser, 'amara@demo.loopkit.dev', candidate, async () => {});

  // The development outbox (no SMTP here) holds one invite per panelist, each with a REQUEST.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin.email, demo.password);
  await admin.goto('/settings/outbox');
  const invites = admin.getByRole('article').filter({ has: admin.getByRole('heading', { name: new RegExp(`^Interview invite: .* with ${candidate}`) }) });
  await expect(async () => {
    await admin.reload();
    await expect(invites).toHaveCount(2, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  for (const to of [demo.interviewer.email, 'amara@demo.loopkit.dev']) {
    const invite = invites.filter({ hasText: `To ${to}` });
    await expect(invite).toHaveCount(1);
    await expect(invite.getByText('Calendar invite (REQUEST)')).toBeVisible();
  }
  await adminContext.close();
});

test('notification settings: time zone and e-mail topics, kept after a save', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'liam@demo.loopkit.dev', demo.password);
  await page.goto('/settings/notifications');
  await expect(page.getByRole('heading', { name: 'Notifications and time zone' })).toBeVisible();
  await expectAccessible(page, '/settings/notifications');
  await page.getByLabel('Your time zone').selectOption('Europe/Berlin');
  await page.getByRole('checkbox', { name: 'Feedback reminders' }).uncheck();
  await page.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(page.getByText('Notification settings saved.')).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByLabel('Your time zone')).toHaveValue('Europe/Berlin');
  await expect(page.getByRole('checkbox', { name: 'Feedback reminders' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Interview invites' })).toBeChecked();

  await page.goto('/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
});
