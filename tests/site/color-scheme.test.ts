/** Dark mode follows the system, and the toggle overrides it and is remembered across pages. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite, watchedPage } from '../support/browser';

const site = useBuiltSite();

/** The page background as the reader sees it. */
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT = 'rgb(253, 253, 251)';
const DARK = 'rgb(18, 21, 19)';

describe('colour scheme', () => {
  it('follows the system when the reader has not chosen', async () => {
    const light = await watchedPage(site.browser, { colorScheme: 'light' });
    await light.page.goto(site.server.root);
    expect(await background(light.page)).toBe(LIGHT);
    const dark = await watchedPage(site.browser, { colorScheme: 'dark' });
    await dark.page.goto(site.server.root);
    expect(await background(dark.page)).toBe(DARK);
  });

  it('switches with the toggle, remembers the choice on other pages and after reload, and breaks no CSP', async () => {
    const { page, problems } = await watchedPage(site.browser, { colorScheme: 'light' });
    await page.goto(site.server.root);
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await background(page)).toBe(DARK);
    await page.goto(`${site.server.root}about/`);
    expect(await background(page)).toBe(DARK);
    await page.reload();
    expect(await background(page)).toBe(DARK);
    await page.getByRole('button', { name: 'Dark mode' }).press('Enter');
    expect(await background(page)).toBe(LIGHT);
    expect(problems.cspViolations).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});
