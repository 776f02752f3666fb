// Forgot password → the reset mail, read in the development outbox → a new password → every
// session ended; the old password is refused and the new one signs in.
import { expect, test } from '@playwright/test';
import { linkFromOutbox, uniqueEmail } from './support';

test('a user resets a forgotten password from the e-mailed link', async ({ page, browser }) => {
  // Someone with their own organization, signed in here (they will read their outbox as its admin).
  const email = uniqueEmail('rosa');
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Rosa Reset');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill('the original password');
  await page.getByLabel('Organization name').fill('Reset Co');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Rosa Reset' })).toBeVisible();

  // In another browser: forgot password. A bad address keeps what was typed.
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto('/sign-in');
  await other.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(other.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await other.getByLabel('Email').fill('rosa-at-nowhere');
  await other.getByRole('button', { name: 'Send reset link' }).click();
  await expect(other.getByText('Enter a valid email address')).toBeVisible();
  await expect(other.getByLabel('Email')).toHaveValue('rosa-at-nowhere');
  await other.getByLabel('Email').fill(email);
  await other.getByRole('button', { name: 'Send reset link' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'If an account exists for that address' })).toBeVisible();

  const resetLink = await linkFromOutbox(page, { to: email, subject: 'Reset your Loopkit password' });
  expect(resetLink).toMatch(/\/reset-password\/[\w-]{43}$/);

  await other.goto(resetLink);
  await expect(other.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await other.getByLabel('New password').fill('short');
  await other.getByRole('button', { name: 'Set new password' }).click();
  await expect(other.getByText('Use at least 10 characters')).toBeVisible();
  await expect(other.getByLabel('New password')).toHaveValue('short');
  await other.getByLabel('New password').fill('a completely new password');
  await other.getByRole('button', { name: 'Set new password' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Your password was changed' })).toBeVisible();

  // The link is used up.
  await other.goto(resetLink);
  await expect(other.getByRole('heading', { name: 'Link unavailable' })).toBeVisible();
  await expect(other.getByText('This link has already been used.')).toBeVisible();

  // Every session ended: the first browser is signed out.
  await page.goto('/questions');
  await expect(page.getByRole('heading', { name: 'Sign in to Loopkit' })).toBeVisible();

  // The old password is refused; the new one works.
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('the original password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a completely new password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Rosa Reset' })).toBeVisible();
  await context.close();
});
