/**
 * What a phone reader sees of an agreement before scrolling. Titles are sentences of up to 160 characters, and
 * at the size of other titles the longest filled the first screen of a 375 × 667 phone, its summary below it.
 * What follows the title is the summary, or first the note on a document the sources do not confirm.
 */
import { describe, expect, it } from 'vitest';
import { contentIds } from '../support/dist';
import { useBuiltSite, watchedPage } from '../support/browser';

const site = useBuiltSite();
const SCREEN = { width: 375, height: 667 };

describe('an agreement page on a 375 × 667 phone', () => {
  it('shows the title, the date and the first two lines of what follows before any scrolling', async () => {
    const { page } = await watchedPage(site.browser, { width: SCREEN.width });
    await page.setViewportSize(SCREEN);
    const below: Record<string, number> = {};
    for (const id of contentIds('agreements')) {
      await page.goto(`${site.server.origin}/agreements/${id}/`);
      // What follows the date: the summary, or before it the note on a document the sources do not confirm.
      const bottom = await page
        .locator('.agreement :is(.confidence, .lead)')
        .first()
        .evaluate((text) => {
          const lineHeight = Number.parseFloat(getComputedStyle(text).lineHeight);
          return (
            text.getBoundingClientRect().top + Number.parseFloat(getComputedStyle(text).paddingTop) + 2 * lineHeight
          );
        });
      if (bottom > SCREEN.height) below[id] = Math.round(bottom);
    }
    await page.context().close();
    expect(below).toEqual({});
  });
});
