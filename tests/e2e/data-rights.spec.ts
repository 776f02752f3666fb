// Candidates' data rights as an admin uses them: erase a demo candidate from their page (with the
// typed confirmation), then the opening's grid shows the pseudonym instead of the name while every
// other candidate's figures read exactly as before; the export page and the audit log follow.
import { expect, type Page, test } from '@playwright/test';
import { demo, signIn } from './support';

const OPENING = 'Backend Engineer — Node.js';
const ERASED = 'Rahul Mehta';

/** Each grid row's full text by the candidate it belongs to. */
async function gridRows(page: Page): Promise<Map<string, string>> {
  // Candidate rows are the ones with a "Select … to compare" box (group headings are rowheaders too).
  const rows = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('checkbox') });
  await expect(rows.first()).toBeVisible();
  const out = new Map<string, string>();
  for (const row of await rows.all()) {
    const name = (await row.getByRole('rowheader').getByRole('link').first().textContent())!.trim();
    out.set(name, (await row.textContent())!.replace(/\s+/g, ' ').trim());
  }
  return out;
}

test('an admin erases a candidate; the grid keeps everyone else’s figures', async ({ page }) => {
  await signIn(page, demo.admin.email, demo.password);
  await page.goto('/dashboard');
  await page.getByRole('link', { name: OPENING }).click();
  await expect(page).toHaveURL(/\/dashboard\/[0-9a-f-]{36}/);
  const gridUrl = page.url();
  const before = await gridRows(page);
  expect([...before.keys()]).toContain(ERASED);

  await page.goto(`/candidates?q=${encodeURIComponent(ERASED)}`);
  await page.getByRole('link', { name: ERASED }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: ERASED })).toBeVisible();
  const candidatePath = new URL(page.url()).pathname;
  await page.locator('summary', { hasText: 'Erase this candidate’s personal data' }).click();
  const confirmation = page.getByLabel(/^Type “erase” or “Erased candidate [0-9A-F]{4}” to confirm$/);
  const pseudonym = (await confirmation.evaluate((input) => document.querySelector(`label[for="${input.id}"]`)!.textContent!)).match(/Erased candidate [0-9A-F]{4}/)![0];
  await confirmation.fill('yes');
  await page.getByRole('button', { name: 'Erase personal data' }).click();
  await expect(page.getByText(`That does not match: type “erase” or “${pseudonym}”`)).toBeVisible();
  await expect(confirmation).toHaveValue('yes');
  await expect(page.getByRole('heading', { level: 1, name: ERASED })).toBeVisible(); // nothing changed

  await page.getByLabel(/^Type “erase” or/).fill('erase');
  await page.getByRole('button', { name: 'Erase personal data' }).click();
  // The page re-renders as the erased record: the pseudonym, the date, no contact details, no erase form.
  await expect(page.getByRole('heading', { level: 1, name: pseudonym })).toBeVisible();
  await expect(page.getByText(/^Personal data erased on /)).toBeVisible();
  await expect(page.getByText('rahul.mehta@example.com')).toHaveCount(0);
  await expect(page.locator('summary', { hasText: 'Erase this candidate’s personal data' })).toHaveCount(0);

  await page.goto(gridUrl);
  const after = await gridRows(page);
  expect([...after.keys()]).not.toContain(ERASED);
  await expect(page.getByText(ERASED)).toHaveCount(0);
  expect(after.get(pseudonym)).toBe(before.get(ERASED)!.replaceAll(ERASED, pseudonym)); // their figures stay too
  for (const [name, text] of before) if (name !== ERASED) expect(after.get(name), name).toBe(text);

  // The export page shows what is left; the audit log names the erasure, without the name.
  await page.goto(`${candidatePath}/data`);
  await expect(page.getByRole('heading', { level: 1, name: `Personal data held about ${pseudonym}` })).toBeVisible();
  const download = await page.request.get(`/api/v1${candidatePath}/data-export`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="candidate-[0-9a-f-]{36}-data\.json"$/);
  expect(download.headers()['cache-control']).toBe('no-store');
  const exported = await download.json();
  expect(exported.candidate.name).toBe(pseudonym);
  expect(exported.scorecards.length).toBeGreaterThan(0);
  expect(JSON.stringify(exported)).not.toContain('Rahul');
  await page.goto('/settings/audit?entityType=candidate');
  await expect(page.getByRole('cell', { name: 'Erased a candidate’s personal data' }).first()).toBeVisible();
  await expect(page.getByText(ERASED)).toHaveCount(0);
});

test('a refused retention period keeps what the admin typed in the organization form', async ({ page }) => {
  await signIn(page, demo.admin.email, demo.password);
  await page.goto('/settings');
  const name = page.getByLabel('Organization name');
  const retention = page.getByLabel('Keep rejected and withdrawn candidates for (months)');
  await name.fill('Northwind Labs (demo, renamed)');
  await retention.fill('500');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/at most 120|between 1 and 120|1–120 months/i).first()).toBeVisible();
  await expect(retention).toHaveValue('500');
  await expect(name).toHaveValue('Northwind Labs (demo, renamed)');
});
