/**
 * The embeddable timeline in a real Chromium: /embed/timeline/ shows exactly what the full timeline
 * shows for the same query (expected sets computed from the content files), says so in one line, links
 * to the same view, and works without JavaScript; another origin may frame it but not the rest of the
 * site (as the served _headers say); the embed code on the timeline follows the filters and copies.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { useBuiltSite, watchedPage } from '../support/browser';
import { projectRoot } from '../../scripts/lib/project-root';
import { contentIds, distDir, readPage } from '../support/dist';
import { EMBED_DOCUMENTS } from '../support/embed';
import { serveSite, type SiteServer } from '../../scripts/lib/server';
import { compareDates, precisionOf, type PartialDate } from '../../src/lib/dates';
import { SEPARATOR } from '../../src/i18n/separator';

interface Front {
  title: string;
  themes: string[];
  type: string;
  date: { value: string };
  malaysianParties: string[];
  chineseParties: string[];
}
const front = (collection: string, id: string) =>
  parseYaml(
    readFileSync(join(projectRoot, 'content', collection, `${id}.mdx`), 'utf8').split(/^---$/m)[1] ?? '',
  ) as Front;
const agreements = contentIds('agreements').map((id) => ({ id, ...front('agreements', id) }));
const ids = (keep: (a: (typeof agreements)[number]) => boolean) =>
  agreements
    .filter(keep)
    .map((a) => a.id)
    .sort();
/** The date of a listed row, from its `datetime`. */
const dateOf = (listed: string): PartialDate => {
  const value = listed.split(' ')[0] ?? '';
  return { value, precision: precisionOf(value) ?? 'year' };
};
const themeTitle = (id: string) => front('themes', id).title;

const site = useBuiltSite();

async function shownIds(where: Page | Frame, selector: string): Promise<string[]> {
  return (
    await where
      .locator(`${selector}:visible`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-entry-id') ?? ''))
  ).sort();
}
const embedIds = (where: Page | Frame) => shownIds(where, '.embed-list [data-entry-id]');
const timelineIds = (page: Page) => shownIds(page, '.timeline [data-entry-id]');

/** Views as a reader might share them, with the agreements each must show. */
const views = [
  {
    query: '?theme=artificial-intelligence&year=2025',
    expected: ids((a) => a.themes.includes('artificial-intelligence') && a.date.value.startsWith('2025')),
    heading: (n: number) =>
      `${n} ${EMBED_DOCUMENTS}${SEPARATOR}theme: ${themeTitle('artificial-intelligence')}${SEPARATOR}2025`,
  },
  {
    query: '?theme=digital-economy&theme=trade-in-services&type=mou',
    expected: ids(
      (a) => (a.themes.includes('digital-economy') || a.themes.includes('trade-in-services')) && a.type === 'mou',
    ),
    heading: (n: number) =>
      `${n} ${EMBED_DOCUMENTS}${SEPARATOR}theme: ${themeTitle('digital-economy')} or ${themeTitle('trade-in-services')}${SEPARATOR}type: MoU`,
  },
  {
    query: '?cn=ndrc',
    expected: ids((a) => a.chineseParties.includes('ndrc')),
    heading: undefined,
  },
];

describe('the embed page', () => {
  it.each(views)('shows for $query exactly what the full timeline shows', async ({ query, expected, heading }) => {
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(agreements.length);
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.origin}/embed/timeline/${query}`);
    expect(await embedIds(page)).toEqual(expected);
    if (heading) await expect(page.locator('h1').textContent()).resolves.toBe(heading(expected.length));
    const full = page.getByRole('link', { name: 'Open the full timeline' });
    expect(await full.getAttribute('href')).toBe(`/${query}`);
    expect(await full.getAttribute('target')).toBe('_top');
    await page.goto(`${site.server.origin}/${query}`);
    expect(await timelineIds(page)).toEqual(expected);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });

  it('lists newest first, as a list without year headings must, before and after a filter', async () => {
    const { page } = await watchedPage(site.browser);
    /** The listed rows' dates, each as "2025-04-16 16 April 2025". */
    const dates = () =>
      page
        .locator('.embed-list [data-entry-id]:visible time')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('datetime') ?? ''} ${e.textContent.trim()}`));
    const newestFirst = (listed: string[]) =>
      listed.every((d, i) => {
        const previous = listed[i - 1];
        return previous === undefined || compareDates(dateOf(d), dateOf(previous)) <= 0;
      });
    await page.goto(`${site.server.origin}/embed/timeline/`);
    const all = await dates();
    expect(all.length).toBe(agreements.length);
    // The record spans several years and has days of one year: the order within a year is tested too.
    expect(new Set(all.map((d) => d.slice(0, 4))).size).toBeGreaterThan(1);
    expect(newestFirst(all), all.join('\n')).toBe(true);
    await page.goto(`${site.server.origin}/embed/timeline/?theme=digital-economy&theme=trade-in-services`);
    const filtered = await dates();
    expect(filtered.length).toBeGreaterThan(1);
    expect(newestFirst(filtered), filtered.join('\n')).toBe(true);
  });

  it('drops unknown names and values, keeping the rest, as the full timeline does', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.origin}/embed/timeline/?year=2024&theme=not-a-theme&colour=red&my=motac`);
    const expected = ids((a) => a.date.value.startsWith('2024') && a.malaysianParties.includes('motac'));
    expect(expected.length).toBeGreaterThan(0);
    expect(await embedIds(page)).toEqual(expected);
    const heading = await page.locator('h1').textContent();
    expect(heading).toMatch(
      new RegExp(
        `^${expected.length} ${EMBED_DOCUMENTS.slice(0, -1)}s?${SEPARATOR}2024${SEPARATOR}Malaysian party: .+$`,
      ),
    );
    expect(heading).not.toContain('not-a-theme');
    expect(await page.getByRole('link', { name: 'Open the full timeline' }).getAttribute('href')).toBe(
      '/?year=2024&my=motac',
    );
  });

  it('says so when nothing matches', async () => {
    const years = [...new Set(agreements.map((a) => a.date.value.slice(0, 4)))];
    const types = [...new Set(agreements.map((a) => a.type))];
    const empty = years
      .flatMap((year) => types.map((type) => ({ year, type })))
      .find(({ year, type }) => ids((a) => a.type === type && a.date.value.startsWith(year)).length === 0);
    expect(empty).toBeDefined();
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.origin}/embed/timeline/?year=${empty?.year}&type=${empty?.type}`);
    expect(await embedIds(page)).toEqual([]);
    expect(await page.getByText('No document in the record matches these filters.').isVisible()).toBe(true);
    expect(await page.locator('h1').textContent()).toMatch(new RegExp(`^0 ${EMBED_DOCUMENTS}${SEPARATOR}`));
  });

  it('without JavaScript lists every agreement and says why', async () => {
    const { page } = await watchedPage(site.browser, { javaScript: false });
    await page.goto(`${site.server.origin}/embed/timeline/?theme=artificial-intelligence`);
    expect(await embedIds(page)).toEqual(ids(() => true));
    expect(await page.locator('h1').textContent()).toBe(`${agreements.length} ${EMBED_DOCUMENTS}`);
    // Playwright turns scripts off without the parser's "scripting disabled" flag, so it never shows
    // <noscript>; a browser with JavaScript off does. Its note is in the page.
    expect(readPage('/embed/timeline/').querySelector('noscript')?.text).toContain('Filtering needs JavaScript');
  });

  it('tells a host page’s readers the day the record was built, as the site’s footer does', () => {
    const credit = readPage('/embed/timeline/').querySelector('.embed__credit');
    const siteDay = readPage('/').querySelector('.site-footer time');
    expect(credit?.querySelector('time')?.getAttribute('datetime')).toBe(siteDay?.getAttribute('datetime'));
    expect(credit?.text.replace(/\s+/g, ' ').trim()).toBe(
      `Malaysia–China Cooperation Tracker${SEPARATOR.replace(/\s+/g, ' ')}Last updated: ${siteDay?.text ?? ''}`,
    );
  });

  it('is kept out of search engines, the sitemap and the search index', () => {
    const html = readPage('/embed/timeline/');
    expect(html.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(html.querySelector('[data-pagefind-body]')).toBeNull();
    expect(readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8')).not.toContain('/embed/');
  });
});

describe('framing from another origin', () => {
  let other: SiteServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'embed-host-'));
    const frame = (path: string, title: string) =>
      `<iframe src="${site.server.origin}${path}" title="${title}" width="800" height="400"></iframe>`;
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><title>Host</title><body>${frame('/embed/timeline/?theme=artificial-intelligence', 'embed')}${frame('/', 'home')}</body></html>`,
    );
    other = await serveSite(dir);
  });
  afterAll(async () => {
    await other?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends /embed/ one policy that lets any site frame it, and every other page one that lets none', async () => {
    const policies = async (path: string) =>
      (await fetch(`${site.server.origin}${path}`)).headers.get('content-security-policy')?.split(',') ?? [];
    const embed = await policies('/embed/timeline/');
    expect(embed).toHaveLength(1);
    expect(embed[0]).toMatch(/; frame-ancestors \*$/);
    for (const path of ['/', '/about/', '/agreements/durian-phytosanitary-protocol-2024/']) {
      const other = await policies(path);
      expect(other).toHaveLength(1);
      expect(other[0]).toMatch(/; frame-ancestors 'none'$/);
    }
  });

  it('loads the embed in a frame on another origin, while the timeline page itself is refused', async () => {
    expect(new URL(other.origin).origin).not.toBe(site.server.origin);
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(other.root);
    const expected = ids((a) => a.themes.includes('artificial-intelligence'));
    await page.frameLocator('iframe[title="embed"]').locator('.embed-list [data-entry-id]:visible').first().waitFor();
    const frame = page.frames().find((f) => f.url().includes('/embed/timeline/'));
    expect(frame && (await embedIds(frame))).toEqual(expected);
    // Chromium replaces a refused frame's document with an error page: no timeline in it.
    expect(await page.frameLocator('iframe[title="home"]').locator('.timeline').count()).toBe(0);
    const log = problems.consoleErrors.join('\n');
    expect(log).toContain(`Framing '${site.server.origin}/' violates`);
    expect(log).toMatch(/frame-ancestors 'none'/);
    expect(log).not.toMatch(/Framing '[^']*\/embed\//);
  });

  it('opens an agreement from the frame in the whole window, not inside the frame', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(other.root);
    const link = page.frameLocator('iframe[title="embed"]').locator('.embed-list a:visible').first();
    const href = await link.getAttribute('href');
    await Promise.all([page.waitForURL(`${site.server.origin}${href}`), link.click()]);
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
  });
});

describe('the embed code on the timeline', () => {
  const code = (page: Page) => page.getByLabel('Embed code').inputValue();
  const frameSrc = async (page: Page) => {
    const match = /<iframe src="([^"]+)"/.exec(await code(page));
    return new URL((match?.[1] ?? '').replace(/&amp;/g, '&'));
  };

  it('carries the filters, and changes as the reader changes them', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(site.server.root);
    const first = await frameSrc(page);
    expect(first.pathname).toBe('/embed/timeline/');
    expect(first.search).toBe('');
    expect(await code(page)).toMatch(/ title="[^"]+" width="100%" height="\d+"/);
    await page.getByText('Filter the timeline').click();
    await page.getByRole('checkbox', { name: /^Artificial intelligence/ }).check();
    await page.getByRole('checkbox', { name: /^2025/ }).check();
    // The code and the address follow the filters once the timeline has painted: poll for them.
    await expect.poll(async () => (await frameSrc(page)).search).toBe('?theme=artificial-intelligence&year=2025');
    await expect.poll(() => new URL(page.url()).search).toBe('?theme=artificial-intelligence&year=2025');
    expect(await code(page)).toContain('?theme=artificial-intelligence&amp;year=2025');
    expect(await page.getByRole('link', { name: 'Preview the embedded timeline' }).getAttribute('href')).toBe(
      '/embed/timeline/?theme=artificial-intelligence&year=2025',
    );
    await page.goBack();
    await expect.poll(async () => (await frameSrc(page)).search).toBe('?theme=artificial-intelligence');
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await expect.poll(async () => (await frameSrc(page)).search).toBe('');
    expect(problems.consoleErrors).toEqual([]);
  });

  it('starts from a shared view’s filters, without the unknown ones', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}?year=2024&theme=not-a-theme&cn=ndrc`);
    await expect.poll(async () => (await frameSrc(page)).search).toBe('?year=2024&cn=ndrc');
  });

  it('points at the site’s public address, where the embed page is', async () => {
    const src = (await frameSrc(await openTimeline())).href;
    const canonical = readPage('/').querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
    expect(src).toBe(new URL('embed/timeline/', canonical).href);
  });

  it('copies the current code with the keyboard alone', async () => {
    const { page } = await watchedPage(site.browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    await page.goto(`${site.server.root}?theme=digital-economy`);
    await expect.poll(() => code(page)).toContain('?theme=digital-economy');
    const button = page.locator('#embed').getByRole('button', { name: 'Copy' });
    await button.focus();
    await page.keyboard.press('Enter');
    // The clipboard write is asynchronous: wait for the announcement rather than reading it at once.
    await expect.poll(() => page.locator('#embed [data-copy-status]').textContent()).toMatch(/^Copied/);
    const copied = await page.evaluate('navigator.clipboard.readText()');
    expect(copied).toBe(await code(page));
    expect(copied).toContain('?theme=digital-economy');
  });

  async function openTimeline(): Promise<Page> {
    const { page } = await watchedPage(site.browser);
    await page.goto(site.server.root);
    return page;
  }
});
