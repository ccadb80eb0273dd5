/**
 * Chinese text as a reader of Chinese expects it: a title upright, since Chinese has no italics (a browser
 * slants the glyphs), and each name in a list of other names whole on its line, as a Latin name is.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watchedPage } from '../support/browser';
import { contentIds } from '../support/dist';

const site = useBuiltSite();

describe('Chinese text', () => {
  it('sets the titles of Chinese sources upright, and the others in italics', async () => {
    const { page } = await watchedPage(site.browser, { width: 1280 });
    await page.goto(`${site.server.root}sources/`);
    const styles = await page.locator('cite').evaluateAll((cites) =>
      cites.map((cite) => ({
        zh: cite.closest('[lang]')?.getAttribute('lang')?.startsWith('zh') === true,
        style: getComputedStyle(cite).fontStyle,
      })),
    );
    expect(styles.filter((s) => s.zh).length).toBeGreaterThan(0);
    for (const { zh, style } of styles) expect(style).toBe(zh ? 'normal' : 'italic');
  });

  it('keeps each Chinese name in the lists of other names on one line at 320 px', async () => {
    const { page } = await watchedPage(site.browser, { width: 320 });
    const broken: string[] = [];
    let names = 0;
    for (const path of [
      ...contentIds('themes').map((id) => `themes/${id}/`),
      ...contentIds('agreements').map((id) => `agreements/${id}/`),
    ]) {
      await page.goto(`${site.server.root}${path}`);
      const lines = await page
        .locator('.aliases [lang="zh"], .search-aliases [lang="zh"]')
        .evaluateAll((spans) =>
          spans.map((span) => ({ name: span.textContent ?? '', lines: span.getClientRects().length })),
        );
      names += lines.length;
      broken.push(...lines.filter((l) => l.lines > 1).map((l) => `${path}: ${l.name}`));
    }
    expect(names).toBeGreaterThan(50);
    expect(broken).toEqual([]);
  });
});
