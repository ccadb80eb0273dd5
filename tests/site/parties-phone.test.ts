/**
 * An agreement's parties on a phone: a long full name, "Ministry of Investment, Trade and Industry (MITI)",
 * must wrap as one run of text. Laid out as separate boxes of the link, its "(" and "MITI)" once sat in two
 * columns, the abbreviation pushed to the right edge.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watchedPage } from '../support/browser';
import { contentIds } from '../support/dist';

const site = useBuiltSite();

describe('the parties in an agreement’s key facts on a 375 px phone', () => {
  it('read as running text: each abbreviation follows its "(" on the same line, or starts the next', async () => {
    const { page } = await watchedPage(site.browser, { width: 375 });
    const misplaced: string[] = [];
    let checked = 0;
    for (const id of contentIds('agreements')) {
      await page.goto(`${site.server.root}agreements/${id}/`);
      const found = await page.locator('.facts .parties a').evaluateAll((links) =>
        links.flatMap((link) => {
          const abbreviation = link.querySelector('[data-pagefind-filter]');
          const before = abbreviation?.previousSibling;
          if (!abbreviation || before?.nodeType !== Node.TEXT_NODE || !before.textContent?.endsWith('(')) return [];
          const paren = document.createRange();
          paren.setStart(before, before.textContent.length - 1);
          paren.setEnd(before, before.textContent.length);
          const p = paren.getBoundingClientRect();
          const a = abbreviation.getClientRects()[0];
          const left = link.getBoundingClientRect().left;
          if (!a) return [link.textContent ?? ''];
          const sameLine = Math.abs(a.top - p.top) < 4 && Math.abs(a.left - p.right) < 4;
          const nextLine = a.top >= p.bottom - 4 && Math.abs(a.left - left) < 4;
          return [sameLine || nextLine ? '' : (link.textContent ?? '')];
        }),
      );
      checked += found.length;
      misplaced.push(...found.filter((text) => text !== '').map((text) => `${id}: ${text}`));
    }
    expect(checked).toBeGreaterThan(10);
    expect(misplaced).toEqual([]);
  });
});
