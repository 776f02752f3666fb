import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

/** CHROMIUM_PATH, else a system Chromium, else Playwright's own browser; otherwise say how to get one. */
function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) {
    if (!existsSync(process.env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
    return process.env.CHROMIUM_PATH;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    if (existsSync(chromium.executablePath())) return undefined; // Playwright's own download
  } catch {
    // fall through to the instructions
  }
  throw new Error(
    [
      'No Chromium found for the end-to-end tests. Any one of these works:',
      '  • Debian/Ubuntu: sudo apt-get install -y chromium',
      '  • Playwright’s own browser: npx playwright install chromium',
      '  • An existing Chrome/Chromium: export CHROMIUM_PATH=/path/to/chrome',
    ].join('\n'),
  );
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `node scripts/e2e-server.mjs ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
  },
});
