/**
 * Nothing jumps once a page has loaded: controls that scripts bring to life (the colour toggle, the
 * timeline filters, the search facets) are laid out from the first paint, so the text a reader has
 * started on stays where it is. Measured with the browser's own layout-shift entries.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watchedPage } from '../support/browser';

const site = useBuiltSite();

/**
 * Well below the 0.1 that Lighthouse calls good: the header growing by one line when the colour
 * toggle appeared scored 0.046 on an agreement page and 0.21 on the timeline.
 */
const MAX_SHIFT = 0.01;

const PAGES = [
  '',
  'agreements/artificial-intelligence-ndrc-mou-2025/',
  'themes/artificial-intelligence/',
  'search/?q=NDRC',
  'data/',
];

describe.each([375, 1280])('layout shift at %i px', (width) => {
  it.each(PAGES)('/%s does not move after it loads', async (path) => {
    const { page } = await watchedPage(site.browser, { width });
    await page.addInitScript(() => {
      const w = window as unknown as { __shifts: { value: number; sources: string[] }[] };
      w.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          hadRecentInput: boolean;
          sources: { node?: Node | null }[];
        }[]) {
          if (entry.hadRecentInput) continue;
          const sources = entry.sources.map((s) => (s.node instanceof Element ? s.node.outerHTML.slice(0, 80) : '?'));
          w.__shifts.push({ value: entry.value, sources });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${site.server.root}${path}`, { waitUntil: 'networkidle' });
    // Two frames after the last script, so a late reveal would be recorded.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shifts = await page.evaluate(
      () => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts,
    );
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    expect(total, `shifted: ${JSON.stringify(shifts)}`).toBeLessThan(MAX_SHIFT);
    await page.context().close();
  });
});
