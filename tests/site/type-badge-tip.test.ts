/**
 * A type badge's tooltip (its legal weight) covers the card's title below it, so WCAG 1.4.13 asks that the
 * reader can dismiss it without moving focus or the pointer: Escape hides it, and it comes back the next
 * time the badge is focused or hovered.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { useBuiltSite, watchedPage } from '../support/browser';

const site = useBuiltSite();

/** The tooltip's text as drawn, or 'none' when it is not. */
const tip = (badge: Locator) => badge.evaluate((el) => getComputedStyle(el, '::after').content);

describe('the type badge tooltip', () => {
  it('shows on keyboard focus, hides on Escape with the focus kept, and shows again on the next focus', async () => {
    const { page } = await watchedPage(site.browser, { width: 375 });
    await page.goto(`${site.server.root}themes/mobility-visas/`);
    const badge = page.locator('.entry .badge[data-weight]').first();
    const weight = await badge.getAttribute('data-weight');
    expect(weight).toBeTruthy();
    // Focus by keyboard, so that :focus-visible applies: Tab until the badge has it.
    for (let i = 0; i < 200 && !(await badge.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(tip(badge)).resolves.toBe(JSON.stringify(weight));
    await page.keyboard.press('Escape');
    await expect(tip(badge)).resolves.toBe('none');
    await expect(badge.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(tip(badge)).resolves.toBe(JSON.stringify(weight));
  });

  it('shows on hover, hides on Escape with the pointer still there, and shows again on the next hover', async () => {
    const { page } = await watchedPage(site.browser, { width: 1280 });
    await page.goto(`${site.server.root}themes/mobility-visas/`);
    const badge = page.locator('.entry .badge[data-weight]').first();
    const weight = await badge.getAttribute('data-weight');
    await badge.hover();
    await expect(tip(badge)).resolves.toBe(JSON.stringify(weight));
    await page.keyboard.press('Escape');
    await expect(tip(badge)).resolves.toBe('none');
    await page.mouse.move(0, 0);
    await badge.hover();
    await expect(tip(badge)).resolves.toBe(JSON.stringify(weight));
  });
});
