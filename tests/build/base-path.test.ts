/**
 * The same build deploys under a sub-path: with BASE_PATH=/tracker/ every internal link, asset and the
 * search bundle live under /tracker/, and search works there. The build also has its real address
 * (SITE_URL) and its repository (REPOSITORY_URL), as a deployment would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/chromium';
import { watchedPage } from '../support/browser';
import { projectRoot } from '../../scripts/lib/project-root';
import { htmlPages, readPage } from '../support/dist';
import { copyProject, runAstro } from '../../scripts/lib/project-copy';
import { serveSite, type SiteServer } from '../../scripts/lib/server';

const BASE = '/tracker/';
const REPOSITORY = 'https://example.org/tracker-source';
let dist: string;
let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  const dir = copyProject('base-path', join(projectRoot, 'content'));
  const result = await runAstro(dir, ['build'], {
    BASE_PATH: BASE,
    SITE_URL: 'https://example.org',
    REPOSITORY_URL: REPOSITORY,
  });
  if (result.code !== 0) throw new Error(`Build with BASE_PATH failed:\n${result.output}`);
  dist = join(dir, 'dist');
  server = await serveSite(dist, BASE);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`a build with BASE_PATH=${BASE}`, () => {
  it('points every internal link, script, stylesheet and icon under the base', () => {
    const offenders: string[] = [];
    for (const path of htmlPages(dist)) {
      const html = readPage(path, dist);
      for (const el of html.querySelectorAll('a[href], link[href], script[src], img[src], form[action]')) {
        const value = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '';
        const internal = value.startsWith('/') && !value.startsWith('//');
        if (internal && !value.startsWith(BASE)) offenders.push(`${path}: ${value}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('links /about/ to the configured repository for corrections, and names it in the dataset citation', () => {
    const link = readPage('/about/', dist).querySelector('#corrections + p a');
    expect([link?.text, link?.getAttribute('href')]).toEqual(['the project’s repository', REPOSITORY]);
    expect(readFileSync(join(dist, 'data/CITATION.cff'), 'utf8')).toContain(`repository-code: '${REPOSITORY}'`);
  });

  it('uses the configured site for canonical URLs', () => {
    expect(readPage('/about/', dist).querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://example.org/tracker/about/',
    );
  });

  it('gives the configured site in every file a reader copies a link from: pages, feeds, downloads, citation', () => {
    const placeholder = 'malaysia-china-tracker.example.org';
    const texts = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(html|xml|json|csv|cff|txt)$/.test(f),
    );
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter((f) => readFileSync(join(dist, f), 'utf8').includes(placeholder))).toEqual([]);
    expect(readFileSync(join(dist, 'data/CITATION.cff'), 'utf8')).toContain("url: 'https://example.org/tracker/'");
  });

  it('serves search from the base and links results under it', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${server.root}search/?q=durian`);
    await page.locator('.search-result').first().waitFor();
    const hrefs = await page.locator('.search-result h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/tracker/agreements/durian-phytosanitary-protocol-2024/');
    expect(server.log.filter((r) => r.status !== 200)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});
