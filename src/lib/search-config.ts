/**
 * How the site asks Pagefind for results, shared by the search code and the benchmark so the benchmark
 * measures exactly what a reader's browser fetches. Each loaded result costs one fragment request.
 */

/** Pagefind's init options. Searching in the page (no worker) saves a 43 KB download and a request,
 * and a search over thousands of entries still takes tens of milliseconds. */
export const PAGEFIND_OPTIONS = { excerptLength: 24, noWorker: true } as const;

/**
 * Results the header panel shows (and loads) for a query: Pagefind UI's own page size. With Pagefind's
 * fixed files (pagefind.js, wasm, entry, metadata, one index chunk) a first query is then 10 requests;
 * the panel's "see all results" link leads to /search/ for the rest.
 */
export const PANEL_RESULTS = 5;

/** Results the search page loads at first, and again each time the reader asks for more. */
export const PAGE_RESULTS = 10;
