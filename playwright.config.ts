import { defineConfig } from '@playwright/test';
import { CHROMIUM_INSTRUCTIONS, findChromium } from './scripts/chromium.cjs';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

// Same lookup as `npm test` (which also installs one when missing); this only looks.
const browser = findChromium();
if (!browser) throw new Error(CHROMIUM_INSTRUCTIONS);

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
      // Playwright picks its own headless build when it is Playwright's download.
      executablePath: browser.source === 'playwright' ? undefined : browser.executablePath,
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
