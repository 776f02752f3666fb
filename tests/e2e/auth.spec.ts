import { expect, test } from '@playwright/test';
import { demo, holdHydration, signIn, uniqueEmail } from './support';

test('anonymous visitors are sent to sign-in and come back where they were going', async ({ page }) => {
  await page.goto('/kits');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fkits/);
  await page.getByLabel('Email').fill(demo.admin.email);
  await page.getByLabel('Password').fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Interview kits' })).toBeVisible();
});

test('a wrong password and an unknown email get the same message; bad input names the field', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(demo.admin.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(demo.admin.email); // what was typed stays

  await page.getByLabel('Email').fill(uniqueEmail('nobody'));
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect' })).toBeVisible();

  await page.goto('/sign-up');
  await page.getByLabel('Work email').fill('not-an-email');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters')).toBeVisible();
  await expect(page.getByLabel('Work email')).toHaveAttribute('aria-invalid', 'true');
});

// On a slow device the sign-in form shows before React is live. An e-mail typed then sat outside
// React's state: it was sent, but the refused attempt's re-render emptied the box.
test('an e-mail typed while the sign-in page is still loading stays after a refused attempt', async ({ page }) => {
  const hydrate = await holdHydration(page, 'input[name="email"]');
  await page.goto('/sign-in', { waitUntil: 'commit' });
  await page.getByLabel('Email').fill(demo.admin.email);
  await hydrate();
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(demo.admin.email);
});

test('sign out, and sign out everywhere ends sessions in other browsers', async ({ page, browser }) => {
  await signIn(page, demo.manager.email, demo.password);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, demo.manager.email, demo.password);

  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out everywhere' }).click();
  await expect(page.getByText('You have been signed out on every device.')).toBeVisible();

  // The API refuses the other browser's old token too (the fast token path checks the session version).
  expect((await other.request.get('/api/v1/me')).status()).toBe(401);
  await other.goto('/questions');
  await expect(other).toHaveURL(/\/sign-in/);
  await otherContext.close();

  await signIn(page, demo.manager.email, demo.password);
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Loopkit' })).toBeVisible();
});

test('a member of several organizations switches between them', async ({ page }) => {
  await signIn(page, demo.admin.email, demo.password);
  await page.goto('/organizations/new');
  await page.getByLabel('Organization name').fill('Second Team');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByRole('button', { name: /Organization: Second Team/ })).toBeVisible();
  await page.getByRole('button', { name: /Organization: Second Team/ }).click();
  await page.getByRole('menuitem', { name: /Northwind Labs/ }).click();
  await expect(page.getByRole('button', { name: /Organization: Northwind Labs/ })).toBeVisible();
});
