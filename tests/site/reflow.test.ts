/**
 * Every page reflows on a 320 px screen (WCAG 1.4.10, 400 % zoom of a 1280 px window): a reader scrolls
 * one way only. The page is never wider than the screen, and nothing in it scrolls sideways but a data
 * table in its wrapper, which the criterion exempts. Measured after scripts have run and with every
 * `content-visibility: auto` section laid out, in a real Chromium. Where a run-in list wraps, its "·"
 * stays at the end of a line, beside the item before it, and never starts the next one; and a date is
 * never split across lines.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlPages } from '../support/dist';
import { layOutEverything, useBuiltSite, watchedPage } from '../support/browser';

const site = useBuiltSite();

/**
 * What `find` reports on each path at 320 px, after scripts have run (a search waits for its results) and with
 * every section laid out: only the paths where it found something.
 */
async function findAt320(paths: string[], find: (page: Page) => Promise<string[]>) {
  const { page } = await watchedPage(site.browser, { width: 320 });
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await page.goto(`${site.server.origin}${path}`);
    if (path.startsWith('/search/')) await page.locator('.search-result').first().waitFor();
    await layOutEverything(page);
    const here = await find(page);
    if (here.length > 0) found[path] = here;
  }
  await page.context().close();
  return found;
}

describe('every page at 320 px', () => {
  it('needs no sideways scrolling, except inside a data table', async () => {
    const wide = await findAt320(htmlPages(), (page) =>
      page.evaluate(() => {
        const root = document.documentElement;
        const describe = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
        const scrollers = [...document.querySelectorAll('body *')].filter(
          (el) =>
            el.scrollWidth > el.clientWidth + 1 &&
            /auto|scroll/.test(getComputedStyle(el).overflowX) &&
            !el.matches('.table-wrap'),
        );
        return [
          ...(root.scrollWidth > window.innerWidth ? [`the page is ${root.scrollWidth} px wide`] : []),
          ...scrollers.map((el) => `${describe(el)} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth})`),
        ];
      }),
    );
    expect(wide).toEqual({});
  });

  it('never starts a line with the "·" between the items of a list', async () => {
    // The search results' meta and theme lines, and their "Found by" line, are built in the browser.
    const paths = [...htmlPages(), '/search/?q=digital', '/search/?q=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD'];
    const stranded = await findAt320(paths, (page) =>
      page.evaluate(() => {
        const box = (node: Text, at: number) => {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          return range.getClientRects()[0];
        };
        const out: string[] = [];
        /** The last visible character before the current one, in document order. */
        let before: { node: Text; at: number } | undefined;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          if (!node.parentElement?.checkVisibility() || node.parentElement.closest('script, style')) continue;
          for (let at = 0; at < node.data.length; at += 1) {
            const char = node.data[at] ?? '';
            if (/\s/.test(char)) continue;
            const dot = char === '·' ? box(node, at) : undefined;
            const prior = dot && before && box(before.node, before.at);
            // On a new line the dot's top is below the bottom of the character before it.
            if (dot && prior && dot.top >= prior.bottom - 2) {
              out.push(`${before?.node.data.slice(-20) ?? ''} | ${node.data.slice(at, at + 20)}`);
            }
            before = { node, at };
          }
        }
        return out;
      }),
    );
    expect(stranded).toEqual({});
  });

  it('never splits a date, such as "15–17 April 2025", across two lines', async () => {
    // Dates only: a date-time ("7 December 2026 at 11:25 UTC", on /data/) may wrap before its hour.
    const split = await findAt320([...htmlPages(), '/search/?q=digital'], (page) =>
      page.locator('time:not([datetime*="T"])').evaluateAll((times) =>
        times
          .filter((time) => (time as HTMLElement).checkVisibility())
          // An inline element broken across lines has one box per line.
          .filter((time) => new Set([...time.getClientRects()].map((r) => Math.round(r.top))).size > 1)
          .map((time) => time.textContent?.trim() ?? ''),
      ),
    );
    expect(split).toEqual({});
  });
});
