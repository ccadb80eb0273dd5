/**
 * Numbered lists on a phone: each number ("35.") fits in the room its list leaves on the left, so it never
 * runs into the page's margin and up to the screen's edge.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watchedPage } from '../support/browser';

const site = useBuiltSite();

describe('the numbers of a numbered list at 375 px', () => {
  it.each(['/changes/', '/agreements/five-year-economic-trade-programme-2024/'])(
    'fit inside %s’s lists, clear of the screen’s edge',
    async (path) => {
      const { page } = await watchedPage(site.browser, { width: 375 });
      await page.goto(`${site.server.root}${path.slice(1)}`);
      const lists = await page.locator('main ol').evaluateAll((ols) =>
        ols.flatMap((ol) => {
          const items = [...ol.children].filter((li) => getComputedStyle(li).display === 'list-item');
          if (items.length === 0 || getComputedStyle(ol).listStyleType !== 'decimal') return [];
          // The widest number is the last one's, in the list's font, with the gap the browser leaves after it.
          const context = document.createElement('canvas').getContext('2d');
          if (!context) return [];
          context.font = getComputedStyle(items[items.length - 1] as Element).font;
          const number = context.measureText(`${items.length}. `).width;
          const padding = parseFloat(getComputedStyle(ol).paddingLeft);
          const room = ol.getBoundingClientRect().left + padding;
          return [{ list: ol.className, items: items.length, number, padding, room }];
        }),
      );
      expect(lists.length).toBeGreaterThan(0);
      for (const list of lists) {
        expect(list.padding, JSON.stringify(list)).toBeGreaterThanOrEqual(list.number);
        // And the screen's edge is further away still: at least the margin of 8 px.
        expect(list.room - list.number, JSON.stringify(list)).toBeGreaterThanOrEqual(8);
      }
    },
  );
});
