// Types for scripts/page-weight.cjs, imported by tests/e2e/bundle-size.spec.ts.
import type { Browser, BrowserContext, Page } from '@playwright/test';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface BudgetedPage {
  name: 'live-scorecard' | 'question-bank' | 'dashboard-grid';
  title: string;
  path: string;
  /** A session that may open the page. */
  storageState: StorageState;
  cookie: string;
}
interface DemoUser {
  email: string;
  password: string;
}

export interface FirstLoadScripts {
  path: string;
  scripts: number;
  gzipBytes: number;
  rawBytes: number;
  transferredBytes: number;
  files: { url: string; raw: number; gzip: number; transferred: number }[];
}

export declare const budgets: { firstLoadJsGzipKb: Record<BudgetedPage['name'], number>; lighthousePerformanceMin: number };
export declare const CHROMIUM_ARGS: string[];
export declare function launchChromium(): Promise<{ browser: Browser; executablePath: string }>;
export declare const PERF_USERS: { interviewer: DemoUser; manager: DemoUser };
export declare function signInPage(page: Page, baseUrl: string, user: DemoUser): Promise<void>;
export declare function findBudgetedPages(browser: Browser, baseUrl: string): Promise<BudgetedPage[]>;
export declare function measureFirstLoadScripts(browser: Browser, baseUrl: string, path: string, storageState: StorageState): Promise<FirstLoadScripts>;
export declare function kB(bytes: number): number;
