/**
 * The timeline at a size the real record will reach: 300 generated agreements (the benchmark's seeded
 * generator). The home page holds the newest years only and folds the rest, yet a filter still finds
 * every matching agreement in every year, with counts over the whole record, and a shared link to an
 * old year restores it. A theme page lists its newest agreements and links to all of them in search.
 * The embed page holds the newest agreements only, and a filtered embed still shows every match.
 * Expectations come from the generated content, not from the page.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateContent } from '../../scripts/bench/generate';
import { readProseCorpus } from '../../scripts/bench/prose';
import { t } from '../../src/i18n/ui';
import { compareDates, formatDate, type PartialDate } from '../../src/lib/dates';
import { EMBED_ITEMS } from '../../src/lib/embed';
import { launchBrowser } from '../../scripts/lib/chromium';
import { layOutEverything, watchedPage } from '../support/browser';
import { sortableDate } from '../support/dates';
import { projectRoot } from '../../scripts/lib/project-root';
import { readPage } from '../support/dist';
import { EMBED_DOCUMENTS } from '../support/embed';
import { copyProject, runAstro } from '../../scripts/lib/project-copy';
import { serveSite, type SiteServer } from '../../scripts/lib/server';
import { SEPARATOR } from '../../src/i18n/separator';

const SIZE = 300;

interface Expected {
  id: string;
  year: string;
  themes: string[];
}

/** An agreement's front matter as generated: what its embed row must show. */
interface Generated {
  shortTitle: string;
  type: string;
  date: PartialDate;
}

let dist: string;
let server: SiteServer;
let browser: Browser;
/** Every generated agreement in timeline order (newest year first, then by date), from the built index. */
let record: Expected[];
/** The generated files, by path ("agreements/<id>.mdx"). */
let files: Map<string, string>;
const frontMatter = <T>(path: string) => parseYaml(files.get(path)?.split(/^---$/m)[1] ?? '') as T;
const generated = (id: string) => frontMatter<Generated>(`agreements/${id}.mdx`);

beforeAll(async () => {
  const contentDir = join(projectRoot, '.tmp', 'timeline-scale-content');
  files = generateContent(SIZE, readProseCorpus(join(projectRoot, 'content')), 7).files;
  for (const [path, text] of files) {
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

  it('leads back up from an agreement of a folded year to a page that lists it', () => {
    const oldest = record.filter((r) => r.year === record.at(-1)?.year);
    expect(readPage('/', dist).querySelector(`[data-folded-year="${oldest[0]?.year ?? ''}"]`)).not.toBeNull();
    for (const { id } of oldest) {
      const up = readPage(`/agreements/${id}/`, dist).querySelectorAll('nav.breadcrumb a').at(-1);
      expect(up?.text).toBe(oldest[0]?.year);
      const [path = '', fragment] = (up?.getAttribute('href') ?? '').split('#');
      const listed = readPage(path, dist).querySelector(`${fragment ? `#${fragment} ` : ''}[data-entry-id="${id}"]`);
      expect(listed, id).not.toBeNull();
    }
  });

  it('finds every agreement with a theme, in every year, and counts over the whole record', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(server.root);
    const theme = record.at(-1)?.themes[0] ?? '';
    await page.locator('[data-filter-toggle]').click();
    await page.locator(`input[name=theme][value="${theme}"]`).check();
    await settled(page);
    const expected = record.filter((r) => r.themes.includes(theme)).map((r) => r.id);
    expect(expected.some((id) => record.findIndex((r) => r.id === id) > 150)).toBe(true);
    expect(await visibleIds(page)).toEqual(expected);
    await expect(page.locator('[data-filter-status]').textContent()).resolves.toBe(
      `${expected.length} of ${SIZE} documents shown`,
    );
    // The count beside a year box: that year's agreements with the theme, folded years included.
    const oldest = record.at(-1)?.year ?? '';
    const inOldest = record.filter((r) => r.year === oldest && r.themes.includes(theme)).length;
    await expect(page.locator(`[data-count-for="year=${oldest}"]`).textContent()).resolves.toBe(`(${inOldest})`);
    // Rows loaded from a year page, where events are h2, take the home page's levels under each year's h2.
    const levels = await page
      .locator('.timeline__event > :is(h2, h3, h4), .entry__title')
      .evaluateAll((els) => [...new Set(els.map((e) => `${e.className || 'event'}:${e.tagName}`))].sort());
    expect(levels).toEqual(['entry__title:H4', 'event:H3']);
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
    await expect.poll(() => page.url()).toBe(server.root);
  });

  it('has no accessibility violations with years folded, and none once a filter opens them', async () => {
    const { page } = await watchedPage(browser);
    // Off-screen years and rows skip rendering, which leaves axe no geometry for its target-size check.
    const axe = async () => {
      await layOutEverything(page);
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
    const listed = html
      .querySelectorAll('#theme-agreements ~ .entry-list [data-entry-id]')
      .map((el) => el.getAttribute('data-entry-id') ?? '');
    expect(listed).toHaveLength(50);
    // The newest: no agreement of the theme left off the page is dated after one listed.
    const ofTheme = record.filter((r) => r.themes.includes(theme));
    const dateOf = (r: Expected) => sortableDate(generated(r.id).date.value);
    const oldestListed =
      ofTheme
        .filter((r) => listed.includes(r.id))
        .map(dateOf)
        .sort()[0] ?? '';
    const unlisted = ofTheme.filter((r) => !listed.includes(r.id)).map(dateOf);
    expect(unlisted.filter((date) => date > oldestListed)).toEqual([]);
    const link = html.querySelector('.list-more a');
    expect(link?.text).toContain(`see all ${n}`);
    const { page, problems } = await watchedPage(browser);
    await page.goto(new URL(link?.getAttribute('href') ?? '', server.root).href);
    await page.locator('.search-result').first().waitFor();
    await expect(page.locator('[data-search-status]').textContent()).resolves.toContain(`${n} documents`);
    expect(problems.consoleErrors).toEqual([]);
  });
});

describe(`the embed with ${SIZE} agreements`, () => {
  const embed = (query = '') => `${server.root}embed/timeline/${query}`;
  /** The agreements the frame lists, in order. */
  const listed = (page: Page) =>
    page
      .locator('.embed-list [data-entry-id]:visible')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-entry-id') ?? ''));
  // The script marks the list busy before the page's load event, and unmarks it once every row is in.
  const loaded = (page: Page) =>
    page.waitForFunction(() => !document.querySelector('.embed-list')?.hasAttribute('aria-busy'));
  /** Each listed row as a reader sees it, to compare with the generated content. */
  const rows = (page: Page) =>
    page.locator('.embed-list [data-entry-id]:visible').evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-entry-id') ?? '',
        datetime: e.querySelector('time')?.getAttribute('datetime'),
        date: e.querySelector('time')?.textContent.trim(),
        type: e.querySelector('.embed-list__type')?.textContent.trim(),
        title: e.querySelector('.embed-list__title')?.textContent.trim(),
        href: e.querySelector('.embed-list__title')?.getAttribute('href'),
        target: e.querySelector('.embed-list__title')?.getAttribute('target'),
      })),
    );
  const expectedRow = (id: string) => {
    const { shortTitle, type, date } = generated(id);
    return {
      id,
      datetime: date.value,
      date: formatDate(date),
      type: t(`type.${type}` as Parameters<typeof t>[0]),
      title: shortTitle,
      href: `/agreements/${id}/`,
      target: '_top',
    };
  };
  /** Whether no agreement of `ids` is dated after the one before it. */
  const newestFirst = (ids: string[]) =>
    ids.every((id, i) => {
      const previous = ids[i - 1];
      return previous === undefined || compareDates(generated(id).date, generated(previous).date) <= 0;
    });
  /** Checks that the frame lists exactly `expected`, newest first, each row as generated. */
  const expectListed = async (page: Page, expected: string[]) => {
    const ids = await listed(page);
    expect([...ids].sort()).toEqual([...expected].sort());
    expect(newestFirst(ids)).toBe(true);
    expect(await rows(page)).toEqual(ids.map(expectedRow));
  };
  const onPage = () =>
    readPage('/embed/timeline/', dist)
      .querySelectorAll('.embed-list [data-entry-id]')
      .map((el) => el.getAttribute('data-entry-id') ?? '');

  it(`holds only the newest ${EMBED_ITEMS} agreements, newest first, and says the rest are left out`, () => {
    const ids = onPage();
    expect(ids).toHaveLength(EMBED_ITEMS);
    expect(EMBED_ITEMS).toBeLessThan(SIZE / 4);
    expect(newestFirst(ids)).toBe(true);
    // The newest: no agreement left out is dated after any listed one.
    const shown = new Set(ids);
    const dates = (keep: (r: Expected) => boolean) => record.filter(keep).map((r) => generated(r.id).date);
    const oldestShown = dates((r) => shown.has(r.id)).sort(compareDates)[0];
    const newestLeft = dates((r) => !shown.has(r.id))
      .sort(compareDates)
      .at(-1);
    expect(oldestShown && newestLeft && compareDates(newestLeft, oldestShown)).toBeLessThanOrEqual(0);
    // Much lighter than every agreement (140 KB at 300, 3.7 MB at 3,000), and the same at any size.
    expect(statSync(join(dist, 'embed/timeline/index.html')).size).toBeLessThan(50_000);

    const html = readPage('/embed/timeline/', dist);
    expect(html.querySelector('h1')?.text.trim()).toBe(`${SIZE} ${EMBED_DOCUMENTS}`);
    const more = html.querySelector('[data-embed-more] a');
    expect(more?.text.trim()).toBe(
      `The newest ${EMBED_ITEMS} of ${SIZE} documents are listed here; see all ${SIZE} on the full timeline`,
    );
    expect(more?.getAttribute('href')).toBe('/');
    expect(more?.getAttribute('target')).toBe('_top');
    expect(html.querySelector('noscript')?.text).toContain(`the newest ${EMBED_ITEMS} documents`);
  });

  it('finds every agreement with a theme in the whole record, newest first, with the count in its heading', async () => {
    const { page, problems } = await watchedPage(browser);
    const theme = record.at(-1)?.themes[0] ?? '';
    const expected = record.filter((r) => r.themes.includes(theme)).map((r) => r.id);
    const built = new Set(onPage());
    // Matches on the page and far older ones: the filter must load the second kind.
    expect(expected.some((id) => built.has(id))).toBe(true);
    expect(expected.filter((id) => !built.has(id)).length).toBeGreaterThan(EMBED_ITEMS / 2);
    await page.goto(embed(`?theme=${theme}`));
    await loaded(page);
    await expectListed(page, expected);
    const title = frontMatter<{ title: string }>(`themes/${theme}.mdx`).title;
    await expect(page.locator('h1').textContent()).resolves.toBe(
      `${expected.length} ${EMBED_DOCUMENTS}${SEPARATOR}theme: ${title}`,
    );
    await expect(page.locator('[data-embed-more]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-embed-none]').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('link', { name: 'Open the full timeline' }).getAttribute('href')).resolves.toBe(
      `/?theme=${theme}`,
    );
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });

  it('restores a shared link to the oldest year, loading the facet index and that year’s rows only', async () => {
    const { page, problems } = await watchedPage(browser);
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'fetch') fetched.push(new URL(request.url()).pathname);
    });
    const oldest = record.at(-1)?.year ?? '';
    const expected = record.filter((r) => r.year === oldest).map((r) => r.id);
    expect(expected.some((id) => onPage().includes(id))).toBe(false);
    await page.goto(embed(`?year=${oldest}&colour=red`));
    await loaded(page);
    await expectListed(page, expected);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      `${expected.length} ${EMBED_DOCUMENTS}${SEPARATOR}${oldest}`,
    );
    expect(fetched.sort()).toEqual([`/embed/timeline/${oldest}.json`, '/timeline/facets.json']);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('says so when nothing in the whole record matches', async () => {
    const { page } = await watchedPage(browser);
    // A theme and an old year (one the page lacks) that no agreement has together.
    const themes = [...new Set(record.flatMap((r) => r.themes))];
    const years = [...new Set(record.map((r) => r.year))].reverse();
    const empty = years
      .flatMap((year) => themes.map((theme) => ({ year, theme })))
      .find(({ year, theme }) => !record.some((r) => r.year === year && r.themes.includes(theme)));
    expect(empty).toBeDefined();
    await page.goto(embed(`?year=${empty?.year ?? ''}&theme=${empty?.theme ?? ''}`));
    await loaded(page);
    expect(await listed(page)).toEqual([]);
    await expect(page.locator('[data-embed-none]').isVisible()).resolves.toBe(true);
    await expect(page.locator('h1').textContent()).resolves.toMatch(new RegExp(`^0 ${EMBED_DOCUMENTS}${SEPARATOR}`));
  });

  it('without JavaScript lists the newest agreements, as built', async () => {
    const { page } = await watchedPage(browser, { javaScript: false });
    await page.goto(embed(`?year=${record.at(-1)?.year ?? ''}`));
    expect(await listed(page)).toEqual(onPage());
    await expect(page.locator('h1').textContent()).resolves.toBe(`${SIZE} ${EMBED_DOCUMENTS}`);
    await expect(page.locator('[data-embed-more]').isVisible()).resolves.toBe(true);
  });

  it('has no accessibility violations, as built and once a filter loads older agreements', async () => {
    const { page } = await watchedPage(browser);
    const axe = async () => {
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag22aa', 'best-practice'])
        .analyze();
      return result.violations.map((v) => v.id);
    };
    await page.goto(embed());
    expect(await axe()).toEqual([]);
    await page.goto(embed(`?theme=${record.at(-1)?.themes[0] ?? ''}`));
    await loaded(page);
    expect(await axe()).toEqual([]);
  });
});
