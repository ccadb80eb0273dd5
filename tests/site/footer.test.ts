/**
 * The footer in a 1280 × 900 window: at the foot of the window on a page shorter than it, and its links
 * within the column the page's content is set in.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watchedPage } from '../support/browser';

const site = useBuiltSite();

describe('the footer at 1280 px', () => {
  it('ends at the foot of the window on the not-found page, which is shorter than the window', async () => {
    const { page } = await watchedPage(site.browser, { width: 1280 });
    await page.goto(`${site.server.origin}/404.html`);
    const {
      bottom,
      window: height,
      scrolls,
    } = await page.evaluate(() => ({
      bottom: document.querySelector('.site-footer')?.getBoundingClientRect().bottom ?? 0,
      window: window.innerHeight,
      scrolls: document.documentElement.scrollHeight > window.innerHeight,
    }));
    expect(scrolls, 'the page is short enough for the test').toBe(false);
    expect(Math.round(bottom)).toBe(height);
    await page.context().close();
  });

  it('keeps its links within the content column', async () => {
    const { page } = await watchedPage(site.browser, { width: 1280 });
    await page.goto(`${site.server.origin}/`);
    const { links, main } = await page.evaluate(() => {
      const content = document.querySelector('main') as HTMLElement;
      const box = content.getBoundingClientRect();
      const style = getComputedStyle(content);
      const list = [...document.querySelectorAll('.footer-links a')].map((a) => a.getBoundingClientRect());
      return {
        links: { left: Math.min(...list.map((r) => r.left)), right: Math.max(...list.map((r) => r.right)) },
        main: { left: box.left + parseFloat(style.paddingLeft), right: box.right - parseFloat(style.paddingRight) },
      };
    });
    expect(links.left).toBeGreaterThanOrEqual(main.left - 1);
    expect(links.right).toBeLessThanOrEqual(main.right + 1);
    await page.context().close();
  });
});
