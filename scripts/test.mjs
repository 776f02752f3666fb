// `npm test`: unit and integration tests (PGlite, plus PostgreSQL when TEST_DATABASE_URL is set),
// then a production build and the end-to-end suite in Chromium — and, with TEST_DATABASE_URL, the
// end-to-end specs in E2E_POSTGRES_SPECS (default: the live scorecard; `all` for every spec) once
// more on PostgreSQL, where `npm start` answers autosave by its fast path, the path users get. Stops at the first failing
// stage and closes with one summary line over every runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.cjs';

// Not under test-results/: Playwright empties that folder when it starts.
const reports = '.test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const stages = [
  {
    title: 'Unit and integration tests',
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`],
  },
  { title: 'Production build for end-to-end tests', command: ['npm', 'run', 'build'] },
  {
    title: 'End-to-end tests (Chromium)',
    command: ['npx', 'playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` },
  },
];
if (process.env.TEST_DATABASE_URL) {
  const e2eDatabase = new URL(process.env.TEST_DATABASE_URL);
  e2eDatabase.pathname = `${e2eDatabase.pathname}_e2e`; // recreated by scripts/e2e-server.mjs
  const specs = (process.env.E2E_POSTGRES_SPECS ?? 'tests/e2e/live-scorecard.spec.ts').split(/[\s,]+/).filter((s) => s && s !== 'all');
  stages.push({
    title: 'End-to-end tests on PostgreSQL with npm start (autosave fast path)',
    command: ['npx', 'playwright', 'test', '--reporter=list,json', ...specs],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright-postgres.json`, E2E_DATABASE_URL: e2eDatabase.toString() },
  });
}

const skipE2e = process.argv.includes('--no-e2e');
let failedStage;

// The browser comes first: on a fresh machine it may need installing, and finding out that it
// cannot be had should take seconds, not the minutes the unit, integration and build stages take.
if (!skipE2e) {
  const title = 'Browser for end-to-end tests';
  console.log(`\n━━ ${title} ━━`);
  try {
    const browser = await ensureChromium();
    // Hand the exact browser to Playwright; its own download it finds (and picks the headless build) itself.
    if (browser.source !== 'playwright') for (const stage of stages.filter((s) => s.command[1] === 'playwright')) stage.env.CHROMIUM_PATH = browser.executablePath;
  } catch (error) {
    // Every failure here is one the user fixes by reading it (a wrong CHROMIUM_PATH, no browser): no stack.
    console.error(error instanceof Error ? error.message : error);
    failedStage = title;
  }
}

for (const stage of failedStage ? [] : stages) {
  if (skipE2e && stage.title !== stages[0].title) break;
  console.log(`\n━━ ${stage.title} ━━`);
  const started = Date.now();
  const [command, ...args] = stage.command;
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...stage.env } });
  console.log(`━━ ${stage.title}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    failedStage = stage.title;
    break;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const vitestFile = `${reports}/vitest.json`;
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8'));
  totals.passed += v.numPassedTests ?? 0;
  totals.failed += v.numFailedTests ?? 0;
  totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
for (const playwrightFile of [`${reports}/playwright.json`, `${reports}/playwright-postgres.json`]) {
  if (!existsSync(playwrightFile)) continue;
  const p = JSON.parse(readFileSync(playwrightFile, 'utf8'));
  totals.passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
  totals.failed += p.stats?.unexpected ?? 0;
  totals.skipped += p.stats?.skipped ?? 0;
}
if (failedStage && totals.failed === 0) totals.failed = 1; // a build or start-up failure counts too
console.log(`\n${failedStage ? `Failed stage: ${failedStage}\n` : ''}Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStage ? 1 : 0);
