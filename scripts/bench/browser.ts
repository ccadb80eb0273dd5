/**
 * Measurements in a real headless Chromium against the built site served on loopback: page weights per
 * template, Pagefind search cost (bytes and requests counted at the server, latency in the page), and the
 * time the timeline filter takes to apply.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { serveSite, type Served, type SiteServer } from '../lib/server.ts';
import {
  DATE_ORDER_FILE,
  EXACT,
  PAGEFIND_OPTIONS,
  PANEL_RESULTS,
  dateOrderPlaces,
  decodeDateOrder,
} from '../../src/lib/search-config.ts';
import { byDate } from '../../src/lib/search-rank.ts';
import { median, percentile } from './stats.ts';

/** Gzipped bytes and requests of one page load, by kind of file. */
export interface PageWeight {
  path: string;
  requests: number;
  html: number;
  css: number;
  js: number;
  other: number;
  /** Raw (uncompressed) HTML bytes. */
  htmlRaw: number;
  /** Bytes of /pagefind/ files fetched during the load (should be 0). */
  searchBytes: number;
}

/** gzip -6 sizes of built files, cached by path. */
function gzipSizer(dist: string): (path: string) => number {
  const cache = new Map<string, number>();
  return (file) => {
    let size = cache.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(dist, file)), { level: 6 }).length;
      cache.set(file, size);
    }
    return size;
  };
}

/** The built file a served path stands for ("/x/" → "x/index.html"). */
function fileFor(path: string): string {
  const decoded = decodeURIComponent(path).replace(/^\//, '');
  return decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
}

/** Files and bytes under a folder, recursively. */
export function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = folderSize(path);
      files += inner.files;
      bytes += inner.bytes;
    } else {
      files += 1;
      bytes += statSync(path).size;
    }
  }
  return { files, bytes };
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

const since = (log: Served[], start: number) => log.slice(start);

/** Loads each path in a fresh context and weighs what the server sent for it. */
export async function measureWeights(
  browser: Browser,
  server: SiteServer,
  dist: string,
  paths: string[],
): Promise<PageWeight[]> {
  const gz = gzipSizer(dist);
  const weights: PageWeight[] = [];
  for (const path of paths) {
    const page = await freshPage(browser);
    const start = server.log.length;
    await page.goto(`${server.root}${path.replace(/^\//, '')}`, { waitUntil: 'networkidle' });
    const served = since(server.log, start).filter((s) => s.status === 200);
    const weight: PageWeight = {
      path,
      requests: served.length,
      html: 0,
      css: 0,
      js: 0,
      other: 0,
      htmlRaw: 0,
      searchBytes: 0,
    };
    for (const s of served) {
      const file = fileFor(s.path);
      const size = gz(file);
      if (s.path.includes('/pagefind/')) weight.searchBytes += s.bytes;
      const ext = extname(file);
      if (ext === '.html') {
        weight.html += size;
        weight.htmlRaw += s.bytes;
      } else if (ext === '.css') weight.css += size;
      else if (ext === '.js' || ext === '.mjs') weight.js += size;
      else weight.other += size;
    }
    weights.push(weight);
    await page.context().close();
  }
  return weights;
}

/** One kind of query: the text, and Pagefind options. */
export interface QuerySpec {
  name: string;
  query: string;
  options: Record<string, unknown>;
}

/** Cost and latency of one kind of query. */
export interface QueryResult {
  name: string;
  query: string;
  results: number;
  /** First query in a fresh browser (nothing cached): bytes and requests at the server, for loading Pagefind and searching. */
  coldBytes: number;
  coldRequests: number;
  /** The same transfer if the host gzips text files (.js, .json; Pagefind's own chunks and wasm are already gzipped). */
  coldGzipBytes: number;
  /** What the cold query fetched: path and bytes as served. */
  coldFetched: { path: string; bytes: number }[];
  /** This query after a different query has warmed Pagefind up in the same page. */
  laterBytes: number;
  laterRequests: number;
  laterGzipBytes: number;
  coldP50Ms: number;
  coldP95Ms: number;
  warmP50Ms: number;
  warmP95Ms: number;
}

/**
 * The site's own date-order code as source for the page: decodeDateOrder, dateOrderPlaces and byDate use
 * nothing but the browser's globals and EXACT, so the benchmark runs the functions readers run, not a copy.
 */
export const DATE_ORDER_SCRIPT = [
  `const EXACT = ${JSON.stringify(EXACT)};`,
  `const decodeDateOrder = ${decodeDateOrder.toString()};`,
  `const dateOrderPlaces = ${dateOrderPlaces.toString()};`,
  `const byDate = ${byDate.toString()};`,
].join('\n');

/**
 * The search expression, as a string (the test runner would rewrite a dynamic import() in a function):
 * Pagefind with the site's options and the same calls as runSearch in search-core.ts: one search (never
 * given `sort`); a date order sorts the results with the site's byDate by the date-order file (fetched
 * once per page, while Pagefind searches, as the site's loadDateOrder does); then as many results as the
 * header panel shows are loaded, in that order.
 */
function searchExpression(root: string, query: string, options: Record<string, unknown>): string {
  const { sort, ...unsorted } = options as { sort?: { date: 'asc' | 'desc' } };
  return `(async () => {
    ${DATE_ORDER_SCRIPT}
    const t0 = performance.now();
    const pf = await import(${JSON.stringify(`${root}pagefind/pagefind.js`)});
    await pf.options(${JSON.stringify({ baseUrl: new URL(root).pathname, ...PAGEFIND_OPTIONS })});
    const sort = ${JSON.stringify(sort ?? null)};
    if (sort) {
      window.__dateOrder ??= (async () => {
        const response = await fetch(${JSON.stringify(`${root}${DATE_ORDER_FILE}`)}, { cache: 'no-cache' });
        return dateOrderPlaces(await decodeDateOrder(new Uint8Array(await response.arrayBuffer())));
      })();
    }
    const search = await pf.search(${JSON.stringify(query)}, ${JSON.stringify(unsorted)});
    const results = sort
      ? byDate(search.results, await window.__dateOrder, sort.date)
      : search.results;
    const data = await Promise.all(results.slice(0, ${PANEL_RESULTS}).map((r) => r.data()));
    return { ms: performance.now() - t0, results: results.length, loaded: data.length };
  })()`;
}

/**
 * Measures each query: cold (fresh contexts), after a warm-up by another query, and warm repeats. Queries run
 * from `startPath`, a page that loads no search code itself (the /search/ page loads Pagefind on arrival).
 */
export async function measureSearch(
  browser: Browser,
  server: SiteServer,
  dist: string,
  queries: QuerySpec[],
  startPath = 'about/',
  coldRuns = 5,
  warmRuns = 20,
): Promise<QueryResult[]> {
  const out: QueryResult[] = [];
  const pagefindOnly = (entries: Served[]) => entries.filter((s) => s.path.includes('/pagefind/'));
  const gz = gzipSizer(dist);
  const gzipBytes = (entries: Served[]) =>
    entries.reduce((sum, e) => sum + (/\.(js|mjs|json|css)$/.test(e.path) ? gz(fileFor(e.path)) : e.bytes), 0);
  for (const [index, spec] of queries.entries()) {
    const coldTimes: number[] = [];
    let coldBytes = 0;
    let coldRequests = 0;
    let coldGzipBytes = 0;
    let coldFetched: { path: string; bytes: number }[] = [];
    let results = 0;
    for (let run = 0; run < coldRuns; run += 1) {
      const page = await freshPage(browser);
      await page.goto(`${server.root}${startPath}`, { waitUntil: 'load' });
      const start = server.log.length;
      const r = (await page.evaluate(searchExpression(server.root, spec.query, spec.options))) as {
        ms: number;
        results: number;
      };
      const fetched = pagefindOnly(since(server.log, start));
      if (run === 0) {
        coldBytes = fetched.reduce((s, f) => s + f.bytes, 0);
        coldRequests = fetched.length;
        coldGzipBytes = gzipBytes(fetched);
        coldFetched = fetched.map(({ path, bytes }) => ({ path, bytes }));
        results = r.results;
      }
      coldTimes.push(r.ms);
      await page.context().close();
    }
    // Later: another query first, then this one; then warm repeats of this one.
    const page = await freshPage(browser);
    await page.goto(`${server.root}${startPath}`, { waitUntil: 'load' });
    const other = queries[(index + 1) % queries.length] as QuerySpec;
    await page.evaluate(searchExpression(server.root, other.query === spec.query ? 'memorandum' : other.query, {}));
    const start = server.log.length;
    await page.evaluate(searchExpression(server.root, spec.query, spec.options));
    const later = pagefindOnly(since(server.log, start));
    const warmTimes: number[] = [];
    for (let run = 0; run < warmRuns; run += 1) {
      const r = (await page.evaluate(searchExpression(server.root, spec.query, spec.options))) as { ms: number };
      warmTimes.push(r.ms);
    }
    await page.context().close();
    out.push({
      name: spec.name,
      query: spec.query,
      results,
      coldBytes,
      coldRequests,
      coldGzipBytes,
      coldFetched,
      laterBytes: later.reduce((s, f) => s + f.bytes, 0),
      laterRequests: later.length,
      laterGzipBytes: gzipBytes(later),
      coldP50Ms: percentile(coldTimes, 50),
      coldP95Ms: percentile(coldTimes, 95),
      warmP50Ms: percentile(warmTimes, 50),
      warmP95Ms: percentile(warmTimes, 95),
    });
  }
  return out;
}

/** Time to apply one theme filter on the timeline: check the box, dispatch change, force layout. */
export interface FilterResult {
  themeId: string;
  runs: number[];
  medianMs: number;
  /**
   * Unchecking the box again, back to the page as built (older years folded), timed the same way. Missing
   * from results written before 4 December 2026, which did not measure it.
   */
  clearRuns?: number[];
  clearMedianMs?: number;
  shownBefore: number;
  shownAfter: number;
  /**
   * The first filter after the page loads, until the timeline is no longer aria-busy: with older years
   * folded this includes fetching the facet index and the year pages that hold a match.
   */
  firstMs: number;
  /** Bytes and requests the first filter fetched (0 when nothing is folded). */
  firstBytes: number;
  firstRequests: number;
}

/**
 * Times the timeline filter on `/`. The first filter is timed until the view settles (it may fetch);
 * the later runs, once every year it needs is on the page, time the click itself: `change`, then a
 * forced layout, synchronously, as a reader's click costs before the next frame.
 */
export async function measureTimelineFilter(
  browser: Browser,
  server: SiteServer,
  themeId: string,
  runs = 9,
): Promise<FilterResult> {
  const page = await freshPage(browser);
  await page.goto(server.root, { waitUntil: 'networkidle' });
  const toggle = (on: boolean) => `(() => {
    const form = document.querySelector('[data-filter-form]');
    const box = form.querySelector('input[type=checkbox][name=theme][value=${JSON.stringify(themeId)}]');
    if (!box) throw new Error('no checkbox for theme ${themeId}');
    box.checked = ${on};
    form.dispatchEvent(new Event('change', { bubbles: true }));
  })()`;
  const servedBefore = server.log.length;
  const firstMs = (await page.evaluate(`(async () => {
    const t0 = performance.now();
    ${toggle(true)};
    const timeline = document.querySelector('.timeline');
    while (timeline.hasAttribute('aria-busy')) await new Promise((r) => setTimeout(r, 1));
    void document.body.offsetHeight;
    return performance.now() - t0;
  })()`)) as number;
  const firstFetched = server.log.slice(servedBefore);
  await page.evaluate(toggle(false));
  const expression = `(() => {
    const visible = () => document.querySelectorAll('.timeline li:not([hidden]) [data-entry-id]').length;
    const before = visible();
    const t0 = performance.now();
    ${toggle(true)};
    void document.body.offsetHeight;
    const ms = performance.now() - t0;
    const after = visible();
    const t1 = performance.now();
    ${toggle(false)};
    void document.body.offsetHeight;
    const clearMs = performance.now() - t1;
    return { ms, clearMs, before, after };
  })()`;
  await page.evaluate(expression); // a warm-up run, not counted
  const times: number[] = [];
  const clearTimes: number[] = [];
  let shownBefore = 0;
  let shownAfter = 0;
  for (let i = 0; i < runs; i += 1) {
    const r = (await page.evaluate(expression)) as { ms: number; clearMs: number; before: number; after: number };
    times.push(r.ms);
    clearTimes.push(r.clearMs);
    shownBefore = r.before;
    shownAfter = r.after;
  }
  await page.context().close();
  return {
    themeId,
    runs: times,
    medianMs: median(times),
    clearRuns: clearTimes,
    clearMedianMs: median(clearTimes),
    shownBefore,
    shownAfter,
    firstMs,
    firstBytes: firstFetched.reduce((n, f) => n + f.bytes, 0),
    firstRequests: firstFetched.length,
  };
}

export { serveSite };
