/**
 * Keyboard use of every page template: Tab reaches every visible link, button, input and summary in
 * order, each shows a visible focus indicator, and the skip link moves focus to the main content.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite, watchedPage } from '../support/browser';

const TEMPLATES = [
  '/',
  '/?theme=artificial-intelligence',
  '/agreements/artificial-intelligence-ndrc-mou-2025/',
  '/themes/',
  '/themes/artificial-intelligence/',
  '/events/',
  '/events/xi-jinping-state-visit-2025/',
  '/actors/',
  '/actors/ndrc/',
  '/sources/',
  '/figures/',
  '/glossary/',
  '/about/',
  '/years/2025/',
  '/types/mou/',
  '/search/?q=NDRC',
  '/404.html',
];

const site = useBuiltSite();

describe.each(TEMPLATES)('%s with the keyboard alone', (path) => {
  it('reaches every control with Tab, each with a visible focus indicator', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.origin}${path}`);
    if (path.startsWith('/search/')) await page.locator('.search-result').first().waitFor();
    const total = await page.evaluate(() => {
      const candidates = [
        ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex="0"]'),
      ];
      const visible = candidates.filter((el) => el.checkVisibility() && !el.closest('[hidden], [inert]'));
      visible.forEach((el, i) => el.setAttribute('data-kbd', String(i)));
      return visible.length;
    });
    expect(total).toBeGreaterThan(0);
    const reached = new Set<string>();
    const unfocusable: string[] = [];
    for (let i = 0; i < total + 5 && reached.size < total; i += 1) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        return {
          id: el.getAttribute('data-kbd'),
          visible: outlined || style.boxShadow !== 'none',
          what: el.outerHTML.slice(0, 80),
        };
      });
      if (!focus?.id) continue;
      reached.add(focus.id);
      if (!focus.visible) unfocusable.push(focus.what);
    }
    const missed = await page.evaluate(
      (seen) =>
        [...document.querySelectorAll('[data-kbd]')]
          .filter((el) => !seen.includes(el.getAttribute('data-kbd') ?? ''))
          .map((el) => el.outerHTML.slice(0, 80)),
      [...reached],
    );
    expect(missed).toEqual([]);
    expect(unfocusable).toEqual([]);
  });

  it('skips to the main content from the first Tab', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.origin}${path}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});

describe('a table in its scrolling region', () => {
  /** Whether each table region on the page overflows, and whether Tab stops on it. */
  const regions = (page: Page) =>
    page
      .locator('[role="region"]:has(> table)')
      .evaluateAll((els) =>
        els.map((el) => ({ overflows: el.scrollWidth > el.clientWidth, tabStop: el.tabIndex === 0 })),
      );

  it('is a tab stop, to scroll it with the keyboard, only while the table is wider than the screen', async () => {
    const { page } = await watchedPage(site.browser, { width: 375 });
    await page.goto(`${site.server.origin}/matrix/`);
    const narrow = await regions(page);
    // At 375 px themes by year fits, and themes by event, a column per event, does not: one of each.
    expect(narrow).toEqual([
      { overflows: false, tabStop: false },
      { overflows: true, tabStop: true },
    ]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => regions(page)).toEqual(narrow.map(() => ({ overflows: false, tabStop: false })));
    await page.setViewportSize({ width: 375, height: 900 });
    await expect.poll(() => regions(page)).toEqual(narrow);
  });

  it('is never a tab stop on a page whose tables all fit', async () => {
    const { page } = await watchedPage(site.browser, { width: 375 });
    await page.goto(`${site.server.origin}/data/`);
    const count = await page.locator('[role="region"]:has(> table)').count();
    expect(count).toBeGreaterThan(0);
    await expect.poll(() => regions(page)).toEqual(Array(count).fill({ overflows: false, tabStop: false }));
  });
});
