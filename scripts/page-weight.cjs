// The pages under a performance budget, and how much JavaScript their first load costs, measured
// the honest way: in Chromium, every script the page fetches from navigation until the network is
// quiet, gzipped here at zlib's default level (what `next start` sends) so the figure does not
// depend on the server's compression or the browser's cache. Shared by scripts/bundle-size.mjs,
// scripts/lighthouse.mjs and tests/e2e/bundle-size.spec.ts.
// CommonJS for the same reason as chromium.cjs: Playwright compiles the spec's imports to CommonJS.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module, see above */
const { gzipSync } = require('node:zlib');
const { CHROMIUM_INSTRUCTIONS, findChromium } = require('./chromium.cjs');
const budgets = require('./perf-budgets.json');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Chromium for the scripts (the e2e spec gets its browser from Playwright's config): the same lookup as the e2e suite. */
async function launchChromium() {
  const found = findChromium();
  if (!found) throw new Error(CHROMIUM_INSTRUCTIONS);
  // Lazy: the spec already has Playwright loaded; the scripts load it only here.
  const { chromium } = require('@playwright/test');
  const browser = await chromium.launch({ executablePath: found.source === 'playwright' ? undefined : found.executablePath, args: CHROMIUM_ARGS });
  return { browser, executablePath: found.executablePath };
}

const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'loopkit-demo-2026';
/** Who looks at each page: an interviewer on a live interview; a hiring manager for the bank and the dashboard. */
const PERF_USERS = {
  interviewer: { email: 'amara@demo.loopkit.dev', password: DEMO_PASSWORD },
  manager: { email: 'manager@demo.loopkit.dev', password: DEMO_PASSWORD },
};

/** Signs `page` in through the sign-in form (the same way a person does). */
async function signInPage(page, baseUrl, { email, password }) {
  await page.goto(new URL('/sign-in', baseUrl).href);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
}

/** A signed-in session for `user`: its storage state (for Playwright) and its Cookie header (for Lighthouse). */
async function signedInSession(browser, baseUrl, user) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInPage(page, baseUrl, user);
  const storageState = await context.storageState();
  const cookie = (await context.cookies(baseUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
  return { context, page, storageState, cookie };
}

/**
 * The three budgeted pages with a session that may open each: a live scorecard (an interview still
 * ahead or under way, as the demo interviewer), the question bank and the first opening's
 * dashboard grid (as the demo hiring manager).
 */
async function findBudgetedPages(browser, baseUrl) {
  const interviewer = await signedInSession(browser, baseUrl, PERF_USERS.interviewer);
  const manager = await signedInSession(browser, baseUrl, PERF_USERS.manager);
  try {
    await interviewer.page.goto(new URL('/interviews', baseUrl).href);
    const scorecard = await interviewer.page.getByRole('listitem').filter({ hasText: /Scheduled|In progress/ }).locator('a[href^="/interviews/"]').first().getAttribute('href');
    await manager.page.goto(new URL('/dashboard', baseUrl).href);
    const hrefs = await manager.page.locator('a[href^="/dashboard/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const dashboard = hrefs.find((h) => /^\/dashboard\/[0-9a-f-]{36}$/.test(h ?? ''));
    if (!scorecard || !dashboard) throw new Error('no interview ahead or no opening on the dashboard: is the demo data seeded (SEED_DEMO=true)?');
    const as = (session) => ({ storageState: session.storageState, cookie: session.cookie });
    return [
      { name: 'live-scorecard', title: 'Live scorecard', path: scorecard, ...as(interviewer) },
      { name: 'question-bank', title: 'Question bank', path: '/questions', ...as(manager) },
      { name: 'dashboard-grid', title: 'Dashboard grid', path: dashboard, ...as(manager) },
    ];
  } finally {
    await interviewer.context.close();
    await manager.context.close();
  }
}

/**
 * Loads `path` in a fresh context (empty cache) carrying `storageState`'s session and sums the
 * scripts fetched until the network has been idle for 500 ms: gzipped bytes, raw bytes, and the
 * bytes the server actually transferred.
 */
async function measureFirstLoadScripts(browser, baseUrl, path, storageState) {
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  const pending = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        const sizes = await response.request().sizes().catch(() => ({ responseBodySize: 0 }));
        return { url: response.url(), raw: body.length, gzip: gzipSync(body).length, transferred: sizes.responseBodySize };
      })(),
    );
  });
  const response = await page.goto(new URL(path, baseUrl).href, { waitUntil: 'networkidle' });
  if (!response || !response.ok()) throw new Error(`${path} answered ${response?.status()}`);
  const scripts = await Promise.all(pending);
  await context.close();
  const sum = (key) => scripts.reduce((total, s) => total + s[key], 0);
  return { path, scripts: scripts.length, gzipBytes: sum('gzip'), rawBytes: sum('raw'), transferredBytes: sum('transferred'), files: scripts };
}

const kB = (bytes) => Math.round(bytes / 100) / 10;

module.exports = { budgets, CHROMIUM_ARGS, launchChromium, PERF_USERS, signInPage, findBudgetedPages, measureFirstLoadScripts, kB };
