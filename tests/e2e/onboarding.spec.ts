// Sign up → invite → the invitee accepts in a second browser, confirming their address from the
// mail (read in the admin's development outbox) → they see only what their role allows; role
// changes and removal take effect on their next request.
import { expect, test } from '@playwright/test';
import { linkFromOutbox, mainNav, uniqueEmail } from './support';

test('an admin signs up, invites an interviewer, and manages their access', async ({ page, browser }) => {
  const adminEmail = uniqueEmail('founder');
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Fiona Founder');
  await page.getByLabel('Work email').fill(adminEmail);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByLabel('Organization name').fill('Acme Hiring');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Fiona Founder' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Organization: Acme Hiring/ })).toBeVisible();

  // Invite an interviewer.
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Members' }).click();
  const inviteeEmail = uniqueEmail('ivan');
  await page.getByLabel('Email', { exact: true }).fill(inviteeEmail);
  await page.getByLabel('Role', { exact: true }).selectOption('interviewer');
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const link = await page.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{20,}$/);
  await expect(page.getByText(inviteeEmail, { exact: true })).toBeVisible();

  // The invitee accepts in a separate browser context (no shared cookies).
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { name: 'Join Acme Hiring' })).toBeVisible();
  await invitee.getByLabel('Your name').fill('Ivan Interviewer');
  await invitee.getByLabel('Choose a password').fill('another long password');
  await invitee.getByRole('button', { name: 'Create account and join' }).click();
  // Holding the link does not prove the mailbox (the admin saw it too): the address is confirmed first.
  await expect(invitee.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  await page.getByRole('link', { name: 'Outbox' }).click();
  const confirmLink = await linkFromOutbox(page, { to: inviteeEmail, subject: 'Confirm your e-mail address for Loopkit' });
  await invitee.goto(confirmLink);
  await invitee.getByRole('button', { name: 'Confirm my e-mail address' }).click();
  await expect(invitee.getByRole('heading', { name: 'Welcome, Ivan Interviewer' })).toBeVisible();

  // The interviewer sees the bank, kits and interviews — not settings, openings, candidates or the dashboard.
  const nav = mainNav(invitee);
  await expect(nav.getByRole('link', { name: 'Questions' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Kits' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Interviews' })).toBeVisible();
  for (const hidden of ['Settings', 'Openings', 'Candidates', 'Dashboard']) {
    await expect(nav.getByRole('link', { name: hidden })).toHaveCount(0);
  }
  // Typing the URL does not help: the server checks the role.
  await invitee.goto('/settings/members');
  await expect(invitee.getByRole('heading', { name: 'You don’t have access to the member list' })).toBeVisible();
  await invitee.goto('/openings');
  await expect(invitee.getByRole('heading', { name: 'You don’t have access to openings' })).toBeVisible();
  await invitee.goto('/questions');
  await expect(invitee.getByRole('heading', { name: 'Question bank' })).toBeVisible();
  await expect(invitee.getByRole('button', { name: 'Copy to our bank' })).toHaveCount(0);

  // The link worked once.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(link);
  await expect(strangerPage.getByRole('heading', { name: 'Invitation unavailable' })).toBeVisible();
  await stranger.close();

  // Promote: takes effect on the interviewer's next request.
  await page.goto('/settings/members');
  await page.getByLabel('Role for Ivan Interviewer').selectOption('hiring_manager');
  await page.getByRole('button', { name: 'Save role for Ivan Interviewer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Role updated.' })).toBeVisible();
  await invitee.goto('/');
  await expect(mainNav(invitee).getByRole('link', { name: 'Openings' })).toBeVisible();

  // Remove: the next request no longer has the organization.
  await page.getByRole('button', { name: 'Remove Ivan Interviewer' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove member' }).click();
  await expect(page.getByText(inviteeEmail, { exact: true })).toHaveCount(0);
  await invitee.goto('/questions');
  await expect(invitee.getByRole('heading', { name: 'You are not in an organization yet' })).toBeVisible();
  await inviteeContext.close();
});
