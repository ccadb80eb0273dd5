/**
 * Every page reflows on a 320 px screen (WCAG 1.4.10, 400 % zoom of a 1280 px window): a reader scrolls
 * one way only. The page is never wider than the screen, and nothing in it scrolls sideways but a data
 * table in its wrapper, which the criterion exempts. Measured after scripts have run and with every
 * `content-visibility: auto` section laid out, in a real Chromium.
 */
import { describe, expect, it } from 'vitest';
import { htmlPages } from '../support/dist';
import { layOutEverything, useBuiltSite, watchedPage } from '../support/browser';

const site = useBuiltSite();

describe('every page at 320 px', () => {
  it('needs no sideways scrolling, except inside a data table', async () => {
    const { page } = await watchedPage(site.browser, { width: 320 });
    const wide: Record<string, string[]> = {};
    for (const path of htmlPages()) {
      await page.goto(`${site.server.origin}${path}`);
      if (path.startsWith('/search/')) await page.locator('.search-result').first().waitFor();
      await layOutEverything(page);
      const found = await page.evaluate(() => {
        const root = document.documentElement;
        const describe = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
        const scrollers = [...document.querySelectorAll('body *')].filter(
          (el) =>
            el.scrollWidth > el.clientWidth + 1 &&
            /auto|scroll/.test(getComputedStyle(el).overflowX) &&
            !el.matches('.table-wrap'),
        );
        return [
          ...(root.scrollWidth > window.innerWidth ? [`the page is ${root.scrollWidth} px wide`] : []),
          ...scrollers.map((el) => `${describe(el)} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth})`),
        ];
      });
      if (found.length > 0) wide[path] = found;
    }
    expect(wide).toEqual({});
    await page.context().close();
  });
});
