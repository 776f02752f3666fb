// A production server that cannot boot stops with the reason instead of answering every request
// with a 500 (found starting `npm start` without AUTH_URL: it printed "ready" and served errors).
// AUTH_URL is set to a non-URL rather than left out, so a developer's .env.local cannot supply one.
// Runs the same production build the suite uses, on its own port and data directory.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

test('a production start with an invalid configuration exits non-zero and names the setting', async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'loopkit-start-'));
  const { DATABASE_URL: _none, ...inherited } = process.env;
  const server = spawn(process.execPath, ['scripts/server.mjs'], {
    env: { ...inherited, NODE_ENV: 'production', PORT: String(Number(process.env.E2E_PORT ?? 3100) + 90), PGLITE_DIR: dataDir, AUTH_SECRET: 'x'.repeat(40), AUTH_URL: 'not-a-url' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  try {
    // Bounded below the test's timeout, so a server that keeps running fails here and is stopped.
    const code = await Promise.race([
      new Promise<number | null>((resolve) => server.on('exit', resolve)),
      new Promise<string>((resolve) => setTimeout(() => resolve('still running after 90 s'), 90_000)),
    ]);
    expect(code).toBe(1);
    expect(output).toContain('Loopkit could not start. Invalid environment configuration');
    expect(output).toMatch(/^\s+AUTH_URL: /m);
  } finally {
    server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
