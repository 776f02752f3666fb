// Post-hire outcomes and predictive validity: a hiring manager records a hire's 90-day outcome on
// the debrief page (a refused save keeps the form), the validity page says "not enough data", and
// once the fixture has grown to ten hires with outcomes it shows a correlation with its interval.
// The hires themselves are built over the REST API with the members' own sessions (the embedded
// database belongs to the server process, so a spec cannot write to it directly): a new opening,
// ten candidates, an interview each, the interviewer's submitted scorecard, a "hire" decision.
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { demo, signedIn, uniqueEmail } from './support';

// Interview score a (every skill rated a, so the composite is a) and 90-day outcome y of each
// hire: r = 7.5/√(10.5 · 8.1) = 0.81 (the hand computation is in tests/unit/validity-statistics.test.ts).
const A = [1, 1, 2, 2, 2, 3, 3, 3, 4, 4];
const Y = [1, 2, 2, 3, 2, 3, 3, 4, 3, 4];

async function ok<T>(response: Promise<import('@playwright/test').APIResponse>): Promise<T> {
  const r = await response;
  if (!r.ok()) throw new Error(`${r.url()} → ${r.status()}: ${await r.text()}`);
  return (await r.json()) as T;
}

interface Fixture {
  openingId: string;
  title: string;
  applicationIds: string[];
}

async function buildHires(admin: APIRequestContext, interviewer: APIRequestContext): Promise<Fixture> {
  const { members } = await ok<{ members: { userId: string; email: string }[] }>(admin.get('/api/v1/members'));
  const userId = (email: string) => members.find((m) => m.email === email)!.userId;
  const { openings } = await ok<{ openings: { id: string; title: string }[] }>(admin.get('/api/v1/openings?limit=50'));
  const demoOpening = await ok<{ opening: { stages: { kitId: string }[] } }>(admin.get(`/api/v1/openings/${openings.find((o) => o.title === 'Junior Backend Developer')!.id}`));
  const title = `Validity check ${Date.now().toString(36)}`;
  const { opening } = await ok<{ opening: { id: string; stages: { id: string }[]; weights: { skillId: string }[] } }>(
    admin.post('/api/v1/openings', {
      data: { title, level: 'junior', hiringManagerUserId: userId(demo.manager.email), stages: [{ name: 'Technical', kitId: demoOpening.opening.stages[0]!.kitId, durationMinutes: 60 }] },
    }),
  );
  const applicationIds: string[] = [];
  for (const [i, a] of A.entries()) {
    const { candidate } = await ok<{ candidate: { id: string } }>(admin.post('/api/v1/candidates', { data: { name: `Validity Hire ${i + 1}`, email: uniqueEmail('hire'), openingId: opening.id } }));
    const { applications } = await ok<{ applications: { id: string; openingId: string }[] }>(admin.get(`/api/v1/applications?candidateId=${candidate.id}`));
    const applicationId = applications.find((x) => x.openingId === opening.id)!.id;
    const { interview } = await ok<{ interview: { id: string } }>(
      admin.post('/api/v1/interviews', {
        data: { applicationId, openingStageId: opening.stages[0]!.id, scheduledAt: new Date(Date.now() - 10 * 60_000).toISOString(), durationMinutes: 60, panelUserIds: [userId(demo.interviewer.email)] },
      }),
    );
    const { scorecard } = await ok<{ scorecard: { id: string; revision: number } }>(interviewer.post(`/api/v1/interviews/${interview.id}/scorecard`, { data: {} }));
    const saved = await ok<{ revision: number }>(
      interviewer.patch(`/api/v1/scorecards/${scorecard.id}`, {
        data: { baseRevision: scorecard.revision, ratings: Object.fromEntries(opening.weights.map((w) => [w.skillId, a])), recommendation: a >= 3 ? 'yes' : 'no', summary: 'E2E fixture.' },
      }),
    );
    await ok(interviewer.post(`/api/v1/scorecards/${scorecard.id}/submit`, { data: { baseRevision: saved.revision } }));
    await ok(admin.post(`/api/v1/applications/${applicationId}/decision`, { data: { outcome: 'hire', rationale: 'Fixture hire for the validity end-to-end test.' } }));
    applicationIds.push(applicationId);
  }
  return { openingId: opening.id, title, applicationIds };
}

/** The hiring manager's 90-day form on a hire's debrief page. */
async function recordNinetyDays(page: Page, applicationId: string, overall: number) {
  await page.goto(`/applications/${applicationId}/debrief`);
  const form = page.getByRole('form', { name: '90-day outcome' });
  await form.getByRole('group', { name: 'Overall performance' }).getByRole('radio', { name: new RegExp(`^${overall} ·`) }).check();
  await form.getByRole('group', { name: 'Still employed' }).getByRole('radio', { name: 'Yes' }).check();
  await form.getByRole('button', { name: 'Record 90-day outcome' }).click();
  await expect(form.getByRole('status').filter({ hasText: '90-day outcome recorded.' })).toBeVisible();
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
}

async function openingRow(page: Page, fixture: Fixture) {
  await page.goto(`/dashboard/validity?opening=${fixture.openingId}&checkpoint=90_days`);
  return page.getByRole('table', { name: /^Openings: composite score vs overall outcome/ }).getByRole('row', { name: new RegExp(fixture.title) });
}

test('a hiring manager records a 90-day outcome and sees validity move from "not enough data" to a correlation as the fixture grows', async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await signedIn(browser, demo.admin.email);
  const interviewer = await signedIn(browser, demo.interviewer.email);
  const fixture = await buildHires(admin.request, interviewer.request);
  const manager = await signedIn(browser, demo.manager.email);

  // The first outcome, by hand: a refused save names the field and keeps what was chosen.
  await manager.goto(`/applications/${fixture.applicationIds[0]}/debrief`);
  const panel = manager.getByRole('heading', { name: 'Post-hire outcomes' });
  await expect(panel).toBeVisible();
  const checkpoint = manager.getByRole('region', { name: /^90 days/ });
  await expect(checkpoint.getByText('upcoming')).toBeVisible();
  await expect(checkpoint.getByText(/^Due /)).toBeVisible();
  const form = manager.getByRole('form', { name: '90-day outcome' });
  await form.getByRole('group', { name: 'Still employed' }).getByRole('radio', { name: 'Yes' }).check();
  await form.getByRole('button', { name: 'Record 90-day outcome' }).click();
  await expect(form.getByText('Choose the overall rating from 1 to 4')).toBeVisible();
  await expect(form.getByRole('group', { name: 'Still employed' }).getByRole('radio', { name: 'Yes' })).toBeChecked();
  await form.getByRole('group', { name: 'Overall performance' }).getByRole('radio', { name: new RegExp(`^${Y[0]} ·`) }).check();
  await form.getByRole('button', { name: 'Record 90-day outcome' }).click();
  await expect(form.getByRole('status').filter({ hasText: '90-day outcome recorded.' })).toBeVisible();
  await expect(checkpoint.getByText('recorded', { exact: true })).toBeVisible();
  await expectAccessible(manager);

  // Linked from the dashboard; one hire with an outcome is not enough.
  await manager.goto('/dashboard');
  await manager.getByRole('link', { name: 'Predictive validity' }).click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Predictive validity' })).toBeVisible();
  await expect(manager.getByText(/Below 10 hires a figure is not shown/)).toBeVisible();
  let row = await openingRow(manager, fixture);
  await expect(row.getByText('not enough data')).toBeVisible();
  await expect(manager.getByText(/Range restriction:/)).toBeVisible();

  // The fixture grows to nine: still not enough.
  for (let i = 1; i < 9; i++) await recordNinetyDays(manager, fixture.applicationIds[i]!, Y[i]!);
  row = await openingRow(manager, fixture);
  await expect(row.getByRole('cell').first()).toHaveText('9');
  await expect(row.getByText('not enough data')).toBeVisible();

  // The tenth: a correlation with its interval and a reading, no names.
  await recordNinetyDays(manager, fixture.applicationIds[9]!, Y[9]!);
  row = await openingRow(manager, fixture);
  await expect(row.getByRole('cell').first()).toHaveText('10');
  await expect(row.getByRole('cell').nth(1)).toHaveText('0.81');
  await expect(row.getByRole('cell').nth(2)).toHaveText('0.38 to 0.95');
  await expect(row).toContainText('A strong relation');
  await expect(manager.getByText('Validity Hire 1')).toHaveCount(0);
  await expect(manager.getByRole('heading', { name: 'Suggested skill weights' })).toBeVisible();

  await expectAccessible(manager);

  // No 12-month outcome yet: the empty state, also accessible.
  await manager.goto(`/dashboard/validity?opening=${fixture.openingId}&checkpoint=12_months`);
  await expect(manager.getByRole('heading', { name: 'No 12-month outcomes yet' })).toBeVisible();
  await expectAccessible(manager);

  // An interviewer has no dashboard:read: the page refuses.
  await interviewer.goto('/dashboard/validity');
  await expect(interviewer.getByRole('heading', { name: 'You don’t have access to the predictive-validity report' })).toBeVisible();
});
