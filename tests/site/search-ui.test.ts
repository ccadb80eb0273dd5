/**
 * The search interface in a real Chromium against dist/: facets and their counts, date order, URL state,
 * the no-results and failure states, the header panel's keyboard behaviour, loading on intent only,
 * and what the first and a later query cost (bytes from the server's log, latency in the site.browser).
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite, watchedPage } from '../support/browser';
import { SEPARATOR } from '../../src/i18n/separator';
import { PANEL_RESULTS } from '../../src/lib/search-config';

const site = useBuiltSite();

/** Agreement ids of the results on /search/, in order. */
function resultIds(page: Page): Promise<string[]> {
  return page
    .locator('.search-result h2 a')
    .evaluateAll((as) => as.map((a) => /\/agreements\/([^/]+)\//.exec(a.getAttribute('href') ?? '')?.[1] ?? '?'));
}

async function openSearch(query: string) {
  const watched = await watchedPage(site.browser);
  await watched.page.goto(`${site.server.root}search/${query}`);
  // Attached, not visible: a search that finds nothing hides its facets once it has searched.
  await watched.page.locator('[data-search-facets]:not([hidden])').waitFor({ state: 'attached' });
  await watched.page.locator('[data-search-status]:not(:text("Searching"))').waitFor();
  return watched;
}

/** Waits until the status names a new outcome, after an action that changes the search. */
async function afterChange(page: Page, action: () => Promise<unknown>) {
  const before = await page.locator('.search-result h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const url = page.url();
  await action();
  await page.waitForFunction(
    ([prev, prevUrl]) =>
      window.location.href !== prevUrl &&
      JSON.stringify([...document.querySelectorAll('.search-result h2 a')].map((a) => a.getAttribute('href'))) !== prev,
    [JSON.stringify(before), url] as const,
  );
}

describe("/search/'s facets, folded on a phone and open beside the results on a wide screen", () => {
  it('folds the facets under one button that counts what is ticked, so the results follow it', async () => {
    const { page, problems } = await watchedPage(site.browser, { width: 375 });
    await page.goto(`${site.server.root}search/?theme=mobility-visas&year=2025`);
    await page.locator('.search-result').first().waitFor();
    const toggle = page.getByRole('button', { name: 'Narrow the documents (2 ticked)' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByRole('group', { name: 'Theme' }).isVisible()).resolves.toBe(false);
    // The first result is on the first screen, not below five boxes of checkboxes.
    const resultTop = await page
      .locator('.search-result')
      .first()
      .evaluate((el) => el.getBoundingClientRect().top);
    expect(resultTop).toBeLessThan(900);

    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    const travel = page.getByRole('group', { name: 'Theme' }).getByRole('checkbox', { name: /Travel and visas/ });
    await expect(travel.isVisible()).resolves.toBe(true);
    await expect(travel.isChecked()).resolves.toBe(true);
    await afterChange(page, () => travel.uncheck());
    await expect(page.getByRole('button', { name: 'Narrow the documents (1 ticked)' }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: /Narrow the documents/ }).click();
    await expect(page.getByRole('group', { name: 'Theme' }).isVisible()).resolves.toBe(false);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('opens the facets at 320 px as full lists one under another: nothing scrolls inside a box or sideways', async () => {
    const { page } = await watchedPage(site.browser, { width: 320 });
    await page.goto(`${site.server.root}search/`);
    await page.locator('.search-result').first().waitFor();
    await page.getByRole('button', { name: 'Narrow the documents' }).click();
    const layout = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('.search-facet')].map((el) => el.getBoundingClientRect());
      const lists = [...document.querySelectorAll<HTMLElement>('.search-facet ul')];
      return {
        boxes: boxes.length,
        stacked: boxes.every((box, i) => i === 0 || box.top >= (boxes[i - 1]?.bottom ?? Infinity)),
        listsThatScroll: lists.filter((ul) => ul.scrollHeight > ul.clientHeight || ul.scrollWidth > ul.clientWidth)
          .length,
        pageWiderThanScreen: document.documentElement.scrollWidth > window.innerWidth,
      };
    });
    expect(layout).toEqual({ boxes: 5, stacked: true, listsThatScroll: 0, pageWiderThanScreen: false });
  });

  it('keeps the facets open beside the results on a wide screen, with no button to fold them', async () => {
    const { page } = await watchedPage(site.browser, { width: 1280 });
    await page.goto(`${site.server.root}search/?theme=mobility-visas`);
    await page.locator('.search-result').first().waitFor();
    await expect(page.getByRole('button', { name: /Narrow the documents/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'Narrow the documents', level: 2 }).isVisible()).resolves.toBe(true);
    // The ticked value is scrolled into its box's view, not left below the box's fold.
    await expect(page.getByRole('checkbox', { name: /Travel and visas/ }).isVisible()).resolves.toBe(true);
    const inBox = await page.getByRole('checkbox', { name: /Travel and visas/ }).evaluate((box) => {
      const list = box.closest('ul')?.getBoundingClientRect();
      const row = box.closest('li')?.getBoundingClientRect();
      return !!list && !!row && row.top >= list.top && row.bottom <= list.bottom;
    });
    expect(inBox).toBe(true);
  });

  it('fits a box of a few values to them on a wide screen, with no empty rows below and nothing to scroll', async () => {
    const { page } = await watchedPage(site.browser, { width: 1280 });
    await page.goto(`${site.server.root}search/`);
    await page.locator('.search-result').first().waitFor();
    const year = page.getByRole('group', { name: 'Year' });
    await expect.poll(() => year.getByRole('checkbox').count()).toBeGreaterThan(0);
    const fit = await year.locator('ul').evaluate((list) => {
      const items = [...list.querySelectorAll('li')];
      const bottom = Math.max(...items.map((li) => li.getBoundingClientRect().bottom));
      return {
        empty: Math.round(list.getBoundingClientRect().bottom - bottom),
        scrolls: list.scrollHeight > list.clientHeight,
      };
    });
    expect(fit.scrolls).toBe(false);
    expect(fit.empty).toBeLessThan(8);
  });
});

describe('the search page', () => {
  it('names its own box apart from the header’s, so a list of the page’s fields tells them apart', async () => {
    const { page } = await openSearch('');
    const names = await page
      .getByRole('main')
      .getByRole('searchbox')
      .or(page.getByRole('banner').getByRole('combobox'))
      .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ''));
    expect(names).toHaveLength(2);
    expect(names.every((name) => name.length > 0)).toBe(true);
    expect(new Set(names).size).toBe(2);
  });

  it('browses every agreement, newest first, ten at a time, with facet counts, when the query is empty', async () => {
    const { page, problems } = await openSearch('');
    expect(await resultIds(page)).toHaveLength(10);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^22 documents.*Showing 10 of 22/);
    const year = page.getByRole('group', { name: 'Year' });
    await expect(year.getByText('2025').locator('..').textContent()).resolves.toMatch(/2025 \(7\)/);
    // "Show more" appends the next ten, keeps the first ten, and moves focus to the first new result.
    const firstTen = await resultIds(page);
    await page.getByRole('button', { name: 'Show 10 more results' }).press('Enter');
    await page.locator('.search-result').nth(19).waitFor();
    expect((await resultIds(page)).slice(0, 10)).toEqual(firstTen);
    const eleventh = await page.locator('.search-result h2 a').nth(10).getAttribute('href');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(eleventh);
    await page.getByRole('button', { name: 'Show 2 more results' }).click();
    await page.locator('.search-result').nth(21).waitFor();
    const ids = await resultIds(page);
    expect(new Set(ids).size).toBe(22);
    expect(ids.indexOf('visa-exemption-agreement-2025')).toBeLessThan(ids.indexOf('joint-statement-2024'));
    expect(await page.locator('[data-search-more]').isHidden()).toBe(true);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^22 documents\. Type/);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });

  it('narrows to exactly the expected agreements as facets are ticked, and keeps them in the URL', async () => {
    const { page, problems } = await openSearch('');
    await afterChange(page, () => page.getByRole('checkbox', { name: /^Artificial intelligence/ }).check());
    // The three agreements whose themes include artificial-intelligence (content/agreements).
    expect((await resultIds(page)).sort()).toEqual([
      'artificial-intelligence-ndrc-mou-2025',
      'digital-economy-investment-mou-2024',
      'mdec-zhejiang-university-letter-of-intent-2025',
    ]);
    expect(new URL(page.url()).searchParams.getAll('theme')).toEqual(['Artificial intelligence']);
    // Of those, the MoUs (the third is a letter of intent).
    await afterChange(page, () => page.getByRole('group', { name: 'Document type' }).getByLabel(/^MoU/).check());
    expect((await resultIds(page)).sort()).toEqual([
      'artificial-intelligence-ndrc-mou-2025',
      'digital-economy-investment-mou-2024',
    ]);
    expect(new URL(page.url()).searchParams.getAll('type')).toEqual(['MoU']);
    await expect(
      page
        .getByRole('group', { name: 'Document type' })
        .getByLabel(/^MoU/)
        .evaluate((box) => document.activeElement === box),
    ).resolves.toBe(true);
    // Chinese party NDRC: only the AI MoU of April 2025 remains.
    await afterChange(page, () =>
      page
        .getByRole('group', { name: 'Chinese party' })
        .getByLabel(/^National Development and Reform Commission \(NDRC\)/)
        .check(),
    );
    expect(new URL(page.url()).searchParams.getAll('cn')).toEqual(['NDRC']);
    expect(await resultIds(page)).toEqual(['artificial-intelligence-ndrc-mou-2025']);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('filters a query by year and Malaysian party', async () => {
    const { page } = await openSearch('?q=visa&year=2025');
    // Of the two visa documents, only the agreement is from 2025.
    expect(await resultIds(page)).toEqual(['visa-exemption-agreement-2025']);
    const { page: other } = await openSearch('?q=MOFCOM&my=MITI&year=2025');
    // MITI–MOFCOM documents of 2025: the trade in services and twin parks MoUs.
    expect((await resultIds(other)).sort()).toEqual([
      'trade-in-services-mou-2025',
      'two-countries-twin-parks-mou-2025',
    ]);
  });

  it('names each party in full in its facet, while shared links keep the short value', async () => {
    const { page } = await openSearch('?my=KDN');
    const malaysian = page.getByRole('group', { name: 'Malaysian party' });
    // content/actors.yaml: KDN is the Ministry of Home Affairs (Malaysia), whose brackets take the abbreviation.
    expect(await malaysian.getByLabel(/^Ministry of Home Affairs \(Malaysia, KDN\) \(3\)$/).isChecked()).toBe(true);
    // The three documents whose Malaysian party is KDN (content/agreements).
    expect((await resultIds(page)).sort()).toEqual([
      'transnational-crime-agreement-2024',
      'visa-exemption-agreement-2025',
      'visa-exemption-letter-of-intent-2024',
    ]);
  });

  it('reads a filter given as the timeline’s links give it, by id, as the value it names', async () => {
    // The timeline's links carry ids (?theme=mobility-visas); pasted into a search link, they still find.
    const { page } = await openSearch('?theme=mobility-visas&type=agreement&my=ministry-of-home-affairs-malaysia');
    const ticked = (group: string, label: RegExp) =>
      page.getByRole('group', { name: group }).getByLabel(label).isChecked();
    expect(await ticked('Theme', /^Travel and visas/)).toBe(true);
    expect(await ticked('Document type', /^Agreement/)).toBe(true);
    expect(await ticked('Malaysian party', /, KDN\)/)).toBe(true);
    // The one KDN agreement on visas (content/agreements).
    expect(await resultIds(page)).toEqual(['visa-exemption-agreement-2025']);
  });

  it('offers every facet’s values in the timeline filters’ order, one for one', async () => {
    const { page } = await openSearch('');
    const withoutCount = (texts: string[]) => texts.map((text) => text.trim().replace(/\s*\(\d+\)$/, ''));
    const search = await page
      .locator('.search-facet')
      .evaluateAll((sets) => sets.map((set) => [...set.querySelectorAll('label')].map((l) => l.textContent ?? '')));
    const timeline = await watchedPage(site.browser);
    await timeline.page.goto(site.server.root);
    const home = await timeline.page
      .locator('.filters__group')
      .evaluateAll((sets) => sets.map((set) => [...set.querySelectorAll('label')].map((l) => l.textContent ?? '')));
    expect(search).toHaveLength(5);
    expect(home).toHaveLength(5);
    search.forEach((labels, i) => {
      const theirs = withoutCount(home[i] ?? []);
      const ours = withoutCount(labels);
      expect(ours).toHaveLength(theirs.length);
      // A party reads the same, with its abbreviation added: "Ministry of Commerce … (MOFCOM)", or inside the
      // brackets a name already ends with: "Ministry of Finance (Malaysia, MOF)".
      const opening = (name = '?') => (name.endsWith(')') ? `${name.slice(0, -1)}, ` : name);
      ours.forEach((label, j) =>
        expect(label === theirs[j] || label.startsWith(opening(theirs[j])), `${label} / ${theirs[j]}`).toBe(true),
      );
    });
  });

  it('lets a keyboard user skip the filters straight to the results', async () => {
    const { page } = await openSearch('');
    await page.locator('#search-sort').focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip the filters, to the results' });
    await expect(skip.evaluate((a) => document.activeElement === a)).resolves.toBe(true);
    // Visible while focused, so a sighted keyboard user sees where Enter goes.
    expect((await skip.boundingBox())?.width).toBeGreaterThan(50);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('.search-result') !== null);
    expect(focused).toBe(true);
  });

  it('orders by date, newest or oldest first, a month or a year after the days it holds, as the timeline does', async () => {
    const { page } = await openSearch('?q=MITI&sort=oldest');
    // The last day each shown date may stand for: "16 April 2025" itself, "April 2025" the 30th, "2025" 31 December.
    const dates = async () =>
      (await page.locator('.search-result .entry__meta').allTextContents()).flatMap((text) => {
        const shown = /(?:(\d{1,2}) )?(?:([A-Z][a-z]+) )?(\d{4})/.exec(text.split(SEPARATOR)[1] ?? '');
        if (!shown) return [];
        const [, day, month, year] = shown;
        const m = month ? new Date(`1 ${month} 2000`).getMonth() : 11;
        // Day 0 of the next month is the last day of this one.
        return [day ? Date.UTC(Number(year), m, Number(day)) : Date.UTC(Number(year), m + 1, 0)];
      });
    const oldest = await dates();
    expect(oldest.length).toBeGreaterThanOrEqual(7);
    // The date order leaves out pages without a date (bodies, themes), and the status says so and how many.
    const { page: relevance } = await openSearch('?q=MITI');
    const all = Number(/^(\d+) results/.exec((await relevance.getByRole('status').textContent()) ?? '')?.[1]);
    expect(all).toBeGreaterThan(oldest.length);
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      `${oldest.length} results for “MITI” that have a date. ${all - oldest.length} more have no date and are listed only under “Most relevant first”.`,
    );
    expect(await page.locator('.search-result').count()).toBe(oldest.length);
    expect(oldest).toEqual([...oldest].sort((a, b) => a - b));
    await afterChange(page, () => page.getByLabel('Order').selectOption('newest'));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('newest');
    const newest = await dates();
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
  });

  it('says "Newest first" while browsing without a query, and still ranks the query typed next by relevance', async () => {
    const { page, problems } = await openSearch('');
    const order = page.getByLabel('Order');
    expect(await order.inputValue()).toBe('newest');
    await expect(order.locator('option', { hasText: 'Most relevant first' }).isDisabled()).resolves.toBe(true);
    await afterChange(page, async () => {
      await page.locator('#page-search').fill('MITI');
      await page.locator('#page-search').press('Enter');
    });
    expect(new URL(page.url()).searchParams.has('sort')).toBe(false);
    expect(await order.inputValue()).toBe('relevance');
    // A relevance order counts every kind of page, where a date order counts only the dated ones.
    await expect(page.getByRole('status').textContent()).resolves.not.toMatch(/that have a date/);
    // An order the reader picks while browsing is theirs, and stays with the next query.
    await afterChange(page, async () => {
      await page.locator('#page-search').fill('');
      await page.locator('#page-search').press('Enter');
    });
    expect(await order.inputValue()).toBe('newest');
    await afterChange(page, () => order.selectOption('oldest'));
    await afterChange(page, () => order.selectOption('newest'));
    await afterChange(page, async () => {
      await page.locator('#page-search').fill('MITI');
      await page.locator('#page-search').press('Enter');
    });
    expect(new URL(page.url()).searchParams.get('sort')).toBe('newest');
    expect(problems.consoleErrors).toEqual([]);
  });

  it('ranks by relevance a query the browser sends itself, when the search could not load', async () => {
    const { page } = await watchedPage(site.browser);
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(`${site.server.root}search/`);
    await page.getByText(/could not be loaded/).waitFor();
    await page.locator('#page-search').fill('MITI');
    await Promise.all([page.waitForURL(/q=MITI/), page.locator('#page-search').press('Enter')]);
    // The page's own "Newest first" is never sent as if the reader had chosen it.
    expect(new URL(page.url()).searchParams.get('sort')).not.toBe('newest');
  });

  it('offers "Clear all filters" only while a filter is ticked', async () => {
    const { page } = await openSearch('');
    const clear = page.getByRole('link', { name: 'Clear all filters' });
    await expect(clear.isHidden()).resolves.toBe(true);
    await afterChange(page, () => page.getByRole('group', { name: 'Document type' }).getByLabel(/^MoU/).check());
    await expect(clear.isVisible()).resolves.toBe(true);
    await afterChange(page, () => clear.press('Enter'));
    await expect(clear.isHidden()).resolves.toBe(true);
    // The keyboard's place is not lost with the link: it moves on to the results.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-results');
    expect(await page.getByRole('group', { name: 'Document type' }).getByLabel(/^MoU/).isChecked()).toBe(false);
  });

  it('restores query, filters and order from a shared URL', async () => {
    const { page } = await openSearch(`?q=${encodeURIComponent('人工智能')}&type=MoU&sort=newest`);
    expect(await page.locator('#page-search').inputValue()).toBe('人工智能');
    expect(await page.getByLabel('Order').inputValue()).toBe('newest');
    expect(await page.getByRole('group', { name: 'Document type' }).getByLabel(/^MoU/).isChecked()).toBe(true);
    // AI-theme agreements that are MoUs: the NDRC AI MoU (2025) before the digital economy investment MoU (2024).
    expect(await resultIds(page)).toEqual([
      'artificial-intelligence-ndrc-mou-2025',
      'digital-economy-investment-mou-2024',
    ]);
  });

  it('says how many results of each kind it found, which are the results it lists', async () => {
    const { page } = await openSearch('?q=visa');
    const status = (await page.getByRole('status').textContent()) ?? '';
    const [, total, kinds] = /^(\d+) results for “visa”: (.+)\.$/.exec(status) ?? [];
    // Each kind as the status counts it, and as each result's meta line names it.
    const phrases = {
      Document: /(\d+) documents?\b/,
      Theme: /(\d+) themes?\b/,
      Event: /(\d+) events?\b/,
      'Body or person': /(\d+) (?:bodies or people|body or person)\b/,
    };
    const said = Object.fromEntries(
      Object.entries(phrases).flatMap(([label, pattern]) => {
        const n = pattern.exec(kinds ?? '')?.[1];
        return n ? [[label, Number(n)]] : [];
      }),
    );
    expect(await page.locator('[data-search-more]').isHidden()).toBe(true);
    const listed: Record<string, number> = {};
    for (const meta of await page.locator('.search-result .entry__meta').allTextContents()) {
      const label = meta.split(SEPARATOR)[0] ?? '';
      listed[label] = (listed[label] ?? 0) + 1;
    }
    expect(said).toEqual(listed);
    expect(Object.keys(said).length).toBeGreaterThan(1);
    expect(Object.values(said).reduce((a, b) => a + b, 0)).toBe(Number(total));
  });

  it('shows the result’s kind, date, type badge, themes and a highlighted excerpt', async () => {
    const { page } = await openSearch('?q=durian');
    const first = page.locator('.search-result').first();
    await expect(first.locator('h2').textContent()).resolves.toMatch(/Fresh Durian/);
    await expect(first.locator('.entry__meta').textContent()).resolves.toBe(
      `Document${SEPARATOR}19 June 2024${SEPARATOR}Protocol`,
    );
    // The date is machine-readable, as on the entry's own page.
    await expect(first.locator('.entry__meta time').getAttribute('datetime')).resolves.toBe('2024-06-19');
    // And it never breaks across lines, as a date does everywhere else on the site.
    await expect(first.locator('.entry__meta time').evaluate((el) => getComputedStyle(el).whiteSpace)).resolves.toBe(
      'nowrap',
    );
    await expect(first.locator('.search-badge').textContent()).resolves.toBe('Protocol');
    await expect(first.locator('.search-result__themes').textContent()).resolves.toMatch(
      /Agriculture and food\u00a0· Trade facilitation and standards/,
    );
    // The first result matched in its title, which its excerpt leaves out; the others show where they matched.
    const marks = await page.locator('.search-result mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toMatch(/durian/i);
  });

  it('shows an event’s span from its first day, and a body without a date, with no stray separators', async () => {
    const { page } = await openSearch('?q=Smart City Expo');
    const result = (path: string) =>
      page.locator('.search-result', { has: page.locator(`h2 a[href*="${path}"]`) }).locator('.entry__meta');
    const event = result('/events/smart-city-expo-kuala-lumpur-2025/');
    await expect(event.textContent()).resolves.toBe(`Event${SEPARATOR}17–19 September 2025`);
    await expect(event.locator('time').getAttribute('datetime')).resolves.toBe('2025-09-17');
    const body = result('/actors/mdec/');
    await expect(body.textContent()).resolves.toBe('Body or person');
    await expect(body.locator('time').count()).resolves.toBe(0);
  });

  it('starts no excerpt with the title shown above it, or with the hidden “In brief” heading', async () => {
    const texts = async (q: string) => {
      const { page } = await openSearch(q);
      return page.locator('.search-result').evaluateAll((items) =>
        items.map((item) => ({
          title: item.querySelector('h2')?.textContent?.trim() ?? '',
          excerpt: item.querySelector('.search-result__excerpt')?.textContent?.trim() ?? '',
        })),
      );
    };
    // Browsing reads each page from its top; a query for a title's words finds them in the title first, and
    // "twin parks" in the middle of one, so its excerpt starts with the title's last words.
    const results = [
      ...(await texts('')),
      ...(await texts('?q=mutual+visa+exemption')),
      ...(await texts('?q=twin+parks')),
    ];
    expect(results.length).toBeGreaterThan(10);
    for (const { title, excerpt } of results) {
      const words = title.toLowerCase().split(/\s+/);
      const lastWords = words.map((_, i) => `${words.slice(i).join(' ')}.`);
      expect(excerpt.toLowerCase().startsWith(title.toLowerCase()), `${title}: ${excerpt}`).toBe(false);
      expect(
        lastWords.filter((end) => excerpt.toLowerCase().startsWith(end)),
        `${title}: ${excerpt}`,
      ).toEqual([]);
      expect(excerpt).not.toMatch(/^In brief/);
      expect(excerpt.length, title).toBeGreaterThan(20);
    }
  });

  it('excerpts the prose where a document matched, marks where it was cut, and never its list of search terms', async () => {
    const { page } = await openSearch('?q=digital');
    const results = await page.locator('.search-result').evaluateAll(
      (items, separator) =>
        items.map((item) => ({
          kind: item.querySelector('.entry__meta')?.textContent?.split(separator)[0] ?? '',
          excerpt: item.querySelector('.search-result__excerpt')?.textContent?.trim() ?? '',
          marks: item.querySelectorAll('.search-result__excerpt mark').length,
          terms: item.querySelector('.search-result__terms')?.textContent ?? null,
        })),
      SEPARATOR,
    );
    const prose = results.filter((r) => r.kind === 'Document' || r.kind === 'Theme');
    expect(prose.length).toBeGreaterThan(5);
    for (const { excerpt, marks, kind, terms } of prose) {
      // Every such page says "digital" in its prose, so its excerpt shows where, and needs no other reason.
      if (kind === 'Document') expect(marks, excerpt).toBeGreaterThan(0);
      if (marks > 0) expect(terms, excerpt).toBeNull();
      expect(excerpt).not.toMatch(/Other names and search terms|Also searchable as|Key facts/);
    }
    expect(prose.some((r) => r.excerpt.startsWith('… '))).toBe(true);
    expect(prose.some((r) => r.excerpt.endsWith(' …'))).toBe(true);
  });

  it('says which search term found a result whose title and excerpt show no match', async () => {
    // 人工智能 is in no page's prose or title, only in its lists of other names and search terms.
    const { page, problems } = await openSearch(`?q=${encodeURIComponent('人工智能')}`);
    const results = await page.locator('.search-result').evaluateAll((items) =>
      items.map((item) => ({
        title: item.querySelector('h2')?.textContent ?? '',
        excerptMarks: item.querySelectorAll('.search-result__excerpt mark').length,
        terms: item.querySelector('.search-result__terms')?.textContent ?? null,
        marked: [...item.querySelectorAll('.search-result__terms mark')].map((mark) => ({
          text: mark.textContent,
          lang: mark.closest('[lang]')?.getAttribute('lang'),
        })),
      })),
    );
    expect(results.length).toBeGreaterThanOrEqual(3);
    for (const result of results) {
      expect(result.excerptMarks, result.title).toBe(0);
      expect(result.terms, result.title).toBe('Found by the search term: 人工智能');
      // Highlighted as the excerpts' matches are, and read out as Chinese.
      expect(result.marked, result.title).toEqual([{ text: '人工智能', lang: 'zh' }]);
    }
    const axe = await new AxeBuilder({ page })
      .include('#search-results')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('says when nothing matches and suggests the theme list and the timeline', async () => {
    const { page, problems } = await openSearch('?q=zzqqxxnothing');
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/No results for “zzqqxxnothing”/);
    expect(await page.getByRole('link', { name: 'Themes' }).last().isVisible()).toBe(true);
    expect(await page.locator('[data-search-suggest]').getByRole('link', { name: 'Timeline' }).isVisible()).toBe(true);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('shows no empty filter boxes when nothing matches, and keeps them when a ticked filter is the reason', async () => {
    for (const width of [1280, 375]) {
      const { page } = await watchedPage(site.browser, { width });
      await page.goto(`${site.server.root}search/?q=zzqqxxnothing`);
      await page.getByRole('status').filter({ hasText: 'No results' }).waitFor();
      // Neither the boxes (wide) nor the button that would open them (narrow) are shown, or reached by Tab.
      await expect(page.getByRole('group', { name: 'Theme' }).isVisible()).resolves.toBe(false);
      await expect(page.locator('[data-facets-toggle]').isVisible()).resolves.toBe(false);
      const reached = new Set<string>();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        reached.add(
          await page.evaluate(() => (document.activeElement?.closest('[data-search-facets]') ? 'facets' : '')),
        );
      }
      expect(reached.has('facets'), `${width} px`).toBe(false);
      // A filter that leaves nothing: the boxes stay, so the reader can untick it.
      await page.goto(`${site.server.root}search/?q=durian&theme=artificial-intelligence`);
      await page.getByRole('status').filter({ hasText: 'with these filters' }).waitFor();
      if (width === 375) await page.locator('[data-facets-toggle]').click();
      await expect(page.getByRole('checkbox', { name: /Artificial intelligence/ }).isVisible()).resolves.toBe(true);
    }
  });
});

describe('the header search', () => {
  it('loads nothing of Pagefind on a plain page load, and loads it on focus', async () => {
    const { page, problems } = await watchedPage(site.browser);
    const before = site.server.log.length;
    await page.goto(`${site.server.root}themes/`);
    await page.waitForLoadState('networkidle');
    const plain = site.server.log.slice(before);
    expect(plain.filter((r) => r.path.includes('pagefind'))).toEqual([]);
    await page.getByRole('combobox', { name: /search agreements/i }).focus();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => site.server.log.slice(before).some((r) => r.path.includes('/pagefind/'))).toBe(true);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('opens with "/", moves with the arrows, closes with Escape and opens a result with Enter', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(site.server.root);
    const box = page.getByRole('combobox', { name: /search agreements/i });
    await page.locator('body').press('/');
    await expect(box.evaluate((el) => document.activeElement === el)).resolves.toBe(true);
    await page.keyboard.type('NDRC');
    const listbox = page.getByRole('listbox', { name: 'Search results' });
    await page.locator('[data-panel-status]', { hasText: '“NDRC”' }).waitFor();
    const options = listbox.getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThanOrEqual(3);
    expect(await box.inputValue()).toBe('NDRC');
    await page.keyboard.press('ArrowDown');
    const firstId = await options.first().getAttribute('id');
    expect(await box.getAttribute('aria-activedescendant')).toBe(firstId);
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    // A combobox that says its list is open, whose options are named by their titles alone.
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    const title = (await options.first().locator('.search-panel__title').textContent()) ?? '?';
    expect(await page.getByRole('option', { name: title, exact: true }).count()).toBe(1);
    const axe = await new AxeBuilder({ page })
      .include('.site-header')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.keyboard.press('ArrowUp');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await options.last().getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await listbox.isVisible()).toBe(false);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await expect(box.evaluate((el) => document.activeElement === el)).resolves.toBe(true);
    expect(await box.inputValue()).toBe('NDRC');
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();
    await page.keyboard.press('ArrowDown');
    await listbox.waitFor();
    await page.keyboard.press('ArrowDown');
    const target = await options.first().locator('.search-panel__title').textContent();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/agreements\/.*ndrc-mou-2025\//);
    await expect(page.locator('h1').textContent()).resolves.toBe(target);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });

  it('says how many of the results the panel lists when there are more than it holds', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(site.server.root);
    const box = page.getByRole('combobox', { name: /search agreements/i });
    await box.fill('visa');
    const status = page.locator('[data-panel-status]', { hasText: '“visa”' });
    await status.waitFor();
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    const listed = await options.count();
    const [, total, shown] =
      /^(\d+) results for “visa”; the first (\d+) are listed here\.$/.exec((await status.textContent()) ?? '') ?? [];
    expect(Number(total)).toBeGreaterThan(listed);
    expect(Number(shown)).toBe(listed);
    // The full results page finds the same number.
    await page.goto(`${site.server.root}search/?q=visa`);
    await page.getByRole('status').filter({ hasText: 'results for' }).waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(new RegExp(`^${total} results for “visa”`));
    // Fewer results than the panel holds: the count alone, since every one is listed.
    await page.goto(site.server.root);
    await box.fill('ZJU');
    const few = page.locator('[data-panel-status]', { hasText: '“ZJU”' });
    await few.waitFor();
    await expect(few.textContent()).resolves.toBe(`${await options.count()} results for “ZJU”`);
  });

  it('says in each option which search term found a result whose excerpt shows no match', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(site.server.root);
    await page.getByRole('combobox', { name: /search agreements/i }).fill('ZJU');
    await page.locator('[data-panel-status]', { hasText: '“ZJU”' }).waitFor();
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThanOrEqual(2);
    // "ZJU" is only in the other names of Zhejiang University and of the letter of intent it signed.
    for (const text of await options.locator('.search-panel__terms').allTextContents()) {
      expect(text).toBe('Found by the search term: ZJU');
    }
    expect(await options.locator('.search-panel__terms').count()).toBe(await options.count());
    expect(problems.consoleErrors).toEqual([]);
  });

  it('lets "/" be typed in a field, and submits to /search/ with Enter when no result is chosen', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}search/`);
    await page.locator('#page-search').fill('a/b');
    await page.locator('#page-search').press('/');
    expect(await page.locator('#page-search').inputValue()).toBe('a/b/');
    await page.goto(site.server.root);
    const box = page.getByRole('combobox', { name: /search agreements/i });
    await box.fill('visa');
    await box.press('Enter');
    await page.waitForURL(/\/search\/\?q=visa$/);
  });

  it('closes the panel with Escape from a link in it, leaving focus in the box and the panel shut', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(site.server.root);
    const box = page.getByRole('combobox', { name: /search agreements/i });
    await box.fill('NDRC');
    await page.locator('[data-panel-status]', { hasText: '“NDRC”' }).waitFor();
    await page.getByRole('link', { name: 'All results and filters' }).focus();
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-search-panel]').isHidden()).resolves.toBe(true);
    await expect(box.evaluate((el) => document.activeElement === el)).resolves.toBe(true);
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
  });

  it('keeps the link to all results in view on a phone, below results that scroll on their own', async () => {
    const { page } = await watchedPage(site.browser, { width: 375 });
    await page.goto(site.server.root);
    await page.getByRole('combobox', { name: /search agreements/i }).fill('mou');
    await page.locator('[data-panel-status]', { hasText: '“mou”' }).waitFor();
    const list = page.getByRole('listbox', { name: 'Search results' });
    await expect.poll(() => list.getByRole('option').count()).toBeGreaterThanOrEqual(5);
    // More results than the panel has room for, so the list scrolls inside it.
    expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight + 10)).toBe(true);
    // The link is on screen and not covered: the topmost element at its centre is the link itself.
    const all = page.getByRole('link', { name: 'All results and filters' });
    const box = await all.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(900);
    expect(
      await all.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
      }),
    ).toBe(true);
    // Walking to the last result scrolls the list, not the page, to show it.
    await page.keyboard.press('ArrowUp');
    const last = list.getByRole('option').last();
    expect(await last.getAttribute('aria-selected')).toBe('true');
    const [option, visible] = await Promise.all([last.boundingBox(), list.boundingBox()]);
    expect(option && visible && option.y + option.height).toBeLessThanOrEqual(
      (visible?.y ?? 0) + (visible?.height ?? 0) + 1,
    );
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('lets a reader turn the "/" shortcut off on /about/, for every page, and on again', async () => {
    const { page } = await watchedPage(site.browser);
    const box = page.getByRole('combobox', { name: /search agreements/i });
    const slashFocusesBox = async (path: string) => {
      await page.goto(`${site.server.root}${path}`);
      await page.locator('body').press('/');
      return box.evaluate((el) => document.activeElement === el);
    };
    await page.goto(`${site.server.root}about/`);
    const setting = page.getByRole('checkbox', { name: /Go to the search box when I press \// });
    await expect(setting.isChecked()).resolves.toBe(true);
    await setting.uncheck();
    await expect(slashFocusesBox('themes/')).resolves.toBe(false);
    // The box no longer announces a shortcut that does nothing.
    await expect(box.getAttribute('aria-keyshortcuts')).resolves.toBeNull();
    await page.goto(`${site.server.root}about/`);
    await expect(setting.isChecked()).resolves.toBe(false);
    await setting.check();
    await expect(slashFocusesBox('themes/')).resolves.toBe(true);
    await expect(box.getAttribute('aria-keyshortcuts')).resolves.toBe('/');
  });

  it('works without JavaScript as a plain form to /search/', async () => {
    const { page } = await watchedPage(site.browser, { javaScript: false });
    await page.goto(site.server.root);
    await page.getByRole('combobox', { name: /search agreements/i }).fill('durian');
    await page.getByRole('combobox', { name: /search agreements/i }).press('Enter');
    await page.waitForURL(/\/search\/\?q=durian$/);
  });

  it('says the index could not load, with a link to the timeline', async () => {
    const { page } = await watchedPage(site.browser);
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(`${site.server.root}themes/`);
    await page.getByRole('combobox', { name: /search agreements/i }).fill('visa');
    await page.locator('[data-panel-status]', { hasText: /could not be loaded/ }).waitFor();
    expect(
      await page.locator('[data-search-panel]').getByRole('link', { name: 'Go to the timeline' }).isVisible(),
    ).toBe(true);
  });

  it('fetches the engine once, no worker, and only the shown results’ fragments per query', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}events/`);
    await page.waitForLoadState('networkidle');
    const box = page.getByRole('combobox', { name: /search agreements/i });
    const start = site.server.log.length;
    const timed = async (query: string) => {
      const t0 = Date.now();
      await box.fill(query);
      await page.locator('[data-panel-status]', { hasText: `“${query}”` }).waitFor();
      return Date.now() - t0;
    };
    await box.focus();
    const first = await timed('NDRC');
    const afterFirst = site.server.log.length;
    const later = await timed('durian');
    const bytes = (from: number, to?: number) => site.server.log.slice(from, to).reduce((sum, r) => sum + r.bytes, 0);
    const firstBytes = bytes(start, afterFirst);
    const laterBytes = bytes(afterFirst);
    const fragments = (from: number, to?: number) =>
      site.server.log.slice(from, to).filter((r) => r.path.includes('/pagefind/fragment/')).length;
    console.log(
      `search cost: first query ${first} ms, ${firstBytes} bytes in ${afterFirst - start} requests; ` +
        `later query ${later} ms, ${laterBytes} bytes in ${site.server.log.length - afterFirst} requests`,
    );
    // What a reader's connection notices: the engine comes once, then each query fetches only its results.
    expect(site.server.log.slice(start).some((r) => r.path.endsWith('pagefind-worker.js'))).toBe(false);
    expect(fragments(start, afterFirst)).toBeLessThanOrEqual(PANEL_RESULTS);
    expect(fragments(afterFirst)).toBeLessThanOrEqual(PANEL_RESULTS);
    expect(site.server.log.slice(afterFirst).some((r) => /\.pagefind$|pagefind\.js$/.test(r.path))).toBe(false);
    expect(laterBytes).toBeLessThan(firstBytes);
  });
});
