import { type Browser, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '../../db/seed/demo';

export const demo = {
  password: DEMO_PASSWORD,
  admin: DEMO_USERS.find((u) => u.role === 'admin')!,
  recruiter: DEMO_USERS.find((u) => u.role === 'recruiter')!,
  interviewer: DEMO_USERS.find((u) => u.key === 'interviewer')!,
  manager: DEMO_USERS.find((u) => u.role === 'hiring_manager')!,
};

export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;
}

/**
 * Holds the page's scripts back, so what the test types lands in the server's HTML before React
 * is live — as on a slow phone. Returns a function that lets the scripts load and waits until
 * React has hydrated the element `selector` names.
 */
export async function holdHydration(page: Page, selector: string): Promise<() => Promise<void>> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/**/*.js', async (route) => {
    await held;
    await route.continue();
  });
  return async () => {
    release();
    await waitForHydration(page, selector);
    await page.unroute('**/_next/static/**/*.js');
  };
}

/** Waits until React has hydrated the element `selector` names (React marks the nodes it owns). */
async function waitForHydration(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((css) => {
    const node = document.querySelector(css);
    return node !== null && Object.keys(node).some((key) => key.startsWith('__reactProps'));
  }, selector);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible();
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

/**
 * Without SMTP the app keeps mail in the development outbox; an admin reads it under Settings →
 * Outbox. The 'mail.send' job delivers within a poll or two, so the page is reloaded until the
 * mail is there. Returns the mail's link.
 */
export async function linkFromOutbox(adminPage: Page, { to, subject }: { to: string; subject: string }): Promise<string> {
  await adminPage.goto('/settings/outbox');
  const mail = adminPage.getByRole('article').filter({ hasText: `To ${to}` }).filter({ has: adminPage.getByRole('heading', { name: subject }) });
  await expect(async () => {
    await adminPage.reload();
    await expect(mail.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const href = await mail.first().getByRole('link').first().getAttribute('href');
  if (!href) throw new Error(`the mail "${subject}" to ${to} has no link`);
  return href;
}

/** Rates every question 3 by keyboard, "no evidence" for skills no question covered, recommends, submits. */
export async function fillAndSubmitScorecard(page: Page, recommendation: 'Yes' | 'No') {
  const questions = await page.getByRole('navigation', { name: 'Questions' }).getByRole('listitem').count();
  for (let i = 0; i < questions; i++) {
    // The shortcut works once the page has hydrated; until then a key press does nothing, so retry.
    await expect(async () => {
      await page.keyboard.press('3');
      await expect(page.getByRole('radio', { name: /^3 — Solid/ })).toBeChecked({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    if (i < questions - 1) await page.keyboard.press('j');
  }
  const unrated = page
    .getByRole('region', { name: 'Skills' })
    .getByRole('group')
    .filter({ has: page.getByRole('radio', { name: 'No evidence' }) })
    .filter({ hasNot: page.locator('input:checked') });
  while ((await unrated.count()) > 0) await unrated.first().getByRole('radio', { name: 'No evidence' }).check({ force: true });
  await page.getByRole('radio', { name: recommendation, exact: true }).check({ force: true });
  await page.getByLabel('Summary').fill(`Debrief fixture: ${recommendation.toLowerCase()}.`);
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  await expect(page.getByText(/^Submitted\./)).toBeVisible();
}

/** A datetime-local value in the browser's zone (the test and the browser share it). */
export function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A page in a browser context of its own, signed in as `email` with the demo password. */
export async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, demo.password);
  return page;
}
