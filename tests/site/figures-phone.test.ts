/**
 * The key figures on a phone: the table's last columns, confidence and source, are what a student must
 * read before quoting a figure, and at 375 px they used to sit off screen, behind a sideways scroll.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watchedPage } from '../support/browser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../../scripts/lib/project-root';

const site = useBuiltSite();

describe('the key figures on a 375 px phone', () => {
  it('shows every figure’s value, year, confidence and source within the screen, each labelled', async () => {
    const { page } = await watchedPage(site.browser, { width: 375 });
    await page.goto(`${site.server.root}figures/`);
    const rows = page.locator('.figures-table tbody tr');
    const figures = parseYaml(readFileSync(join(projectRoot, 'content/figures.yaml'), 'utf8')) as unknown[];
    await expect(rows.count()).resolves.toBe(figures.length);
    for (const row of await rows.all()) {
      const cells = await row.locator('td').evaluateAll((tds) =>
        tds.map((td) => {
          const box = td.getBoundingClientRect();
          return { label: getComputedStyle(td, '::before').content, left: box.left, right: box.right };
        }),
      );
      // The label shown before each value (the part of `content` before its empty alternative text).
      expect(cells.map((c) => c.label.split(' / ')[0])).toEqual([
        '"Value: "',
        '"Refers to: "',
        '"Confidence: "',
        '"Source: "',
      ]);
      for (const cell of cells) expect(cell.left >= 0 && cell.right <= 375).toBe(true);
    }
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
  });

  it('is still a table to a screen reader, which names each column once, not "Value, Value: …"', async () => {
    const { page } = await watchedPage(site.browser, { width: 375 });
    await page.goto(`${site.server.root}figures/`);
    const tree = await page.locator('.figures-table').ariaSnapshot();
    expect(tree).toMatch(/columnheader "Value"/);
    expect(tree).toMatch(/cell "RM[\d.]+ billion"/);
    expect(tree).not.toMatch(/cell "(Value|Refers to|Confidence|Source):/);
  });
});
