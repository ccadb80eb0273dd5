/**
 * The field tables on /data/: a field name is one word to copy. On a wide screen it stays on one line;
 * on a phone it may wrap at its dots and capitals (<wbr>), so the page never scrolls sideways.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watchedPage } from '../support/browser';

const site = useBuiltSite();

/** Each field name in the tables, with how many lines it takes. */
async function fieldLines(width: number): Promise<{ name: string; lines: number }[]> {
  const { page } = await watchedPage(site.browser, { width });
  await page.goto(`${site.server.root}data/`);
  return page.locator('.data-fields tbody th code').evaluateAll((codes) =>
    codes.map((code) => {
      const range = document.createRange();
      range.selectNodeContents(code);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return { name: code.textContent ?? '', lines: tops.size };
    }),
  );
}

describe('field names on /data/', () => {
  it('stay on one line each at 1280 px', async () => {
    const fields = await fieldLines(1280);
    expect(fields.length).toBeGreaterThan(50);
    expect(fields.filter((f) => f.lines !== 1)).toEqual([]);
  });

  it('fit a 375 px screen without scrolling it sideways', async () => {
    const { page } = await watchedPage(site.browser, { width: 375 });
    await page.goto(`${site.server.root}data/`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
