/**
 * The timeline filters in a real Chromium: the visible set of agreements is exactly the expected one,
 * the view lives in the URL (shareable, back and forward), counts are announced, the keyboard works,
 * and without JavaScript the whole timeline shows. Expected sets come from the content files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { useBuiltSite, watchedPage } from '../support/browser';
import { projectRoot } from '../../scripts/lib/project-root';
import { contentIds } from '../support/dist';

interface Front {
  themes: string[];
  type: string;
  date: { value: string };
  malaysianParties: string[];
  chineseParties: string[];
}
const agreements = contentIds('agreements').map((id) => {
  const text = readFileSync(join(projectRoot, 'content/agreements', `${id}.mdx`), 'utf8');
  return { id, ...(parseYaml(text.split(/^---$/m)[1] ?? '') as Front) };
});
const ids = (keep: (a: (typeof agreements)[number]) => boolean) =>
  agreements
    .filter(keep)
    .map((a) => a.id)
    .sort();

const site = useBuiltSite();

async function visibleIds(page: Page): Promise<string[]> {
  return (
    await page
      .locator('.timeline [data-entry-id]:visible')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-entry-id') ?? ''))
  ).sort();
}
const status = (page: Page) => page.locator('[data-filter-status]').textContent();

describe('timeline filters', () => {
  it('makes no date formatter while the page loads: the first costs tens of milliseconds of main thread', async () => {
    const { page } = await watchedPage(site.browser);
    await page.addInitScript(() => {
      const made = { count: 0 };
      const Native = Intl.DateTimeFormat;
      Object.defineProperty(window, '__formatters', { value: made });
      Intl.DateTimeFormat = new Proxy(Native, {
        construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
          made.count += 1;
          return new target(...args);
        },
      });
    });
    // Module scripts run before DOMContentLoaded, so by `load` every script of the page has run.
    await page.goto(site.server.root, { waitUntil: 'load' });
    expect(
      await page.evaluate(() => (window as unknown as { __formatters: { count: number } }).__formatters.count),
    ).toBe(0);
  });

  it('shows exactly the AI agreements when the AI theme is chosen, and says how many', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(site.server.root);
    await page.getByText('Filter the timeline').click();
    await page.getByRole('checkbox', { name: /^Artificial intelligence/ }).check();
    const expected = ids((a) => a.themes.includes('artificial-intelligence'));
    expect(expected.length).toBeGreaterThan(0);
    expect(await visibleIds(page)).toEqual(expected);
    expect(await status(page)).toBe(`${expected.length} of ${agreements.length} documents shown`);
    // The address follows once the rows have painted.
    await expect.poll(() => new URL(page.url()).search).toBe('?theme=artificial-intelligence');
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });

  it('combines facets: any value within a facet, every facet across', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}?theme=artificial-intelligence&theme=trade-in-services&type=mou`);
    const expected = ids(
      (a) =>
        (a.themes.includes('artificial-intelligence') || a.themes.includes('trade-in-services')) && a.type === 'mou',
    );
    expect(await visibleIds(page)).toEqual(expected);
    expect(await page.getByRole('checkbox', { name: /^MoU/ }).isChecked()).toBe(true);
  });

  it('restores a shared view, ignoring unknown names and values but keeping the rest', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}?year=2024&theme=not-a-theme&colour=red&my=motac`);
    const expected = ids((a) => a.date.value.startsWith('2024') && a.malaysianParties.includes('motac'));
    expect(expected.length).toBeGreaterThan(0);
    expect(await visibleIds(page)).toEqual(expected);
    expect(await page.getByRole('checkbox', { name: /^2024/ }).isChecked()).toBe(true);
  });

  it('filters by Chinese party', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}?cn=ndrc`);
    expect(await visibleIds(page)).toEqual(ids((a) => a.chineseParties.includes('ndrc')));
  });

  it('goes back and forward through filter states', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(site.server.root);
    await page.getByText('Filter the timeline').click();
    // Each state enters the history once the timeline has painted it: wait for the address before going back.
    await page.getByRole('checkbox', { name: /^2025/ }).check();
    const year2025 = ids((a) => a.date.value.startsWith('2025'));
    expect(await visibleIds(page)).toEqual(year2025);
    await expect.poll(() => new URL(page.url()).search).toBe('?year=2025');
    await page.getByRole('checkbox', { name: /^Letter of intent/ }).check();
    const loi2025 = ids((a) => a.date.value.startsWith('2025') && a.type === 'letter-of-intent');
    expect(await visibleIds(page)).toEqual(loi2025);
    await expect.poll(() => new URL(page.url()).search).toBe('?type=letter-of-intent&year=2025');
    await page.goBack();
    expect(await visibleIds(page)).toEqual(year2025);
    await page.goBack();
    expect(await visibleIds(page)).toEqual(ids(() => true));
    await page.goForward();
    expect(await visibleIds(page)).toEqual(year2025);
  });

  it('updates the count beside every value as other facets change', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}?year=2025`);
    const mouCount = ids((a) => a.date.value.startsWith('2025') && a.type === 'mou').length;
    await expect(page.locator('[data-count-for="type=mou"]').textContent()).resolves.toBe(`(${mouCount})`);
    // The year facet ignores its own choice, so 2024 still shows what choosing it would add.
    const count2024 = ids((a) => a.date.value.startsWith('2024')).length;
    await expect(page.locator('[data-count-for="year=2024"]').textContent()).resolves.toBe(`(${count2024})`);
  });

  it('works with the keyboard alone, and clears all filters', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(site.server.root);
    await page.getByRole('button', { name: 'Filter the timeline' }).focus();
    await page.keyboard.press('Enter');
    const box = page.getByRole('checkbox', { name: /^Digital economy/ });
    await box.focus();
    await page.keyboard.press('Space');
    expect(await visibleIds(page)).toEqual(ids((a) => a.themes.includes('digital-economy')));
    await page.getByRole('button', { name: 'Clear all filters' }).focus();
    await page.keyboard.press('Enter');
    expect(await visibleIds(page)).toEqual(ids(() => true));
    expect(await status(page)).toBe(`All ${agreements.length} documents shown`);
    await expect.poll(() => new URL(page.url()).search).toBe('');
  });

  it('titles the panel with a level-2 heading that holds the button opening and closing it', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(site.server.root);
    const heading = page.getByRole('heading', { level: 2, name: 'Filter the timeline' });
    const toggle = heading.getByRole('button', { name: 'Filter the timeline' });
    const themes = page.getByRole('group', { name: 'Theme' });
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await expect(themes.isVisible()).resolves.toBe(false);
    await toggle.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await expect(themes.isVisible()).resolves.toBe(true);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await expect(themes.isVisible()).resolves.toBe(false);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('offers "Clear all filters" only while a filter is on, and keeps the focus on it after a clear', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(site.server.root);
    const clear = page.getByRole('button', { name: 'Clear all filters' });
    await expect.poll(() => clear.getAttribute('aria-disabled')).toBe('true');
    await page.getByText('Filter the timeline').click();
    await page.getByRole('checkbox', { name: /^Digital economy/ }).check();
    await expect.poll(() => clear.getAttribute('aria-disabled')).toBe('false');
    await clear.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => clear.getAttribute('aria-disabled')).toBe('true');
    expect(await clear.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('counts each year\'s matches in words a reader would write: "1 document", "2 documents"', async () => {
    const themes = [...new Set(agreements.flatMap((a) => a.themes))];
    const perYear = (theme: string) =>
      Map.groupBy(
        agreements.filter((a) => a.themes.includes(theme)),
        (a) => a.date.value.slice(0, 4),
      );
    const theme = themes.find((th) => [...perYear(th).values()].some((list) => list.length === 1));
    expect(theme, 'a theme with exactly one document in some year').toBeDefined();
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}?theme=${theme ?? ''}`);
    await expect.poll(() => visibleIds(page)).toEqual(ids((a) => a.themes.includes(theme ?? '')));
    for (const [year, list] of perYear(theme ?? '')) {
      const words = list.length === 1 ? '1 document' : `${list.length} documents`;
      expect(await page.locator(`#year-${year} [data-year-count]`).textContent()).toBe(words);
    }
  });

  it('says plainly when no agreement matches, and how to see more', async () => {
    const themes = [...new Set(agreements.flatMap((a) => a.themes))];
    const years = [...new Set(agreements.map((a) => a.date.value.slice(0, 4)))];
    const pair = themes
      .flatMap((theme) => years.map((year) => ({ theme, year })))
      .find(({ theme, year }) => ids((a) => a.themes.includes(theme) && a.date.value.startsWith(year)).length === 0);
    expect(pair, 'a theme and a year with no agreement in common').toBeDefined();
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}?${new URLSearchParams(pair).toString()}`);
    await expect.poll(() => visibleIds(page)).toEqual([]);
    expect(await status(page)).toBe(
      `No document matches all these filters (0 of ${agreements.length}): clear one to see more`,
    );
  });

  it('shows a shared view with each ticked value in sight, even one far down its list', async () => {
    const { page } = await watchedPage(site.browser, { width: 375 });
    await page.goto(site.server.root);
    const last = await page.locator('.filters__group input[name="theme"]').last().getAttribute('value');
    await page.goto(`${site.server.root}?theme=${last ?? ''}`);
    const box = page.locator(`.filters__group input[name="theme"][value="${last ?? ''}"]`);
    await expect.poll(() => box.isChecked()).toBe(true);
    const view = await box.evaluate((input) => {
      const list = input.closest('ul');
      const row = input.closest('li')?.getBoundingClientRect();
      const frame = list?.getBoundingClientRect();
      return {
        listScrolls: list ? list.scrollHeight > list.clientHeight : false,
        rowInSight: Boolean(row && frame && row.top >= frame.top && row.bottom <= frame.bottom),
      };
    });
    expect(view).toEqual({ listScrolls: true, rowInSight: true });
  });

  it('hides years and events with nothing left to show', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}?year=2024`);
    expect(await page.locator('#year-2025').isVisible()).toBe(false);
    expect(await page.locator('#year-2024').isVisible()).toBe(true);
  });

  it('shows the whole timeline, and no filter form, without JavaScript', async () => {
    const { page } = await watchedPage(site.browser, { javaScript: false });
    await page.goto(`${site.server.root}?theme=artificial-intelligence`);
    expect(await visibleIds(page)).toEqual(ids(() => true));
    expect(await page.locator('[data-filter-form]').isVisible()).toBe(false);
  });
});

describe('a shared filtered view, on the keyboard', () => {
  it('offers a link past the opened filters, straight to the documents', async () => {
    const { page } = await watchedPage(site.browser);
    // /matrix/ links each count to a view like this one; it opens the panel on its fifty checkboxes.
    await page.goto(`${site.server.root}?type=protocol`);
    const toggle = page.getByRole('heading', { name: 'Filter the timeline' }).getByRole('button');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip the filters, to the documents' });
    await expect(skip.evaluate((a) => document.activeElement === a)).resolves.toBe(true);
    // Visible while focused, so a sighted keyboard user sees where Enter goes.
    expect((await skip.boundingBox())?.width).toBeGreaterThan(50);
    await page.keyboard.press('Enter');
    // The next Tab lands in the timeline, past every checkbox.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#timeline') !== null)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('.filters') === null)).toBe(true);
  });
});

describe('static views', () => {
  it.each(['2024', '2025'])('/years/%s/ lists exactly that year’s agreements', async (year) => {
    const { page } = await watchedPage(site.browser, { javaScript: false });
    await page.goto(`${site.server.root}years/${year}/`);
    expect(await visibleIds(page)).toEqual(ids((a) => a.date.value.startsWith(year)));
  });

  it('/types/mou/ lists exactly the memoranda of understanding', async () => {
    const { page } = await watchedPage(site.browser, { javaScript: false });
    await page.goto(`${site.server.root}types/mou/`);
    const listed = (
      await page.locator('[data-entry-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-entry-id') ?? ''))
    ).sort();
    expect(listed).toEqual(ids((a) => a.type === 'mou'));
  });
});
