/**
 * What students type, and the agreements they must find in the first five results of /search/. Every
 * expectation comes from the content (parties, themes, aliases and titles in content/), never from
 * the search itself; the reason column says which fact makes the agreement the right answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/chromium';
import { watchedPage, type PageProblems } from '../support/browser';
import { distDir, requireBuild } from '../support/dist';
import { serveSite, type SiteServer } from '../../scripts/lib/server';

/** Agreements with the theme "Artificial intelligence" (content/agreements/*.mdx `themes`). */
const AI = [
  'artificial-intelligence-ndrc-mou-2025',
  'digital-economy-investment-mou-2024',
  'mdec-zhejiang-university-letter-of-intent-2025',
];
const NDRC = ['artificial-intelligence-ndrc-mou-2025', 'digital-economy-ndrc-mou-2025'];
/** Agreements whose Chinese party is MOFCOM. */
const MOFCOM = [
  'digital-economy-investment-mou-2024',
  'five-year-economic-trade-programme-2024',
  'green-development-investment-mou-2024',
  'trade-in-services-mou-2025',
  'two-countries-twin-parks-mou-2025',
];
const VISA = ['visa-exemption-agreement-2025', 'visa-exemption-letter-of-intent-2024'];

/** A reader's query, why it should work, and exactly one check of what it finds. */
type Case = { q: string; reason: string } & (
  | {
      /** Every one of these is in the top five. */
      expected: string[];
    }
  | {
      /** Each of the top five is one of these (more candidates than places). */
      within: string[];
    }
  | {
      /** The documents found are exactly these (other kinds of page may be found too). */
      only: string[];
    }
);

const cases: Case[] = [
  { q: 'NDRC', expected: NDRC, reason: 'NDRC is the Chinese party of both April 2025 MoUs' },
  { q: '国家发展改革委', expected: NDRC, reason: 'NDRC’s Chinese short name (actors.yaml alias)' },
  { q: 'Kementerian Digital', expected: NDRC, reason: 'Malay name of the Digital Ministry, their Malaysian party' },
  // A term of one document is an alias of that document, not of its theme, so its theme's other documents stay out.
  { q: 'single window', only: ['single-window-joint-statement-2024'], reason: 'in its title' },
  { q: '单一窗口', expected: ['single-window-joint-statement-2024'], reason: 'Chinese alias of single window' },
  {
    q: 'AI agreements 2025',
    expected: ['artificial-intelligence-ndrc-mou-2025', 'mdec-zhejiang-university-letter-of-intent-2025'],
    reason: 'the two 2025 agreements with the AI theme',
  },
  { q: '人工智能', expected: AI, reason: 'Chinese synonym of the AI theme, on its three agreements' },
  { q: 'kecerdasan buatan', expected: AI, reason: 'Malay synonym of the AI theme' },
  { q: 'artificial intelligence', expected: AI, reason: 'the AI theme’s title' },
  { q: 'durian', only: ['durian-phytosanitary-protocol-2024'], reason: 'in its title' },
  { q: 'phytosanitary', expected: ['durian-phytosanitary-protocol-2024'], reason: 'in its title' },
  {
    q: 'Kementerian Pertanian dan Keterjaminan Makanan',
    expected: ['durian-phytosanitary-protocol-2024'],
    reason: 'Malay name of KPKM, its Malaysian party',
  },
  {
    q: 'MITI',
    within: [...MOFCOM, 'standardisation-mou-2025'],
    reason: 'MITI is a party to these six agreements; five places',
  },
  { q: 'MOFCOM', expected: MOFCOM, reason: 'MOFCOM is the Chinese party of these five' },
  { q: '商务部', expected: MOFCOM, reason: 'MOFCOM’s Chinese name' },
  {
    q: '海关总署',
    expected: ['durian-phytosanitary-protocol-2024', 'single-window-joint-statement-2024'],
    reason: 'GACC’s Chinese name; GACC is the party of both',
  },
  { q: 'visa', expected: VISA, reason: 'in both titles' },
  { q: '免签', expected: VISA, reason: 'Chinese for visa-free (theme synonym and aliases)' },
  {
    q: 'Kementerian Dalam Negeri',
    expected: [...VISA, 'transnational-crime-agreement-2024'],
    reason: 'Malay name of the Home Ministry, party to these three',
  },
  { q: 'Zhejiang', expected: ['mdec-zhejiang-university-letter-of-intent-2025'], reason: 'in its title' },
  {
    q: '浙江大学',
    expected: ['mdec-zhejiang-university-letter-of-intent-2025'],
    reason: 'Zhejiang University in Chinese',
  },
  { q: 'lion dance', only: ['cultural-cooperation-executive-programme-2024'], reason: 'agreement alias' },
  { q: 'twin parks', expected: ['two-countries-twin-parks-mou-2025'], reason: 'in its title' },
  { q: 'Qinzhou', only: ['two-countries-twin-parks-mou-2025'], reason: 'agreement alias (the Chinese park)' },
  { q: 'transnational crime', expected: ['transnational-crime-agreement-2024'], reason: 'in its title' },
  { q: 'postal', expected: ['postal-cooperation-mou-2024'], reason: 'in its title' },
  { q: 'SKMM', expected: ['postal-cooperation-mou-2024'], reason: 'Malay abbreviation of MCMC, its party' },
  { q: 'KPKT', expected: ['housing-urban-development-mou-2024'], reason: 'abbreviation of its Malaysian party' },
  { q: 'Standards Malaysia', expected: ['standardisation-mou-2025'], reason: 'alias of its Malaysian party' },
  { q: 'higher education', expected: ['higher-education-mou-2024'], reason: 'in its title' },
  {
    q: 'tourism',
    expected: ['tourism-cooperation-mou-2024', 'cultural-cooperation-executive-programme-2024'],
    reason: 'the two agreements with the tourism and culture theme',
  },
  {
    q: 'smart city',
    expected: ['housing-urban-development-mou-2024', 'mdec-zhejiang-university-letter-of-intent-2025'],
    reason: 'smart-cities theme synonym',
  },
  {
    q: 'data sovereignty',
    expected: NDRC,
    reason: 'synonym of the data governance theme, which only the two NDRC MoUs have',
  },
  {
    q: 'joint statement',
    expected: ['joint-statement-2024', 'single-window-joint-statement-2024'],
    reason: 'the two joint statements',
  },
];

let server: SiteServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  requireBuild();
  server = await serveSite(distDir);
  browser = await launchBrowser();
  ({ page, problems } = await watchedPage(browser));
  await page.goto(`${server.root}search/`);
  await page.locator('[data-search-facets]:not([hidden])').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Types a query in the page's box, submits, and returns every listed result: an agreement's id, else its address. */
async function results(q: string): Promise<string[]> {
  await page.locator('#page-search').fill(q);
  await page.locator('#page-search').press('Enter');
  await page.locator('[data-search-status]', { hasText: `“${q}”` }).waitFor();
  const hrefs = await page
    .locator('.search-result h2 a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => /\/agreements\/([^/]+)\//.exec(href)?.[1] ?? href);
}

describe('reader queries find the right agreements in the top five', () => {
  it.each(cases)('$q ($reason)', async (c) => {
    const listed = await results(c.q);
    const top = listed.slice(0, 5);
    if ('only' in c) expect(listed.filter((id) => !id.startsWith('/'))).toEqual(c.only);
    else if ('expected' in c) expect(top).toEqual(expect.arrayContaining(c.expected));
    else {
      expect(top).toHaveLength(5);
      for (const id of top) expect(c.within).toContain(id);
    }
    // Checked with every query, so that running one case alone still watches the page.
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });
});
