// Single sign-on end to end: a real OpenID provider (oidc-provider) runs in this test process on
// a loopback port; the demo admin configures it in Settings → Single sign-on, then a new person
// at the organization's domain signs in through it in Chromium and lands in Loopkit as a member.
import { expect, test } from '@playwright/test';
import { startOidcProvider, type TestProvider } from '../fixtures/oidc-provider';
import { demo, signIn } from './support';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const REDIRECT_URI = `http://127.0.0.1:${PORT}/api/auth/sso/callback`;
const CLIENT = { clientId: 'loopkit-e2e', clientSecret: `e2e-secret-${Math.random().toString(36).slice(2)}` };
const DOMAIN = `sso-${Date.now().toString(36)}.test`;
let idp: TestProvider;

test.beforeAll(async () => {
  idp = await startOidcProvider({ redirectUris: [REDIRECT_URI], clients: [CLIENT] });
});
test.afterAll(async () => {
  await idp?.close();
});

test('an admin configures OIDC and a new person signs in through the provider', async ({ page, browser }) => {
  await signIn(page, demo.admin.email, demo.password);
  await page.goto('/settings');
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Single sign-on' }).click();
  await expect(page.getByText(REDIRECT_URI)).toBeVisible();

  const form = page.getByRole('form', { name: 'Single sign-on settings' });
  await form.getByLabel('Issuer URL').fill(idp.issuer);
  await form.getByLabel('Client ID').fill(CLIENT.clientId);
  await form.getByLabel('Client secret').fill(CLIENT.clientSecret);
  await form.getByLabel('E-mail domains').fill(DOMAIN);
  await form.getByLabel('New people').selectOption({ label: 'Add them as Interviewer' });
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toContainText(idp.issuer);
  await form.getByRole('button', { name: 'Save single sign-on settings' }).click();
  await expect(page.getByText('Single sign-on settings saved.')).toBeVisible();

  // The secret never comes back to the browser: the page only says one is set.
  await page.reload();
  await expect(form.getByLabel('Client secret')).toHaveValue('');
  await expect(form.getByLabel('Client secret')).toHaveAttribute('placeholder', /^Set/);
  expect(await page.content()).not.toContain(CLIENT.clientSecret);

  // A new person at the organization's domain, in a browser of their own.
  const email = `nora@${DOMAIN}`;
  idp.people.set(email, { email, email_verified: true, name: 'Nora Newhire' });
  const context = await browser.newContext();
  const person = await context.newPage();
  await person.goto('/sign-in');
  await person.getByText('Continue with single sign-on').click();
  const sso = person.getByRole('form', { name: 'Single sign-on' });
  await sso.getByLabel('Work e-mail').fill(email);
  await sso.getByRole('button', { name: 'Continue' }).click();
  // The provider's own sign-in page (oidc-provider's development interaction).
  await expect(person).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await person.getByPlaceholder('Enter any login').fill(email);
  await person.getByPlaceholder('and password').fill('anything');
  await person.getByRole('button', { name: 'Sign-in' }).click();
  await expect(person.getByRole('heading', { name: /^Welcome/ })).toBeVisible();
  await expect(person).toHaveURL(new RegExp(`^http://127.0.0.1:${PORT}/`));
  await context.close();

  // The admin sees the new member (provisioned with the default role, checked in the integration tests).
  await page.goto('/settings/members');
  await expect(page.getByRole('listitem').filter({ hasText: email })).toContainText('Nora Newhire');
});

test('a domain without single sign-on gets a clear answer and keeps what was typed', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByText('Continue with single sign-on').click();
  const sso = page.getByRole('form', { name: 'Single sign-on' });
  await sso.getByLabel('Work e-mail').fill('someone@no-sso.example');
  await sso.getByRole('button', { name: 'Continue' }).click();
  await expect(sso.getByText(/Single sign-on is not set up for this e-mail domain/)).toBeVisible();
  await expect(sso.getByLabel('Work e-mail')).toHaveValue('someone@no-sso.example');
});
