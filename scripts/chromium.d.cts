// Types for scripts/chromium.cjs, imported by playwright.config.ts and the unit tests.

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'playwright';

export interface FoundChromium {
  executablePath: string;
  source: ChromiumSource;
}

export interface EnsuredChromium extends FoundChromium {
  /** 'already installed', 'downloaded by npx playwright install chromium' or 'installed with apt-get install chromium'. */
  how: string;
  seconds: number;
}

export interface RunResult {
  ok: boolean;
  timedOut: boolean;
  timeoutMs: number;
  detail: string;
}

export interface ChromiumProbes {
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
  /** Where Playwright keeps its own Chromium (which may not be downloaded); may throw. */
  playwrightPath(): string | undefined;
  isRoot(): boolean;
  isDebianLike(): boolean;
  hasCommand(name: string): boolean;
  run(command: string, args: string[], options: { timeoutMs: number; env?: Record<string, string> }): Promise<RunResult>;
  log(line: string): void;
  now(): number;
}

export const SYSTEM_CHROMIUM_PATHS: string[];
export const PLAYWRIGHT_DOWNLOAD_TIMEOUT_MS: number;
export const CHROMIUM_INSTRUCTIONS: string;
export class ChromiumNotFoundError extends Error {
  constructor(tried?: string[]);
}
export function systemProbes(): ChromiumProbes;
export function findChromium(probes?: ChromiumProbes): FoundChromium | undefined;
export function ensureChromium(probes?: ChromiumProbes, options?: { downloadTimeoutMs?: number }): Promise<EnsuredChromium>;
export function runWithTimeout(command: string, args: string[], options: { timeoutMs: number; env?: Record<string, string> }): Promise<RunResult>;
