// The one place that decides which Chromium the end-to-end tests use, shared by `npm test`
// (scripts/test.mjs, which may also install one) and playwright.config.ts (which only looks).
// Every outside effect goes through `probes`, so the decision logic is unit-tested without installs.
// CommonJS because Playwright compiles the config's imports to CommonJS, which breaks on an .mjs
// under Node 20's require(esm) ("exports is not defined in ES module scope").
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module, see above */
const { spawn } = require('node:child_process');
const { accessSync, constants, existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

// Playwright's CDN is unreachable on some networks (only npm and the distribution's mirror are);
// the download then has to give up quickly so the apt fallback still gets its turn.
const PLAYWRIGHT_DOWNLOAD_TIMEOUT_MS = 120_000;
const PLAYWRIGHT_CONNECTION_TIMEOUT_MS = 15_000;
const APT_UPDATE_TIMEOUT_MS = 5 * 60_000;
const APT_INSTALL_TIMEOUT_MS = 15 * 60_000;

const CHROMIUM_INSTRUCTIONS = [
  'No Chromium found for the end-to-end tests. Any one of these works:',
  '  • Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
  '  • Playwright’s own browser: npx playwright install chromium',
  '  • An existing Chrome/Chromium: export CHROMIUM_PATH=/path/to/chrome',
  '  • Or skip them: npm test -- --no-e2e',
].join('\n');

class ChromiumNotFoundError extends Error {
  constructor(tried = []) {
    super([...(tried.length ? ['Tried:', ...tried.map((line) => `  • ${line}`), ''] : []), CHROMIUM_INSTRUCTIONS].join('\n'));
    this.name = 'ChromiumNotFoundError';
  }
}

/** The real machine. Tests pass their own object with the same shape. */
function systemProbes() {
  return {
    env: process.env,
    exists: existsSync,
    playwrightPath() {
      // Lazy: the unit tests and a machine without node_modules never load Playwright.
      const { chromium } = require('@playwright/test');
      return chromium.executablePath();
    },
    isRoot: () => process.getuid?.() === 0,
    isDebianLike() {
      if (existsSync('/etc/debian_version')) return true;
      try {
        return /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
      } catch {
        return false;
      }
    },
    hasCommand(name) {
      return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
        try {
          accessSync(path.join(dir, name), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      });
    },
    run: runWithTimeout,
    log: (line) => console.log(line),
    now: () => Date.now(),
  };
}

/**
 * Looks only, never installs: CHROMIUM_PATH (which must exist), then a system Chromium, then
 * Playwright's own download. Returns undefined when there is none.
 */
function findChromium(probes = systemProbes()) {
  const explicit = probes.env.CHROMIUM_PATH;
  if (explicit) {
    if (!probes.exists(explicit)) throw new Error(`CHROMIUM_PATH=${explicit} does not exist.`);
    return { executablePath: explicit, source: 'CHROMIUM_PATH' };
  }
  return findSystemChromium(probes) ?? findPlaywrightChromium(probes);
}

function findSystemChromium(probes) {
  const found = SYSTEM_CHROMIUM_PATHS.find((candidate) => probes.exists(candidate));
  return found ? { executablePath: found, source: 'system' } : undefined;
}

function findPlaywrightChromium(probes) {
  let candidate;
  try {
    candidate = probes.playwrightPath();
  } catch {
    return undefined; // Playwright not installed, or no build for this platform
  }
  return candidate && probes.exists(candidate) ? { executablePath: candidate, source: 'playwright' } : undefined;
}

const describeSource = { CHROMIUM_PATH: 'CHROMIUM_PATH', system: 'system Chromium', playwright: 'Playwright’s Chromium' };

/**
 * findChromium, and when it finds nothing: Playwright's download (bounded by a timeout), then, as
 * root on Debian/Ubuntu, `apt-get install -y chromium`. Prints what it tries and one closing line
 * naming the browser, how it was obtained and how long that took; throws ChromiumNotFoundError
 * listing what failed.
 */
async function ensureChromium(probes = systemProbes(), options = {}) {
  const started = probes.now();
  const downloadTimeoutMs = options.downloadTimeoutMs ?? PLAYWRIGHT_DOWNLOAD_TIMEOUT_MS;
  const done = (found, how) => {
    const seconds = (probes.now() - started) / 1000;
    probes.log(`Chromium for the end-to-end tests: ${found.executablePath} (${describeSource[found.source]}, ${how}; ${seconds.toFixed(1)} s)`);
    return { ...found, how, seconds };
  };

  // Test-only: pretend the first look found nothing, to rehearse the install path on a machine that
  // already has a browser (removing it would break whoever is using it). CHROMIUM_PATH still wins.
  const rehearsing = probes.env.LOOPKIT_PRETEND_NO_CHROMIUM === '1' && !probes.env.CHROMIUM_PATH;
  const present = rehearsing ? undefined : findChromium(probes);
  if (present) return done(present, 'already installed');
  if (rehearsing) probes.log('LOOPKIT_PRETEND_NO_CHROMIUM=1: ignoring any installed Chromium for this first look.');

  const tried = [];
  probes.log(`No Chromium found. Trying Playwright’s download: npx playwright install chromium (gives up after ${Math.round(downloadTimeoutMs / 1000)} s)…`);
  const cli = playwrightCli();
  const download = cli
    ? await probes.run(process.execPath, [cli, 'install', 'chromium'], {
        timeoutMs: downloadTimeoutMs,
        env: { PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: String(PLAYWRIGHT_CONNECTION_TIMEOUT_MS) },
      })
    : { ok: false, timedOut: false, detail: '@playwright/test is not installed: run npm install' };
  const downloaded = download.ok ? findPlaywrightChromium(probes) : undefined;
  if (downloaded) return done(downloaded, 'downloaded by npx playwright install chromium');
  const downloadOutcome = download.ok ? 'finished, but no browser appeared' : describeFailure(download);
  tried.push(`npx playwright install chromium: ${downloadOutcome}`);
  probes.log(`Playwright’s download ${downloadOutcome}.`);

  const aptBlocker = !probes.isRoot()
    ? 'not running as root'
    : !probes.isDebianLike()
      ? 'not Debian or Ubuntu'
      : !probes.hasCommand('apt-get')
        ? 'apt-get not found'
        : undefined;
  if (aptBlocker) {
    tried.push(`apt-get install chromium: skipped (${aptBlocker})`);
    throw new ChromiumNotFoundError(tried);
  }

  probes.log('Installing Debian’s Chromium: apt-get update && apt-get install -y chromium…');
  const aptEnv = { DEBIAN_FRONTEND: 'noninteractive' };
  const update = await probes.run('apt-get', ['update'], { timeoutMs: APT_UPDATE_TIMEOUT_MS, env: aptEnv });
  if (!update.ok) {
    tried.push(`apt-get update: ${describeFailure(update)}`);
    throw new ChromiumNotFoundError(tried);
  }
  // Waits for a dpkg lock held by another install instead of failing at once.
  const install = await probes.run('apt-get', ['install', '-y', '-o', 'DPkg::Lock::Timeout=120', 'chromium'], {
    timeoutMs: APT_INSTALL_TIMEOUT_MS,
    env: aptEnv,
  });
  const installed = install.ok ? findSystemChromium(probes) : undefined;
  if (installed) return done(installed, 'installed with apt-get install chromium');
  tried.push(`apt-get install -y chromium: ${install.ok ? `finished, but none of ${SYSTEM_CHROMIUM_PATHS[0]}… appeared` : describeFailure(install)}`);
  throw new ChromiumNotFoundError(tried);
}

function describeFailure(result) {
  return result.timedOut ? `gave up after ${Math.round(result.timeoutMs / 1000)} s` : `failed (${result.detail})`;
}

function playwrightCli() {
  // The installed package's own CLI: `npx` could fetch a different Playwright from the registry.
  try {
    return require.resolve('@playwright/test/cli');
  } catch {
    return undefined;
  }
}

/**
 * Runs a command with its output shown, in its own process group so a timeout also stops the
 * helpers it started (Playwright downloads in a child process).
 */
function runWithTimeout(command, args, { timeoutMs, env = {} }) {
  return new Promise((resolve) => {
    let timedOut = false;
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, detached: true });
    const killGroup = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    // Its own process group no longer receives the terminal's Ctrl-C, so pass it on.
    const interrupted = () => {
      killGroup();
      process.exit(130);
    };
    process.once('SIGINT', interrupted);
    const finish = (ok, detail) => {
      clearTimeout(timer);
      process.off('SIGINT', interrupted);
      resolve({ ok: ok && !timedOut, timedOut, timeoutMs, detail });
    };
    child.on('error', (error) => finish(false, error.message));
    child.on('exit', (code, signal) => finish(code === 0, signal ? `signal ${signal}` : `exit code ${code}`));
  });
}

module.exports = {
  SYSTEM_CHROMIUM_PATHS,
  PLAYWRIGHT_DOWNLOAD_TIMEOUT_MS,
  CHROMIUM_INSTRUCTIONS,
  ChromiumNotFoundError,
  systemProbes,
  findChromium,
  ensureChromium,
  runWithTimeout,
};
