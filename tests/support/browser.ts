/**
 * The built site in a real Chromium for a test file (scripts/lib/chromium.ts). Each page records console
 * errors, page errors, CSP violations and every request's origin.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { serveSite, type SiteServer } from '../../scripts/lib/server.ts';
import { distDir, requireBuild } from './dist.ts';

/** What went wrong on a page, as a reader's browser would see it. */
export interface PageProblems {
  consoleErrors: string[];
  cspViolations: string[];
  requestOrigins: Set<string>;
}

/** Opens a page in a new context that records its problems (console errors, CSP violations, origins asked) from the start. */
export async function watchedPage(
  browser: Browser,
  options: { colorScheme?: 'light' | 'dark'; width?: number; javaScript?: boolean } = {},
): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], cspViolations: [], requestOrigins: new Set() };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(error.message));
  page.on('request', (request) => problems.requestOrigins.add(new URL(request.url()).origin));
  await page.exposeFunction('__reportCsp', (text: string) => problems.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(t: string): void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, problems };
}

/** The built site served on loopback and a browser to read it with, for one test file. */
export interface SiteUnderTest {
  server: SiteServer;
  browser: Browser;
}

/** Serves a build (dist/ by default) and launches Chromium before the file's tests; stops both after. */
export function useBuiltSite(dir = distDir, base = '/'): SiteUnderTest {
  const site = {} as SiteUnderTest;
  beforeAll(async () => {
    requireBuild(dir);
    site.server = await serveSite(dir, base);
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * Lays out what `content-visibility: auto` skips off screen (timeline years and rows), as a reader scrolling
 * through would see it. Skipped elements have no geometry, so checks that measure (axe's target-size, sizes)
 * would otherwise see zero-sized boxes.
 */
export async function layOutEverything(page: Page): Promise<void> {
  await page.evaluate(() =>
    document.querySelectorAll<HTMLElement>('*').forEach((el) => {
      if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
    }),
  );
}
