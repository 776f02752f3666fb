// How `npm test` and playwright.config.ts choose (and, for `npm test`, obtain) a Chromium, with
// every probe faked: no file system, no downloads, no apt-get.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_INSTRUCTIONS,
  ChromiumNotFoundError,
  ensureChromium,
  findChromium,
  runWithTimeout,
  type ChromiumProbes,
  type RunResult,
} from '../../scripts/chromium.cjs';

const PLAYWRIGHT_BROWSER = '/home/me/.cache/ms-playwright/chromium-1234/chrome-linux/chrome';

type Machine = {
  files?: string[];
  env?: Record<string, string>;
  root?: boolean;
  debian?: boolean;
  aptGet?: boolean;
  /** What each command does: its result, and files it creates on success. */
  outcomes?: Record<string, Partial<RunResult> & { creates?: string }>;
  playwrightPathThrows?: boolean;
};

function fakeMachine(machine: Machine = {}) {
  const files = new Set(machine.files ?? []);
  const runs: { command: string; args: string[]; env?: Record<string, string> }[] = [];
  const lines: string[] = [];
  let clock = 1_000;
  const probes: ChromiumProbes = {
    env: machine.env ?? {},
    exists: (path) => files.has(path),
    playwrightPath: () => {
      if (machine.playwrightPathThrows) throw new Error('Playwright is not installed');
      return PLAYWRIGHT_BROWSER;
    },
    isRoot: () => machine.root ?? false,
    isDebianLike: () => machine.debian ?? false,
    hasCommand: (name) => name === 'apt-get' && (machine.aptGet ?? false),
    async run(command, args, options) {
      runs.push({ command, args, env: options.env });
      clock += 2_500; // every command takes 2.5 s of the fake clock
      const key = command === process.execPath ? `playwright ${args.slice(1).join(' ')}` : `${command} ${args.at(-1)}`;
      const outcome = machine.outcomes?.[key] ?? { ok: false, detail: 'exit code 1' };
      if (outcome.ok && outcome.creates) files.add(outcome.creates);
      return { ok: false, timedOut: false, timeoutMs: options.timeoutMs, detail: '', ...outcome };
    },
    log: (line) => lines.push(line),
    now: () => clock,
  };
  return { probes, runs, lines, commands: () => runs.map((r) => (r.command === process.execPath ? `playwright ${r.args.slice(1).join(' ')}` : `${r.command} ${r.args.join(' ')}`)) };
}

const debianRoot = { root: true, debian: true, aptGet: true } satisfies Machine;

describe('findChromium (looks, never installs)', () => {
  it('takes CHROMIUM_PATH before a system Chromium', () => {
    const { probes } = fakeMachine({ env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, files: ['/opt/chrome/chrome', '/usr/bin/chromium'] });
    expect(findChromium(probes)).toEqual({ executablePath: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
  });

  it('rejects a CHROMIUM_PATH that does not exist, even when a system Chromium does', () => {
    const { probes } = fakeMachine({ env: { CHROMIUM_PATH: '/nope/chrome' }, files: ['/usr/bin/chromium'] });
    expect(() => findChromium(probes)).toThrow('CHROMIUM_PATH=/nope/chrome does not exist.');
  });

  it('prefers a system Chromium to Playwright’s download', () => {
    const { probes } = fakeMachine({ files: ['/usr/bin/chromium-browser', PLAYWRIGHT_BROWSER] });
    expect(findChromium(probes)).toEqual({ executablePath: '/usr/bin/chromium-browser', source: 'system' });
  });

  it('falls back to Playwright’s download when it is on disk', () => {
    const { probes } = fakeMachine({ files: [PLAYWRIGHT_BROWSER] });
    expect(findChromium(probes)).toEqual({ executablePath: PLAYWRIGHT_BROWSER, source: 'playwright' });
  });

  it('finds nothing when Playwright’s browser is not downloaded or Playwright is missing', () => {
    expect(findChromium(fakeMachine().probes)).toBeUndefined();
    expect(findChromium(fakeMachine({ playwrightPathThrows: true }).probes)).toBeUndefined();
  });
});

describe('ensureChromium (obtains one when missing)', () => {
  it('uses what is installed without running anything and says so in one line', async () => {
    const { probes, runs, lines } = fakeMachine({ files: ['/usr/bin/chromium'], ...debianRoot });
    const browser = await ensureChromium(probes);
    expect(browser).toMatchObject({ executablePath: '/usr/bin/chromium', source: 'system', how: 'already installed', seconds: 0 });
    expect(runs).toEqual([]);
    expect(lines).toEqual(['Chromium for the end-to-end tests: /usr/bin/chromium (system Chromium, already installed; 0.0 s)']);
  });

  it('stops on a CHROMIUM_PATH that does not exist instead of installing another browser', async () => {
    const { probes, runs } = fakeMachine({ env: { CHROMIUM_PATH: '/nope/chrome' }, ...debianRoot });
    await expect(ensureChromium(probes)).rejects.toThrow('CHROMIUM_PATH=/nope/chrome does not exist.');
    expect(runs).toEqual([]);
  });

  it('downloads Playwright’s browser first, with a bounded connection and overall timeout', async () => {
    const { probes, runs, commands, lines } = fakeMachine({
      ...debianRoot,
      outcomes: { 'playwright install chromium': { ok: true, creates: PLAYWRIGHT_BROWSER } },
    });
    const browser = await ensureChromium(probes, { downloadTimeoutMs: 30_000 });
    expect(browser).toMatchObject({ executablePath: PLAYWRIGHT_BROWSER, source: 'playwright', how: 'downloaded by npx playwright install chromium' });
    expect(commands()).toEqual(['playwright install chromium']);
    expect(runs[0]!.env).toEqual({ PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: '15000' });
    expect(lines.at(-1)).toBe(`Chromium for the end-to-end tests: ${PLAYWRIGHT_BROWSER} (Playwright’s Chromium, downloaded by npx playwright install chromium; 2.5 s)`);
  });

  it('after a failed or timed-out download, installs Debian’s Chromium non-interactively as root', async () => {
    const { probes, runs, commands, lines } = fakeMachine({
      ...debianRoot,
      outcomes: {
        'playwright install chromium': { ok: false, timedOut: true },
        'apt-get update': { ok: true },
        'apt-get chromium': { ok: true, creates: '/usr/bin/chromium' },
      },
    });
    const browser = await ensureChromium(probes);
    expect(browser).toMatchObject({ executablePath: '/usr/bin/chromium', source: 'system', how: 'installed with apt-get install chromium', seconds: 7.5 });
    expect(commands()).toEqual(['playwright install chromium', 'apt-get update', 'apt-get install -y -o DPkg::Lock::Timeout=120 chromium']);
    expect(runs.slice(1).map((r) => r.env)).toEqual([{ DEBIAN_FRONTEND: 'noninteractive' }, { DEBIAN_FRONTEND: 'noninteractive' }]);
    expect(lines).toContain('Playwright’s download gave up after 120 s.');
    expect(lines.at(-1)).toBe('Chromium for the end-to-end tests: /usr/bin/chromium (system Chromium, installed with apt-get install chromium; 7.5 s)');
  });

  it.each([
    ['not root', { ...debianRoot, root: false }, 'not running as root'],
    ['not Debian or Ubuntu', { ...debianRoot, debian: false }, 'not Debian or Ubuntu'],
    ['without apt-get', { ...debianRoot, aptGet: false }, 'apt-get not found'],
  ])('stops with the instructions and the reasons when %s', async (_label, machine, reason) => {
    const { probes, commands } = fakeMachine({ ...machine, outcomes: { 'playwright install chromium': { ok: false, timedOut: true } } });
    const failure = await ensureChromium(probes, { downloadTimeoutMs: 20_000 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ChromiumNotFoundError);
    const message = (failure as Error).message;
    expect(message).toContain('npx playwright install chromium: gave up after 20 s');
    expect(message).toContain(`apt-get install chromium: skipped (${reason})`);
    expect(message).toContain(CHROMIUM_INSTRUCTIONS);
    expect(commands()).toEqual(['playwright install chromium']);
  });

  it('does not try apt-get install when apt-get update fails, and reports both failures', async () => {
    const { probes, commands } = fakeMachine({
      ...debianRoot,
      outcomes: { 'playwright install chromium': { ok: false, detail: 'exit code 1' }, 'apt-get update': { ok: false, detail: 'exit code 100' } },
    });
    const failure = (await ensureChromium(probes).catch((error: unknown) => error)) as Error;
    expect(failure).toBeInstanceOf(ChromiumNotFoundError);
    expect(failure.message).toContain('npx playwright install chromium: failed (exit code 1)');
    expect(failure.message).toContain('apt-get update: failed (exit code 100)');
    expect(commands()).toEqual(['playwright install chromium', 'apt-get update']);
  });

  it('fails when apt-get succeeds but no browser appears where it is looked for', async () => {
    const { probes } = fakeMachine({
      ...debianRoot,
      outcomes: { 'apt-get update': { ok: true }, 'apt-get chromium': { ok: true } },
    });
    await expect(ensureChromium(probes)).rejects.toThrow('apt-get install -y chromium: finished, but none of /usr/bin/chromium… appeared');
  });

  it('LOOPKIT_PRETEND_NO_CHROMIUM rehearses the install path, then finds the real browser', async () => {
    const { probes, commands, lines } = fakeMachine({
      ...debianRoot,
      env: { LOOPKIT_PRETEND_NO_CHROMIUM: '1' },
      files: ['/usr/bin/chromium'],
      outcomes: { 'apt-get update': { ok: true }, 'apt-get chromium': { ok: true } },
    });
    const browser = await ensureChromium(probes);
    expect(commands()).toEqual(['playwright install chromium', 'apt-get update', 'apt-get install -y -o DPkg::Lock::Timeout=120 chromium']);
    expect(browser).toMatchObject({ executablePath: '/usr/bin/chromium', how: 'installed with apt-get install chromium' });
    expect(lines[0]).toContain('ignoring any installed Chromium');
  });

  it('LOOPKIT_PRETEND_NO_CHROMIUM does not override an explicit CHROMIUM_PATH', async () => {
    const { probes, runs } = fakeMachine({ env: { LOOPKIT_PRETEND_NO_CHROMIUM: '1', CHROMIUM_PATH: '/opt/chrome' }, files: ['/opt/chrome'], ...debianRoot });
    expect(await ensureChromium(probes)).toMatchObject({ executablePath: '/opt/chrome', source: 'CHROMIUM_PATH' });
    expect(runs).toEqual([]);
  });
});

/** Running, as opposed to gone or a zombie (a killed orphan may wait for a PID 1 that never reaps). */
function isAlive(pid: number) {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('runWithTimeout', () => {
  it('stops a command and the processes it started when the time is up', async () => {
    const pidFile = path.join(mkdtempSync(path.join(tmpdir(), 'chromium-test-')), 'child.pid');
    const started = Date.now();
    // The shell waits on a background child, as Playwright's installer waits on its downloader.
    const result = await runWithTimeout('sh', ['-c', `sleep 30 & echo $! > ${pidFile}; wait`], { timeoutMs: 500 });
    expect(result).toMatchObject({ ok: false, timedOut: true, timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(5_000);
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    await expect.poll(() => isAlive(grandchild)).toBe(false);
  });

  it('reports success and failure by exit code, and a missing command', async () => {
    expect(await runWithTimeout('sh', ['-c', 'exit 0'], { timeoutMs: 5_000 })).toMatchObject({ ok: true, timedOut: false });
    expect(await runWithTimeout('sh', ['-c', 'exit 3'], { timeoutMs: 5_000 })).toMatchObject({ ok: false, detail: 'exit code 3' });
    expect(await runWithTimeout('/nonexistent/command', [], { timeoutMs: 5_000 })).toMatchObject({ ok: false, detail: expect.stringContaining('ENOENT') });
  });
});
