/**
 * Themes by year on a phone: the totals are the table's last column, and at 375 px they sat behind a
 * sideways scroll that only a faint shadow hinted at, cut mid-word ("docu").
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watchedPage } from '../support/browser';

const site = useBuiltSite();

describe('themes by year on a 375 px phone', () => {
  it('shows every column, the totals included, within the screen and without a sideways scroll', async () => {
    const { page } = await watchedPage(site.browser, { width: 375 });
    await page.goto(`${site.server.root}matrix/`);
    const region = page.locator('[aria-labelledby="matrix-years-caption"]');
    const fit = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    const headers = await region
      .locator('thead th')
      .evaluateAll((ths) =>
        ths.map((th) => ({ text: th.textContent?.trim(), right: th.getBoundingClientRect().right })),
      );
    expect(headers.at(-1)?.text).toBe('All documents');
    for (const header of headers) expect(header.right, header.text).toBeLessThanOrEqual(375);
    // A table that fits is not a tab stop: there is nothing to scroll (TableRegion).
    await expect(region.getAttribute('tabindex')).resolves.toBeNull();
  });
});
