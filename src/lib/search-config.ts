/**
 * How the site asks Pagefind for results, shared by the search code and the benchmark so the benchmark
 * measures exactly what a reader's browser fetches. Each loaded result costs one fragment request.
 */

/**
 * Pagefind's init options. Searching in the page (no worker) saves a 43 KB download and a request,
 * and a search over thousands of entries still takes tens of milliseconds; the search page, which
 * searches on arrival, asks for the worker instead (loadPagefind in search-core.ts).
 *
 * Ranking: agreements come first because the other pages (actors, events, themes) index their text at
 * a tenth of the weight (`data-pagefind-weight="0.1"` on their `<article>`), not through a second search
 * filtered to agreements (which cost the `kind` filter chunk, a request, and a second search every time).
 * Pagefind's default 5× boost for a match in a page's title would undo that for a short actor page
 * titled "… (MITI)", so titles count as any other metadata (1×); an agreement's `<h1>` keeps its own
 * weight of 10 in the body.
 */
export const PAGEFIND_OPTIONS = {
  excerptLength: 24,
  noWorker: true,
  ranking: { metaWeights: { title: 1 } },
} as const;

/**
 * Results the header panel shows (and loads) for a query: Pagefind UI's own page size. With Pagefind's
 * fixed files (pagefind.js, wasm, entry, metadata, one index chunk) a first query is then 10 requests;
 * the panel's "see all results" link leads to /search/ for the rest.
 */
export const PANEL_RESULTS = 5;

/** Results the search page loads at first, and again each time the reader asks for more. */
export const PAGE_RESULTS = 10;

/** The folder of the output that holds Pagefind's files (its bundle) and the date order. */
export const SEARCH_FOLDER = 'pagefind';

/** The date order's file name in SEARCH_FOLDER. */
export const DATE_ORDER_NAME = 'date-order.json.gz';

/**
 * The date order of every dated result (agreements and events), oldest first, as gzipped JSON (see
 * DateOrderFile); written next to Pagefind's files by src/integrations/pagefind.ts. It stands in for
 * `data-pagefind-sort`, whose page list Pagefind puts in the metadata every query downloads; this file
 * is fetched only when a reader orders by date (or browses, newest first).
 */
export const DATE_ORDER_FILE = `${SEARCH_FOLDER}/${DATE_ORDER_NAME}`;

/** The date-order file: Pagefind result ids, oldest first, as `prefix` + each space-separated part of `ids`. */
export interface DateOrderFile {
  prefix: string;
  ids: string;
}

/** The result ids of a date-order file, oldest first. */
export function dateOrderIds(file: DateOrderFile): string[] {
  return file.ids === '' ? [] : file.ids.split(' ').map((id) => `${file.prefix}${id}`);
}
