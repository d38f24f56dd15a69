import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Debian's Chromium; flags that keep it quiet and working inside containers. */
const CHROMIUM_PATH = process.env.TROPA_E2E_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function baseUrl(): string {
  const url = process.env.TROPA_E2E_BASE_URL;
  if (!url) throw new Error('TROPA_E2E_BASE_URL is not set: run the browser tests through e2e/jest.config.cjs');
  return url;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface ContextOptions {
  /** Another server than the shared one (a test file's own). */
  baseURL?: string;
  /** E.g. a phone: `{ width: 375, height: 740 }` with `isMobile`. */
  viewport?: { width: number; height: number };
  isMobile?: boolean;
}

/** A fresh browser profile (no cookies, no storage) with an English browser language. */
export async function newUser(
  browser: Browser,
  locale = 'en-US',
  options: ContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: options.baseURL ?? baseUrl(),
    locale,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** A unique email per run, so reruns against a kept server never collide. */
export function uniqueEmail(name: string): string {
  return `${name}.${Date.now().toString(36)}@example.com`;
}
