/**
 * Lighthouse 13 (mobile, its default config) in the real Chromium against the production build on loopback.
 * Accessibility, best practices and SEO must score 1 on each page; performance is only reported, in
 * .tmp/lighthouse/summary.json and a table on the console, with LCP, TBT and CLS.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LaunchedChrome } from 'chrome-launcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/project-root';
import { distDir, requireBuild } from '../support/dist';
import {
  describeFailures,
  launchChromeForLighthouse,
  runLighthouse,
  summarise,
  summaryTable,
  type PageSummary,
} from '../../scripts/lib/lighthouse';
import { serveSite, type SiteServer } from '../../scripts/lib/server';

const PAGES = [
  '/',
  '/agreements/artificial-intelligence-ndrc-mou-2025/',
  '/themes/artificial-intelligence/',
  '/search/?q=NDRC',
];
const ASSERTED = ['accessibility', 'best-practices', 'seo'] as const;
const SUMMARY = join(projectRoot, '.tmp', 'lighthouse', 'summary.json');

let server: SiteServer;
let chrome: LaunchedChrome;
const summaries: PageSummary[] = [];

beforeAll(async () => {
  requireBuild();
  server = await serveSite(distDir);
  chrome = await launchChromeForLighthouse();
});

afterAll(async () => {
  chrome?.kill();
  await server?.close();
  if (summaries.length === 0) return;
  const ordered = PAGES.flatMap((path) => summaries.filter((s) => s.path === path));
  mkdirSync(join(projectRoot, '.tmp', 'lighthouse'), { recursive: true });
  writeFileSync(
    SUMMARY,
    `${JSON.stringify({ generated: new Date().toISOString(), formFactor: 'mobile', pages: ordered }, null, 2)}\n`,
  );
  console.log(`Lighthouse (mobile), written to ${SUMMARY}:\n${summaryTable(ordered)}`);
});

// Sequential on purpose: one Chromium, one page at a time, so the runs do not disturb each other.
describe('Lighthouse (mobile)', () => {
  it.each(PAGES)(
    '%s scores 1 for accessibility, best practices and SEO',
    async (path) => {
      const url = new URL(path.slice(1), server.root).href;
      const lhr = await runLighthouse(url, chrome.port);
      const summary = summarise(path, url, lhr);
      summaries.push(summary);
      const below = ASSERTED.filter((category) => summary.scores[category] !== 1);
      const message = below
        .map((c) => `${path} ${c} is ${summary.scores[c]}; failing audits:\n${describeFailures(summary.failing[c])}`)
        .join('\n');
      expect(Object.fromEntries(ASSERTED.map((c) => [c, summary.scores[c]])), message).toEqual({
        accessibility: 1,
        'best-practices': 1,
        seo: 1,
      });
    },
    120_000,
  );
});
