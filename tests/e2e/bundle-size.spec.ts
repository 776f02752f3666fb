// The first-load JavaScript budgets (scripts/perf-budgets.json): the live scorecard, the question
// bank and the dashboard grid, each loaded with an empty cache in Chromium, every script fetched
// until the network is quiet, gzipped. Fails when a page grows past its budget; the figures are
// attached to the report. `node scripts/bundle-size.mjs` prints the same table by hand.
import { expect, test } from '@playwright/test';
import { budgets, findBudgetedPages, kB, measureFirstLoadScripts } from '../../scripts/page-weight.cjs';

test('first-load JavaScript stays within each page’s budget', async ({ browser, baseURL }) => {
  const base = baseURL!;
  const pages = await findBudgetedPages(browser, base);
  const measured: Record<string, { gzip_kb: number; budget_kb: number; scripts: number }> = {};
  for (const target of pages) {
    const result = await measureFirstLoadScripts(browser, base, target.path, target.storageState);
    measured[target.name] = { gzip_kb: kB(result.gzipBytes), budget_kb: budgets.firstLoadJsGzipKb[target.name], scripts: result.scripts };
  }
  await test.info().attach('first-load-js.json', { body: JSON.stringify(measured, null, 2), contentType: 'application/json' });
  for (const [name, { gzip_kb, budget_kb }] of Object.entries(measured)) {
    expect.soft(gzip_kb, `${name}: ${gzip_kb} kB of JavaScript gzipped on first load, budget ${budget_kb} kB`).toBeLessThanOrEqual(budget_kb);
  }
});
