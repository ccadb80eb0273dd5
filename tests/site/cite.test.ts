/**
 * "Cite this entry" on agreement pages: every page in the build offers the five formats, each citing that
 * page's canonical URL, dated by the entry's review and accessed on the build day, which a script
 * replaces with the reader's day; in Chromium, the BibTeX copy button is reached with Tab alone, copies
 * exactly the text shown and says so, and when copying fails the text is selected for the reader and
 * the failure is announced.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite, watchedPage } from '../support/browser';
import { contentIds, htmlPages, readPage } from '../support/dist';

const FORMATS = ['apa', 'chicago', 'bibtex', 'ris', 'csl'] as const;
const agreementPages = htmlPages().filter((path) => /^\/agreements\/[^/]+\/$/.test(path));
const ID = 'two-countries-twin-parks-mou-2025';

describe('every agreement page in the build', () => {
  it('is one page per agreement in the content', () => {
    expect(agreementPages.map((path) => path.split('/')[2]).sort()).toEqual(contentIds('agreements'));
  });

  it.each(agreementPages)('%s cites itself in five formats, at its canonical URL', (path) => {
    const html = readPage(path);
    const canonical = html.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
    expect(canonical).toMatch(new RegExp(`^https?://[^/]+(/.*)?${path.replaceAll('/', '\\/')}$`));
    const section = html.querySelector('section[aria-labelledby="cite"]');
    expect(section?.querySelector('h2#cite')?.text).toBe('Cite this entry');
    for (const format of FORMATS) {
      const box = section?.querySelector(`textarea#cite-${format}`);
      expect(box, format).not.toBeNull();
      expect(box?.hasAttribute('readonly')).toBe(true);
      expect(section?.querySelector(`label[for="cite-${format}"]`)?.text.trim()).not.toBe('');
      expect(box?.text, format).toContain(canonical);
    }
  });

  it.each(agreementPages)('%s is dated by the entry’s review and accessed on the build day', (path) => {
    const html = readPage(path);
    const [item] = JSON.parse(html.querySelector('textarea#cite-csl')?.text ?? '[]') as {
      title: string;
      issued: { 'date-parts': number[][] };
      accessed: { 'date-parts': number[][] };
    }[];
    const reviewed = html.querySelector('.reviewed time')?.getAttribute('datetime') ?? '';
    const built = html.querySelector('footer time')?.getAttribute('datetime') ?? '';
    expect(item?.title).toBe(html.querySelector('h1')?.text.trim());
    expect(item?.issued['date-parts']).toEqual([reviewed.split('-').map(Number)]);
    expect(item?.accessed['date-parts']).toEqual([built.split('-').map(Number)]);
    expect(html.querySelector('textarea#cite-bibtex')?.text).toMatch(new RegExp(`^@misc\\{${path.split('/')[2]},`));
  });
});

const site = useBuiltSite();

/**
 * Presses Tab until the copy button of a box has focus, opening with Enter the closed disclosure that holds
 * the box when focus reaches it, as a keyboard reader would; returns how many presses it took, or -1.
 */
async function tabTo(page: Page, boxId: string): Promise<number> {
  for (let presses = 1; presses <= 400; presses += 1) {
    await page.keyboard.press('Tab');
    const closedAround = await page.evaluate((id) => {
      const details = document.activeElement?.closest('summary')?.parentElement;
      return details instanceof HTMLDetailsElement && !details.open && details.querySelector(`#${id}`) !== null;
    }, boxId);
    if (closedAround) await page.keyboard.press('Enter');
    const there = await page.evaluate(
      (id) =>
        (document.activeElement?.matches('button[data-copy-button]') ?? false) &&
        document.activeElement?.closest('[data-copy-box]')?.querySelector('textarea')?.id === id,
      boxId,
    );
    if (there) return presses;
  }
  return -1;
}

const status = (page: Page, boxId: string) =>
  page.locator(`[data-copy-box]:has(#${boxId}) [role="status"]`).textContent();

describe('copying a citation in Chromium', () => {
  it('shows the two prose styles, and folds the three formats for reference managers under one disclosure', async () => {
    const { page } = await watchedPage(site.browser, { width: 375 });
    await page.goto(`${site.server.origin}/agreements/${ID}/`);
    const visible = async () =>
      Object.fromEntries(
        await Promise.all(FORMATS.map(async (f) => [f, await page.locator(`#cite-${f}`).isVisible()])),
      );
    expect(await visible()).toEqual({ apa: true, chicago: true, bibtex: false, ris: false, csl: false });
    const summary = page.locator('.cite-this summary');
    expect(await summary.textContent()).toBe(
      'For reference managers: BibTeX, RIS (EndNote, Zotero, Mendeley), CSL-JSON',
    );
    await summary.click();
    expect(await visible()).toEqual({ apa: true, chicago: true, bibtex: true, ris: true, csl: true });
  });

  it('reaches the BibTeX copy button with Tab alone, copies exactly the text shown and announces it', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    await page.goto(`${site.server.origin}/agreements/${ID}/`);
    expect(await tabTo(page, 'cite-bibtex')).toBeGreaterThan(0);
    // Named for what it copies, among five copy buttons, and not described by the whole citation.
    const focused = page.locator('button:focus');
    expect(await page.getByRole('button', { name: 'Copy BibTeX', exact: true }).count()).toBe(1);
    expect(await focused.getAttribute('aria-describedby')).toBeNull();
    expect(await focused.textContent()).toBe('Copy BibTeX');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page, 'cite-bibtex')).toBe('Copied BibTeX to the clipboard.');
    const shown = await page.locator('#cite-bibtex').inputValue();
    expect(shown.startsWith(`@misc{${ID},`)).toBe(true);
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(shown);
    expect(await status(page, 'cite-apa')).toBe('');
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });

  it('selects the text and says so when the browser refuses to copy', async () => {
    const { page } = await watchedPage(site.browser);
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () =>
        Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await page.goto(`${site.server.origin}/agreements/${ID}/`);
    expect(await tabTo(page, 'cite-ris')).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page, 'cite-ris')).toBe('Could not copy: select the text and copy it yourself.');
    const selection = await page.evaluate(() => {
      const field = document.activeElement as HTMLTextAreaElement;
      return { id: field.id, start: field.selectionStart, end: field.selectionEnd, length: field.value.length };
    });
    expect(selection).toEqual({ id: 'cite-ris', start: 0, end: selection.length, length: selection.length });
    expect(selection.length).toBeGreaterThan(0);
  });

  it('sets the accessed date to the reader’s day in every format, keeping the review date', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.clock.setFixedTime(new Date(2027, 2, 15, 10, 0));
    await page.goto(`${site.server.origin}/agreements/${ID}/`);
    const built = (await page.locator('footer time').getAttribute('datetime')) ?? '';
    const reviewed = (await page.locator('.reviewed time').getAttribute('datetime')) ?? '';
    expect(built).not.toBe('2027-03-15');
    const text = async (format: string) => page.locator(`#cite-${format}`).inputValue();
    expect(await text('apa')).toMatch(/Retrieved March 15, 2027, from /);
    expect(await text('chicago')).toContain('Accessed March 15, 2027.');
    expect(await text('bibtex')).toContain('urldate = {2027-03-15},');
    expect(await text('bibtex')).toContain(`date = {${reviewed}},`);
    expect(await text('ris')).toContain('Y2  - 2027/03/15/\nM1  - 2027/03/15/');
    const [item] = JSON.parse(await text('csl')) as {
      issued: { 'date-parts': number[][] };
      accessed: { 'date-parts': number[][] };
    }[];
    expect(item?.accessed['date-parts']).toEqual([[2027, 3, 15]]);
    expect(item?.issued['date-parts']).toEqual([reviewed.split('-').map(Number)]);
    await expect(page.locator('[data-cite-accessed]').textContent()).resolves.toContain('today, 15 March 2027');
    await expect(page.locator('.cite-this__print').textContent()).resolves.toContain('Retrieved March 15, 2027');
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });

  it('without a clipboard, shows every citation as selectable text and no copy buttons', async () => {
    const { page } = await watchedPage(site.browser);
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    await page.goto(`${site.server.origin}/agreements/${ID}/`);
    await page.locator('.cite-this summary').click();
    for (const format of FORMATS) {
      await expect.poll(() => page.locator(`#cite-${format}`).isVisible()).toBe(true);
      expect(await page.locator(`#cite-${format}`).inputValue()).toContain(`/agreements/${ID}/`);
    }
    expect(await page.locator('.cite-this [data-copy-button]:visible').count()).toBe(0);
  });
});
