/**
 * The site header on a phone: it must leave the screen to the page. At 375 px it used to take 237 px
 * of an 812 px screen, because the colour toggle sat alone on a fourth row.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watchedPage } from '../support/browser';

const site = useBuiltSite();

/** A phone's screen: 375 × 812 CSS pixels. */
const PHONE = { width: 375, height: 812 };

describe('the header on a 375 px phone', () => {
  it.each(['', 'agreements/artificial-intelligence-ndrc-mou-2025/', 'search/?q=visa'])(
    '/%s: takes at most a quarter of the screen, with every section, the search field and the toggle in view',
    async (path) => {
      const { page, problems } = await watchedPage(site.browser, { width: PHONE.width });
      await page.goto(`${site.server.root}${path}`);
      const header = page.locator('.site-header');
      const box = await header.boundingBox();
      expect(box?.height ?? Infinity).toBeLessThanOrEqual(PHONE.height / 4);
      const name = await header.locator('.site-name').boundingBox();
      const toggle = await header.getByRole('button', { name: 'Dark mode' }).boundingBox();
      // The toggle shares the site name's row, at the right-hand edge.
      expect(toggle && name && toggle.y < name.y + name.height && toggle.x > name.x + name.width).toBe(true);
      for (const link of await header.getByRole('navigation').getByRole('link').all()) {
        await expect(link.isVisible()).resolves.toBe(true);
        const linkBox = await link.boundingBox();
        expect(linkBox && linkBox.x >= 0 && linkBox.x + linkBox.width <= PHONE.width).toBe(true);
      }
      // The search field runs the header's width, less the button, so a query can be read as it is typed.
      const field = await header.getByRole('combobox').boundingBox();
      expect(field?.width ?? 0).toBeGreaterThan(PHONE.width / 2);
      expect([...problems.consoleErrors, ...problems.cspViolations]).toEqual([]);
      await page.context().close();
    },
  );

  it('keeps the navigation in place before the toggle, the header’s last element, has been parsed', async () => {
    // On a slow load the browser may paint the header before the toggle arrives; the name must not rewrap then.
    const { page } = await watchedPage(site.browser, { width: PHONE.width });
    await page.goto(`${site.server.root}themes/`);
    const navTop = () => page.locator('.site-header nav').evaluate((nav) => nav.getBoundingClientRect().top);
    const withToggle = await navTop();
    await page.locator('.scheme-toggle').evaluate((toggle) => toggle.remove());
    expect(await navTop()).toBe(withToggle);
    await page.context().close();
  });
});
