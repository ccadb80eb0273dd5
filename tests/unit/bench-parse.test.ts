/** Parsing an `astro build` log into phases, pages and peak memory. */
import { describe, expect, it } from 'vitest';
import { parseBuildLog, parseDuration } from '../../scripts/bench/parse.ts';

const LOG = [
  [1000, '06:46:14 [vite] [optimizer] bundling dependencies...'],
  [5000, '06:46:18 [content] Syncing content'],
  [6000, '06:46:19 [content] Synced content'],
  [6100, '06:46:19 [build] ✓ Completed in 6.23s.'],
  [9500, ' generating static routes '],
  [9600, '06:46:23   ├─ /404.html (+11ms) '],
  [10100, '06:46:24 ✓ Completed in 589ms.'],
  [10200, '06:46:24 [build] ✓ Completed in 4.52s.'],
  [11000, '06:46:25 [tracker:pagefind] Indexed 100 pages in 856 ms'],
  [11050, '06:46:25 [build] Waiting for integration "tracker:og-cards-finish", hook "astro:build:done"...'],
  [
    11090,
    '06:46:25 [tracker:og-cards-finish] 40 social cards: wrote 40 (all drawn), kept 0 unchanged; 990 ms in all, 212 ms of it after the other integrations',
  ],
  [11100, '06:46:25 [build] 100 page(s) built in 11.70s'],
  [11300, '\tUser time (seconds): 14.52'],
  [11300, '\tSystem time (seconds): 3.07'],
  [11300, '\tPercent of CPU this job got: 150%'],
  [11300, '\tMaximum resident set size (kbytes): 621236'],
  [11300, '\tExit status: 0'],
].map(([at, text]) => ({ at: at as number, text: text as string }));

describe('parseBuildLog', () => {
  it('reads phases, pages, Pagefind time and peak memory', () => {
    expect(parseBuildLog(LOG)).toEqual({
      syncMs: 6000,
      bundleMs: 3500,
      renderMs: 589,
      pagefindMs: 856,
      pagefindPages: 100,
      cardsMs: 212,
      pages: 100,
      reused: 0,
      maxRssKb: 621236,
      cpuMs: 17590,
      exitStatus: 0,
      slowestRoutes: [{ route: '/404.html', ms: 11 }],
      renderByFamily: { '/404.html': { routes: 1, ms: 11 } },
    });
  });
  it('leaves out what the log does not say', () => {
    const parsed = parseBuildLog([{ at: 10, text: 'error: something broke' }]);
    expect(parsed.syncMs).toBeUndefined();
    expect(parsed.pages).toBeUndefined();
    expect(parsed.maxRssKb).toBeUndefined();
    expect(parsed.cpuMs).toBeUndefined();
  });
  it('counts no CPU time when GNU time gave only part of it', () => {
    expect(parseBuildLog([{ at: 10, text: '\tUser time (seconds): 14.52' }]).cpuMs).toBeUndefined();
  });
});

describe('routeTimes', () => {
  it('reads each route and its time, and groups by family', () => {
    const lines = [
      '06:46:23   ├─ /agreements/a/index.html (+9ms) ',
      '06:46:23   ├─ /agreements/b/index.html (+1.2s) ',
      '06:46:24   ├─ /agreements/c/index.html (restored) ',
      '06:46:24   ├─ /og/agreements/c.png (cached) ',
      '06:46:24   └─ /index.html (+8ms) ',
    ].map((text) => ({ at: 0, text }));
    const parsed = parseBuildLog(lines);
    expect(parsed.reused).toBe(2);
    expect(parsed.slowestRoutes[0]).toEqual({ route: '/agreements/b/index.html', ms: 1200 });
    expect(parsed.renderByFamily).toEqual({
      '/agreements/*': { routes: 2, ms: 1209 },
      '/index.html': { routes: 1, ms: 8 },
    });
  });
});

describe('parseDuration', () => {
  it('reads Astro durations in ms, s and m', () => {
    expect(parseDuration('589ms.')).toBe(589);
    expect(parseDuration(' 4.52s.')).toBeCloseTo(4520);
    expect(parseDuration('2m')).toBe(120_000);
    // Astro's form from a minute on: both parts, not the minutes alone.
    expect(parseDuration(' 1m 59s.')).toBe(119_000);
    expect(parseDuration('2m 0s.')).toBe(120_000);
    expect(parseDuration('soon')).toBeUndefined();
  });
});
