// Finding 2, end to end: a session cookie copied before sign-out is dead after it, for pages and
// for the API; and the sessions page ends another browser's session.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

test('a cookie copied before signing out no longer works after it', async ({ page, browser }) => {
  await signIn(page, demo.interviewer.email, demo.password);
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.endsWith('authjs.session-token'))).toBe(true);

  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Loopkit' })).toBeVisible();

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto('/interviews');
  await expect(stolen).toHaveURL(/\/sign-in/);
  await expect(stolen.getByRole('heading', { name: 'Sign in to Loopkit' })).toBeVisible();
  expect((await stolen.request.get('/api/v1/me')).status()).toBe(401);
  await thief.close();
});

test('signing out through Auth.js’s own endpoint ends the session too', async ({ page, browser }) => {
  await signIn(page, demo.interviewer.email, demo.password);
  const copied = await page.context().cookies();
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const signedOut = await page.request.post('/api/auth/signout', { form: { csrfToken }, maxRedirects: 0 });
  expect(signedOut.status()).toBeLessThan(400);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  expect((await stolen.request.get('/api/v1/me')).status()).toBe(401);
  await stolen.goto('/interviews');
  await expect(stolen).toHaveURL(/\/sign-in/);
  await thief.close();
});

test('the sessions page marks this session and ends another one', async ({ page, browser }) => {
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, demo.manager.email, demo.password);
  expect((await other.request.get('/api/v1/me')).status()).toBe(200);

  await signIn(page, demo.manager.email, demo.password);
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sessions and password' }).click();
  await expect(page.getByRole('heading', { name: /Active sessions/ })).toBeVisible();
  const sessions = page.getByRole('list', { name: 'Active sessions' }).getByRole('listitem');
  await expect(sessions.filter({ hasText: 'This session' })).toHaveCount(1);
  const others = sessions.filter({ hasNotText: 'This session' });
  expect(await others.count()).toBeGreaterThanOrEqual(1);

  // End every other session one by one with the keyboard, as the list offers.
  while ((await others.count()) > 0) {
    const before = await others.count();
    const end = others.first().getByRole('button', { name: /^End session/ });
    await end.focus();
    await page.keyboard.press('Enter');
    await expect(others).toHaveCount(before - 1);
  }
  await expect(page.getByText('No other sessions')).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  expect((await other.request.get('/api/v1/me')).status()).toBe(401);
  await other.goto('/questions');
  await expect(other).toHaveURL(/\/sign-in/);
  await otherContext.close();
  // This session still works.
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);
});
