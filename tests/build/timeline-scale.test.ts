/**
 * The timeline at a size the real record will reach: 300 generated agreements (the benchmark's seeded
 * generator). The home page holds the newest years only and folds the rest, yet a filter still finds
 * every matching agreement in every year, with counts over the whole record, and a shared link to an
 * old year restores it. A theme page lists its newest agreements and links to all of them in search.
 * Expectations come from the generated content, not from the page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent } from '../../scripts/bench/generate';
import { launchBrowser, watchedPage } from '../support/browser';
import { readPage } from '../support/dist';
import { copyProject, projectRoot, runAstro } from '../support/project-copy';
import { serveSite, type SiteServer } from '../support/server';

const SIZE = 300;

interface Expected {
  id: string;
  year: string;
  themes: string[];
}

let dist: string;
let server: SiteServer;
let browser: Browser;
/** Every generated agreement in timeline order (newest year first, then by date), from the built index. */
let record: Expected[];

beforeAll(async () => {
  const contentDir = join(projectRoot, '.tmp', 'timeline-scale-content');
  for (const [path, text] of generateContent(SIZE, 7).files) {
    mkdirSync(dirname(join(contentDir, path)), { recursive: true });
    writeFileSync(join(contentDir, path), text);
  }
  const dir = copyProject('timeline-scale', contentDir);
  const result = await runAstro(dir, ['build']);
  if (result.code !== 0) throw new Error(`Build of ${SIZE} agreements failed:\n${result.output}`);
  dist = join(dir, 'dist');
  server = await serveSite(dist, '/');
  browser = await launchBrowser();
  // The order and facets of each agreement as the year pages show them: the ground truth for filters.
  record = [];
  for (const a of readPage('/', dist).querySelectorAll('.timeline__year h2 a')) {
    const year = a.text.trim();
    for (const el of readPage(`/years/${year}/`, dist).querySelectorAll('[data-entry-id]')) {
      record.push({
        id: el.getAttribute('data-entry-id') ?? '',
        year,
        themes: (el.getAttribute('data-theme') ?? '').split(' '),
      });
    }
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The agreements a reader can see on the page, in order. */
const visibleIds = (page: Page) =>
  page
    .locator('.timeline [data-entry-id]')
    .evaluateAll((els) =>
      els.filter((e) => (e as HTMLElement).checkVisibility()).map((e) => (e as HTMLElement).dataset['entryId'] ?? ''),
    );
const settled = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('.timeline')?.hasAttribute('aria-busy'));

describe(`the timeline with ${SIZE} agreements`, () => {
  it('holds the newest years in full and folds the others to a count and a link to their page', () => {
    const home = readPage('/', dist);
    const onPage = home.querySelectorAll('.timeline [data-entry-id]').map((el) => el.getAttribute('data-entry-id'));
    expect(onPage.length).toBeGreaterThanOrEqual(100);
    expect(onPage.length).toBeLessThan(SIZE);
    expect(onPage).toEqual(record.slice(0, onPage.length).map((r) => r.id));
    const folded = home.querySelectorAll('[data-folded-year]');
    expect(folded.length).toBeGreaterThan(0);
    for (const section of folded) {
      const year = section.getAttribute('data-folded-year') ?? '';
      const n = record.filter((r) => r.year === year).length;
      expect(section.querySelector('.timeline__folded a')?.getAttribute('href')).toBe(`/years/${year}/`);
      expect(section.querySelector('.timeline__folded a')?.text).toContain(String(n));
    }
  });

  it('finds every agreement with a theme, in every year, and counts over the whole record', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(server.root);
    const theme = record.at(-1)?.themes[0] ?? '';
    await page.locator('[data-filter-details] summary').click();
    await page.locator(`input[name=theme][value="${theme}"]`).check();
    await settled(page);
    const expected = record.filter((r) => r.themes.includes(theme)).map((r) => r.id);
    expect(expected.some((id) => record.findIndex((r) => r.id === id) > 150)).toBe(true);
    expect(await visibleIds(page)).toEqual(expected);
    await expect(page.locator('[data-filter-status]').textContent()).resolves.toBe(
      `${expected.length} of ${SIZE} agreements shown`,
    );
    // The count beside a year box: that year's agreements with the theme, folded years included.
    const oldest = record.at(-1)?.year ?? '';
    const inOldest = record.filter((r) => r.year === oldest && r.themes.includes(theme)).length;
    await expect(page.locator(`[data-count-for="year=${oldest}"]`).textContent()).resolves.toBe(`(${inOldest})`);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('restores a shared link to a folded year, and clearing brings back the page as built', async () => {
    const { page } = await watchedPage(browser);
    const oldest = record.at(-1)?.year ?? '';
    await page.goto(`${server.root}?year=${oldest}`);
    await settled(page);
    expect(await visibleIds(page)).toEqual(record.filter((r) => r.year === oldest).map((r) => r.id));
    await page.locator('[data-filter-clear]').click();
    const built = readPage('/', dist);
    // The years a filter opened fold again: the page shows what it was built with.
    const asBuilt = built.querySelectorAll('.timeline [data-entry-id]').map((el) => el.getAttribute('data-entry-id'));
    expect(await visibleIds(page)).toEqual(asBuilt);
    await expect(page.locator(`[data-folded-year="${oldest}"] .timeline__folded`).isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-filter-status]').textContent()).resolves.toMatch(new RegExp(`of ${SIZE}`));
    const year = built.querySelector('[data-count-for^="year="]');
    await expect(
      page.locator(`[data-count-for="${year?.getAttribute('data-count-for') ?? ''}"]`).textContent(),
    ).resolves.toBe(year?.text);
    expect(page.url()).toBe(server.root);
  });

  it('has no accessibility violations with years folded, and none once a filter opens them', async () => {
    const { page } = await watchedPage(browser);
    // Off-screen years skip rendering (content-visibility), which leaves axe no geometry for its
    // target-size check: render them all, as a reader scrolling through would.
    const axe = async () => {
      await page.evaluate(() =>
        document
          .querySelectorAll<HTMLElement>('.timeline__year')
          .forEach((y) => (y.style.contentVisibility = 'visible')),
      );
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag22aa', 'best-practice'])
        .analyze();
      return result.violations.map((v) => v.id);
    };
    await page.goto(server.root);
    expect(await axe()).toEqual([]);
    await page.goto(`${server.root}?year=${record.at(-1)?.year ?? ''}`);
    await settled(page);
    expect(await axe()).toEqual([]);
  });

  it('lists a large theme’s newest 50 agreements and links to all of them in search', async () => {
    const counts = new Map<string, number>();
    for (const r of record) for (const th of r.themes) counts.set(th, (counts.get(th) ?? 0) + 1);
    const [theme, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    expect(n).toBeGreaterThan(50);
    const html = readPage(`/themes/${theme}/`, dist);
    expect(html.querySelectorAll('#theme-agreements ~ .entry-list [data-entry-id]')).toHaveLength(50);
    const link = html.querySelector('.list-more a');
    expect(link?.text).toContain(`see all ${n}`);
    const { page, problems } = await watchedPage(browser);
    await page.goto(new URL(link?.getAttribute('href') ?? '', server.root).href);
    await page.locator('.search-result').first().waitFor();
    await expect(page.locator('[data-search-status]').textContent()).resolves.toContain(`${n} agreements`);
    expect(problems.consoleErrors).toEqual([]);
  });
});
