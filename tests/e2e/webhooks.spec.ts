// Webhooks as an admin uses them: a receiver on loopback (in this process, verifying signatures
// with standardwebhooks), an endpoint created on Settings → Webhooks with private targets allowed,
// an interview scheduled, and the delivery seen in the endpoint's log — polled, never slept on.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { demo, localInput, signIn, uniqueEmail } from './support';

test('an admin adds a webhook, schedules an interview and sees the signed delivery in the log', async ({ page }) => {
  test.setTimeout(180_000);
  let secret = '';
  const verified: { type: string; data: Record<string, unknown> }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      try {
        verified.push(new Webhook(secret).verify(Buffer.concat(chunks).toString('utf8'), request.headers as Record<string, string>) as (typeof verified)[number]);
        response.writeHead(200).end('received');
      } catch {
        response.writeHead(401).end('bad signature');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/loopkit`;

  try {
    await signIn(page, demo.admin.email, demo.password);
    await page.goto('/settings/webhooks');
    await expect(page.getByRole('heading', { name: 'Add an endpoint' })).toBeVisible();
    // Loopback is refused until the organization allows private targets; the typed values stay.
    await page.getByLabel('Endpoint URL').fill(url);
    await page.getByLabel('Description').fill('E2E receiver');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(page.getByText(/private, loopback or link-local address/)).toBeVisible();
    await expect(page.getByLabel('Endpoint URL')).toHaveValue(url);
    const allow = page.getByRole('checkbox', { name: 'Allow private targets' });
    if (!(await allow.isChecked())) {
      await allow.check();
      await page.getByRole('button', { name: 'Save webhook settings' }).click();
      await expect(page.getByText('Webhook settings saved.')).toBeVisible();
    }
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(page.getByText(/Endpoint added/)).toBeVisible();
    secret = await page.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('link', { name: 'Open the endpoint and its delivery log' }).click();
    await expect(page.getByRole('heading', { name: 'Delivery log' })).toBeVisible();
    const endpointUrl = page.url();

    const candidate = `Wanda Webhook ${Date.now().toString(36)}`;
    await page.goto('/candidates');
    await page.getByLabel('Name').fill(candidate);
    await page.getByLabel('Email').fill(uniqueEmail('wanda'));
    await page.getByLabel('Apply to opening').selectOption({ label: 'Junior Backend Developer' });
    await page.getByRole('button', { name: 'Add candidate' }).click();
    await expect(page.getByRole('heading', { level: 1, name: candidate })).toBeVisible({ timeout: 30_000 });
    await page.getByText('Schedule an interview').click();
    await page.getByLabel('Date and time').fill(localInput(new Date(Date.now() + 3 * 86_400_000)));
    await page.getByRole('checkbox', { name: demo.interviewer.name }).check();
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await expect(page.getByText(/^Interview scheduled\./)).toBeVisible({ timeout: 30_000 });

    await expect.poll(() => verified.map((v) => v.type), { timeout: 60_000 }).toContain('interview.scheduled');
    await page.goto(endpointUrl);
    const delivery = page.getByRole('list', { name: 'Deliveries' }).getByRole('listitem').filter({ hasText: 'interview.scheduled' });
    await expect(async () => {
      await page.reload();
      await expect(delivery.getByText('succeeded')).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(delivery.getByRole('cell', { name: '200', exact: true })).toBeVisible();
    await expect(delivery.getByRole('cell', { name: 'received', exact: true })).toBeVisible();

    // Manual redelivery: the same event again, logged as a manual attempt.
    await delivery.getByRole('button', { name: 'Redeliver interview.scheduled' }).click();
    await expect(async () => {
      await page.reload();
      await expect(delivery.getByRole('cell', { name: '2 (manual)', exact: true })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    expect(verified.filter((v) => v.type === 'interview.scheduled').length).toBeGreaterThanOrEqual(2);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete endpoint' }).click();
    await expect(page).toHaveURL(/\/settings\/webhooks$/);
    await expect(page.getByRole('link', { name: url })).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
