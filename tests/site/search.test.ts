/** Search in a real Chromium against the built site: results, highlighting, URL state and failure. */
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watchedPage } from '../support/browser';

const site = useBuiltSite();

/** Runs a query the way a reader does: types it in the header box and presses Enter. */
async function searchFromHome(query: string) {
  const watched = await watchedPage(site.browser);
  await watched.page.goto(site.server.root);
  await watched.page.getByRole('combobox', { name: /search agreements/i }).fill(query);
  await watched.page.keyboard.press('Enter');
  await watched.page.waitForURL(/\/search\/\?q=/);
  await watched.page.locator('.search-result').first().waitFor();
  return watched;
}

describe('search', () => {
  it('finds both NDRC memoranda for "NDRC", with title, date, type and a highlighted excerpt', async () => {
    const { page, problems } = await searchFromHome('NDRC');
    const hrefs = await page.locator('.search-result h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/agreements/digital-economy-ndrc-mou-2025/',
        '/agreements/artificial-intelligence-ndrc-mou-2025/',
      ]),
    );
    const first = page
      .locator('.search-result')
      .filter({ has: page.locator('a[href*="ndrc-mou-2025"]') })
      .first();
    await expect(first.locator('.entry__meta').textContent()).resolves.toMatch(
      /Document\u00a0· 16 April 2025\u00a0· MoU/,
    );
    expect(await page.locator('.search-result mark').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('NDRC');
    expect(await page.locator('#page-search').inputValue()).toBe('NDRC');
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/\d+ results? for “NDRC”/);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    expect([...problems.requestOrigins]).toEqual([site.server.origin]);
  });

  it('restores results from a shared URL', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}search/?q=${encodeURIComponent('single window')}`);
    await page.locator('.search-result').first().waitFor();
    const hrefs = await page.locator('.search-result h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.slice(0, 3)).toContain('/agreements/single-window-joint-statement-2024/');
  });

  it('says so when nothing matches', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}search/?q=zzqqxxnothing`);
    await page.getByText(/No results for “zzqqxxnothing”/).waitFor();
    expect(await page.locator('.search-result').count()).toBe(0);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('counts a ticked facet’s other values by what ticking them adds, as the timeline does', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}search/?type=Protocol`);
    const status = page.locator('[data-search-status]');
    await status.filter({ hasText: /^\d+ / }).waitFor();
    const total = () => status.textContent().then((text) => Number(/\d+/.exec(text ?? '')?.[0]));
    const before = await total();
    const mou = page.locator('[data-facet="type"] label').filter({ hasText: /^MoU / });
    const shown = Number(/\((\d+)\)/.exec((await mou.textContent()) ?? '')?.[1]);
    expect(shown).toBeGreaterThan(0);
    await mou.locator('input').check();
    await expect.poll(total).toBe(before + shown);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('lists only the facet values some result has, so a phone shows the ones that matter', async () => {
    const { page } = await watchedPage(site.browser, { width: 375 });
    await page.goto(`${site.server.root}search/?q=visa`);
    await page
      .locator('[data-search-status]')
      .filter({ hasText: /results? for “visa”/ })
      .waitFor();
    // On a phone the facets are folded under one button until the reader opens them.
    await page.getByRole('button', { name: /Narrow the documents/ }).click();
    const visible = await page
      .locator('[data-facet="theme"] label')
      .evaluateAll((labels) => labels.filter((l) => l.checkVisibility()).map((l) => l.textContent.trim()));
    expect(visible).toContain('Travel and visas (3)');
    for (const label of visible) expect(label).not.toMatch(/\(0\)$/);
    // Its box shows it without scrolling.
    const box = await page.locator('[data-facet="theme"] ul').boundingBox();
    const travel = await page.locator('[data-facet="theme"] label', { hasText: 'Travel and visas' }).boundingBox();
    expect(box && travel && travel.y + travel.height <= box.y + box.height).toBe(true);
  });

  it('says which filters leave nothing when there is no query, without empty quotation marks', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}search/?type=Protocol&year=2025`);
    const status = page.locator('[data-search-status]');
    await status.filter({ hasText: /filters/ }).waitFor();
    await expect(status.textContent()).resolves.toBe(
      'No document matches these filters. Remove a filter, or browse instead:',
    );
  });

  it('explains the failure and links to the timeline when the index cannot load', async () => {
    const { page } = await watchedPage(site.browser);
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(`${site.server.root}search/?q=NDRC`);
    await page.getByText(/could not be loaded/).waitFor();
    expect(await page.getByRole('link', { name: 'Go to the timeline' }).isVisible()).toBe(true);
  });

  it('loads no search code or index on a page that is only read', async () => {
    const { page } = await watchedPage(site.browser);
    const before = site.server.log.length;
    await page.goto(`${site.server.root}agreements/digital-economy-ndrc-mou-2025/`);
    await page.waitForLoadState('networkidle');
    const fetched = site.server.log.slice(before).map((r) => r.path);
    expect(fetched.some((p) => p.includes('pagefind'))).toBe(false);
  });
});
