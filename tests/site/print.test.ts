/**
 * An agreement page printed as a brief: each cited report's address on paper, readable and once, and none
 * of the screen's aids (links to this site's own entries, the search terms) that mean nothing on paper.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watchedPage } from '../support/browser';
import { readContent } from '../support/content';

const site = useBuiltSite();
const sources = new Map(readContent().sources.map((s) => [s.id, s.data as { title?: string; url: string }]));

describe('an agreement page in print', () => {
  it('prints each report’s address once, decoded as a reader would type it, and hides screen-only aids', async () => {
    const { page } = await watchedPage(site.browser);
    // Cites Kwong Wah's untitled Chinese report, whose address is percent-escaped, and titled reports.
    await page.goto(`${site.server.root}agreements/trade-in-services-mou-2025/`);
    await page.emulateMedia({ media: 'print' });
    const links = await page.locator('.citations cite a').evaluateAll((as) =>
      as.map((a) => ({
        href: a.getAttribute('href') ?? '',
        text: a.textContent?.trim() ?? '',
        after: getComputedStyle(a, '::after').content,
      })),
    );
    expect(links.length).toBeGreaterThan(2);
    const byUrl = new Map([...sources.values()].map((s) => [s.url, s]));
    for (const link of links) {
      const source = byUrl.get(link.href);
      expect(source, link.href).toBeDefined();
      const printed = `${link.text}${link.after === 'none' ? '' : link.after}`;
      // The address appears on paper exactly once, and never as %e9%a9%ac… escapes.
      expect(printed, link.href).not.toMatch(/%[0-9a-f]{2}/i);
      expect(printed.split(new URL(link.href).host).length - 1, printed).toBe(1);
      expect(link.after === 'none', link.href).toBe(source?.title === undefined);
    }
    for (const selector of ['.search-aliases', '.citations .more']) {
      const shown = await page.locator(selector).evaluateAll((els) => els.map((el) => getComputedStyle(el).display));
      expect(shown.length, selector).toBeGreaterThan(0);
      expect(new Set(shown), selector).toEqual(new Set(['none']));
    }
  });
});
