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
 * a tenth of the weight (`kindAttributes` in search-rank.ts, on their `<article>`), not through a second search
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
 * The Pagefind metadata of an entry's own date (DateText `indexed`): `shown`, the text the page shows
 * ("16 April 2025"), and `value`, its `<time datetime>` ("2025-04-16"), which the date order sorts by and a
 * search result puts in its own `<time>`.
 */
export const DATE_META = { shown: 'date', value: 'datetime' } as const;

/**
 * Between the theme titles of an agreement's `themes` metadata, which search results split again to show them:
 * a plain string, since the reader never sees it (the results join the titles with the interface's separator).
 */
export const THEMES_META_SEPARATOR = ' · ';

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

/**
 * The date-order file: Pagefind result ids, oldest first. Each is written as `prefix` (the ids' shared
 * language prefix, once) and, in `ids`, the shortest start of the rest that no other result of the bundle
 * shares, space-separated: three or four hex digits instead of seven, which at 3,000 agreements made the
 * file 8.0 KB instead of 14.2 KB (docs/benchmarks.md, "6 December").
 */
export interface DateOrderFile {
  prefix: string;
  ids: string;
}

/**
 * The date-order file from the bytes a host sent: gzipped as written (like Pagefind's own chunks), or plain
 * JSON from a host that already decoded it. Uses only the browser's globals, so the benchmark runs this
 * very source in its page.
 */
export async function decodeDateOrder(bytes: Uint8Array<ArrayBuffer>): Promise<DateOrderFile> {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : new TextDecoder().decode(bytes);
  return JSON.parse(text) as DateOrderFile;
}

/** Ends a date-order key that matches only the whole id it spells, not longer ids that start with it. */
export const EXACT = '.';

/** Where a result id stands in the date order (0 = oldest), or undefined for a result the order leaves out. */
export type DatePlace = (id: string) => number | undefined;

/**
 * Looks a result up in a date-order file. A key belongs to the one result whose id starts with it (no
 * other result's id does), so the first start of an id that is a key is that id's own; a key marked EXACT
 * belongs to the result whose whole id it is. That holds for the results of the build that wrote the file: a
 * result of another build could take the place of one whose key its id starts with.
 */
export function dateOrderPlaces(file: DateOrderFile): DatePlace {
  const places = new Map(file.ids === '' ? [] : file.ids.split(' ').map((key, place) => [key, place] as const));
  return (id) => {
    if (!id.startsWith(file.prefix)) return undefined;
    const rest = id.slice(file.prefix.length);
    const exact = places.get(`${rest}${EXACT}`);
    if (exact !== undefined) return exact;
    for (let end = 1; end <= rest.length; end += 1) {
      const place = places.get(rest.slice(0, end));
      if (place !== undefined) return place;
    }
    return undefined;
  };
}
