// Lighthouse performance (desktop profile) of the budgeted pages — the live scorecard, the question
// bank, the dashboard grid — against a running, built app with the demo data. Signs in as the demo
// interviewer and hiring manager in Chromium, hands each page's session cookie to Lighthouse, prints a table and one JSON line;
// exits 1 when a page's median score is below scripts/perf-budgets.json's minimum.
//   node scripts/lighthouse.mjs [--base-url http://127.0.0.1:3000] [--runs 3]
// Lighthouse is fetched by npx at the pinned version (12.2.3: the last that supports Node 20), not
// installed as a devDependency; see README "Performance budgets".
import { spawnSync } from 'node:child_process';
import pageWeight from './page-weight.cjs';

const LIGHTHOUSE = 'lighthouse@12.2.3';

const { budgets, findBudgetedPages } = pageWeight;
const args = process.argv.slice(2);
const option = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const baseUrl = option('--base-url', process.env.BASE_URL ?? 'http://127.0.0.1:3000');
const runs = Number(option('--runs', '1'));
const { browser, executablePath } = await pageWeight.launchChromium();
let pages;
try {
  pages = await findBudgetedPages(browser, baseUrl);
} finally {
  await browser.close();
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
for (const target of pages) {
  const scores = [];
  const metrics = [];
  for (let run = 0; run < runs; run++) {
    const result = spawnSync(
      'npx',
      ['-y', LIGHTHOUSE, new URL(target.path, baseUrl).href, '--preset=desktop', '--only-categories=performance', '--output=json', '--output-path=stdout', '--quiet', `--chrome-flags=${['--headless', ...pageWeight.CHROMIUM_ARGS].join(' ')}`, `--extra-headers=${JSON.stringify({ Cookie: target.cookie })}`],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? executablePath } },
    );
    if (result.status !== 0) throw new Error(`lighthouse failed on ${target.path}:\n${result.stderr}`);
    const report = JSON.parse(result.stdout);
    if (report.runtimeError) throw new Error(`lighthouse on ${target.path}: ${report.runtimeError.message}`);
    if (new URL(report.finalDisplayedUrl).pathname !== target.path.split('?')[0]) throw new Error(`lighthouse ended on ${report.finalDisplayedUrl}, not ${target.path}: was the session refused?`);
    scores.push(Math.round(report.categories.performance.score * 100));
    const a = report.audits;
    metrics.push({ fcp_ms: a['first-contentful-paint'].numericValue, lcp_ms: a['largest-contentful-paint'].numericValue, tbt_ms: a['total-blocking-time'].numericValue, cls: a['cumulative-layout-shift'].numericValue });
  }
  const score = median(scores);
  const m = metrics[scores.indexOf(score)];
  rows.push({ page: target.name, score, scores, fcp_ms: Math.round(m.fcp_ms), lcp_ms: Math.round(m.lcp_ms), tbt_ms: Math.round(m.tbt_ms), cls: Number(m.cls.toFixed(3)) });
}

const min = budgets.lighthousePerformanceMin;
console.log(['page'.padEnd(16), 'score', 'runs'.padEnd(12), 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', ''].join('  '));
for (const r of rows) console.log([r.page.padEnd(16), String(r.score).padStart(5), r.scores.join(',').padEnd(12), String(r.fcp_ms).padStart(6), String(r.lcp_ms).padStart(6), String(r.tbt_ms).padStart(6), String(r.cls), r.score >= min ? 'ok' : `BELOW ${min}`].join('  '));
const ok = rows.every((r) => r.score >= min);
console.log(JSON.stringify({ bench: 'lighthouse', preset: 'desktop', lighthouse: LIGHTHOUSE, runs, min, pages: Object.fromEntries(rows.map(({ page, ...rest }) => [page, rest])), ok }));
process.exitCode = ok ? 0 : 1;
