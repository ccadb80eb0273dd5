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

describe('the arrow between the two sides on a 375 px phone', () => {
  it('never ends a line: the first name of the Chinese side starts on the arrow’s line', async () => {
    const { page } = await watchedPage(site.browser, { width: 375 });
    const alone: string[] = [];
    let checked = 0;
    for (const path of ['', 'years/2024/', ...contentIds('agreements').map((id) => `agreements/${id}/`)]) {
      await page.goto(`${site.server.root}${path}`);
      const found = await page.locator('.parties').evaluateAll((lists) =>
        lists.flatMap((list) => {
          const walker = document.createTreeWalker(list, NodeFilter.SHOW_TEXT, {
            acceptNode: (node) =>
              node.parentElement?.closest('.visually-hidden') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
          });
          const rectOf = (node: Node, at: number) => {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            return range.getBoundingClientRect();
          };
          let arrow: DOMRect | undefined;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            for (let i = 0; i < text.length; i++) {
              if (text[i] === '↔') arrow = rectOf(node, i);
              else if (arrow && /[\p{L}\p{N}]/u.test(text[i] ?? '')) {
                const first = rectOf(node, i);
                return [{ text: list.textContent ?? '', sameLine: Math.abs(first.top - arrow.top) < 4 }];
              }
            }
          }
          return [];
        }),
      );
      checked += found.length;
      alone.push(...found.filter((f) => !f.sameLine).map((f) => `/${path}: ${f.text.trim()}`));
    }
    expect(checked).toBeGreaterThan(20);
    expect(alone).toEqual([]);
  });
});
