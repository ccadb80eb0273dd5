/**
 * Columns of counts on a wide screen: a dash (no documents) sits where the column's numbers sit, whether the
 * numbers are links or plain text. On /compare/ the dashes once sat several pixels left of plain numbers.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watchedPage } from '../support/browser';

const site = useBuiltSite();

describe('a column of counts at 1280 px', () => {
  it.each(['/compare/', '/matrix/'])('centres %s’s dashes and numbers on one line down each column', async (path) => {
    const { page } = await watchedPage(site.browser, { width: 1280 });
    await page.goto(`${site.server.root}${path.slice(1)}`);
    // Each column of each table: the horizontal centre of every count's or dash's glyphs, to the tenth of a pixel.
    const columns = await page.locator('table').evaluateAll((tables) =>
      tables.flatMap((table, t) => {
        const centres = new Map<string, { dash: number[]; count: number[] }>();
        for (const row of table.querySelectorAll('tbody tr')) {
          [...row.children].forEach((cell, c) => {
            if (!cell.matches('td.num')) return;
            const dash = cell.querySelector('.zero');
            // What is seen: the dash, a link's number (its label is for screen readers), or the plain number.
            const shown = dash ?? cell.querySelector('a [aria-hidden="true"]') ?? cell.querySelector('a') ?? cell;
            const range = document.createRange();
            range.selectNodeContents(shown);
            const box = range.getBoundingClientRect();
            const key = `table ${t + 1}, column ${c + 1}`;
            const column = centres.get(key) ?? { dash: [], count: [] };
            column[dash ? 'dash' : 'count'].push(Math.round((box.left + box.width / 2) * 10) / 10);
            centres.set(key, column);
          });
        }
        return [...centres].map(([key, column]) => ({ key, ...column }));
      }),
    );
    const mixed = columns.filter((column) => column.dash.length > 0 && column.count.length > 0);
    expect(mixed.length).toBeGreaterThan(2);
    for (const { key, dash, count } of mixed) {
      const all = [...dash, ...count];
      expect(
        Math.max(...all) - Math.min(...all),
        `${path} ${key}: dashes ${dash.join(', ')}; counts ${count.join(', ')}`,
      ).toBeLessThan(1);
    }
  });
});
