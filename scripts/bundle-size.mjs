// First-load JavaScript of the budgeted pages, measured in Chromium against a running, built app
// (see scripts/page-weight.cjs for what counts). Prints a table and one JSON line; exits 1 when a
// page is over its budget in scripts/perf-budgets.json.
//   node scripts/bundle-size.mjs [--base-url http://127.0.0.1:3000] [--files]
// The app must run with the demo data (SEED_DEMO=true); DEMO_PASSWORD if it is not the published one.
import pageWeight from './page-weight.cjs';

const { budgets, findBudgetedPages, kB, measureFirstLoadScripts } = pageWeight;
const args = process.argv.slice(2);
const baseUrl = args.includes('--base-url') ? args[args.indexOf('--base-url') + 1] : (process.env.BASE_URL ?? 'http://127.0.0.1:3000');
const { browser } = await pageWeight.launchChromium();
try {
  const pages = await findBudgetedPages(browser, baseUrl);

  const rows = [];
  for (const target of pages) {
    const measured = await measureFirstLoadScripts(browser, baseUrl, target.path, target.storageState);
    const budget = budgets.firstLoadJsGzipKb[target.name];
    rows.push({ page: target.name, path: target.path, scripts: measured.scripts, gzip_kb: kB(measured.gzipBytes), raw_kb: kB(measured.rawBytes), transferred_kb: kB(measured.transferredBytes), budget_kb: budget, ok: kB(measured.gzipBytes) <= budget });
    if (args.includes('--files')) {
      for (const f of measured.files.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${String(kB(f.gzip)).padStart(7)} kB  ${f.url.replace(baseUrl, '')}`);
    }
  }
  console.log(['page'.padEnd(16), 'scripts', 'gzip kB', 'raw kB', 'budget kB', ''].join('  '));
  for (const r of rows) console.log([r.page.padEnd(16), String(r.scripts).padStart(7), String(r.gzip_kb).padStart(7), String(r.raw_kb).padStart(6), String(r.budget_kb).padStart(9), r.ok ? 'ok' : 'OVER BUDGET'].join('  '));
  console.log(JSON.stringify({ bench: 'bundle-size', pages: Object.fromEntries(rows.map((r) => [r.page, { gzip_kb: r.gzip_kb, raw_kb: r.raw_kb, scripts: r.scripts, budget_kb: r.budget_kb }])), ok: rows.every((r) => r.ok) }));
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
} finally {
  await browser.close();
}
