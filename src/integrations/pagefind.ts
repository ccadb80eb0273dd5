/**
 * Builds the Pagefind search index from the finished HTML of the searchable pages (SEARCHABLE_FOLDERS),
 * through Pagefind's Node API, into `<outDir>/pagefind/`, over the last build's bundle where the output
 * folder kept it (pagefind-bundle.ts), and in that folder the date order the search orders "newest" and
 * "oldest" by (src/lib/search-config.ts, DATE_ORDER_FILE). Nothing is copied into `public/`. Any indexing
 * error fails the build.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { calendarProblem, compareDates, precisionOf, type PartialDate } from '../lib/dates';
import { DATE_META, DATE_ORDER_NAME, EXACT, SEARCH_FOLDER, type DateOrderFile } from '../lib/search-config';
import { KIND_COLLECTIONS } from '../lib/search-rank';
import { readPagefindData, writeBundle } from './pagefind-bundle';

/** The JSON of a Pagefind fragment file: one page's data, or (with `maxFragments`) a group keyed by id. */
function readFragment(path: string): unknown {
  return JSON.parse(readPagefindData(path).toString('utf8'));
}

/** A result as its fragment describes it. */
interface Fragment {
  url?: unknown;
  meta?: Record<string, unknown>;
}

/** A result of a bundle: the id a search returns for it, its page's URL, and its date metadata (DATE_META). */
export interface BundleResult {
  id: string;
  url: string;
  /** The date the result shows, as text; undefined for a result without one (an actor, a theme). */
  shown: string | undefined;
  /** The machine-readable value of that date (`<time datetime>`). */
  value: string | undefined;
}

/** Every result of a bundle, read from its fragments. */
export function bundleResults(bundle: string): BundleResult[] {
  const dir = join(bundle, 'fragment');
  const out: BundleResult[] = [];
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const add = (id: string, page: Fragment) => {
    if (typeof page.url !== 'string') return;
    const shown = text(page.meta?.[DATE_META.shown]);
    out.push({ id, url: page.url, shown, value: text(page.meta?.[DATE_META.value]) });
  };
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.pf_fragment')) continue;
    const data = readFragment(join(dir, file)) as Fragment & Record<string, Fragment>;
    if (typeof data.url === 'string') add(file.slice(0, -'.pf_fragment'.length), data);
    else for (const [id, page] of Object.entries(data)) add(id, page);
  }
  return out;
}

/** How many characters two strings share at their start. */
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/**
 * The date order as written (DateOrderFile): `ordered`, oldest first, each as the shortest start of its id
 * that no other id of `all` (every result of the bundle, dated or not) begins with, after the language prefix
 * ("en-gb_") that every id shares, written once. An id that is itself the start of another (Pagefind
 * lengthens a hash that collides with an earlier page's) is written whole, marked EXACT. `all` must hold
 * every id of `ordered`.
 */
export function dateOrderFile(ordered: readonly string[], all: readonly string[]): DateOrderFile {
  const found = /^[^_]*_/.exec(all[0] ?? '')?.[0] ?? '';
  const prefix = all.every((id) => id.startsWith(found)) ? found : '';
  const sorted = [...new Set(all)].map((id) => id.slice(prefix.length)).sort();
  const at = new Map(sorted.map((rest, index) => [rest, index]));
  const key = (id: string) => {
    const rest = id.slice(prefix.length);
    const index = at.get(rest);
    if (index === undefined) throw new Error(`The date order names ${id}, which is not a result of the bundle`);
    const before = index > 0 ? sharedStart(rest, sorted[index - 1] ?? '') : 0;
    const after = index < sorted.length - 1 ? sharedStart(rest, sorted[index + 1] ?? '') : 0;
    const shared = Math.max(before, after);
    return shared < rest.length ? rest.slice(0, shared + 1) : `${rest}${EXACT}`;
  };
  return { prefix, ids: ordered.map(key).join(' ') };
}

/**
 * Writes the ids of every dated result, oldest first, gzipped, into the bundle's folder; returns how many
 * results it orders. Each is ordered by the `datetime` of the date it shows (DATE_META), so by exactly the
 * date the reader sees; dates compare as everywhere else on the site (compareDates: "April 2025" after the
 * days of April, as on the timeline), ties by URL. Results that show a date without a calendar date in
 * `datetime` fail the build, each named with its page: they would be missing from every date order.
 */
export function writeDateOrder(bundle: string): number {
  const dated: { id: string; url: string; date: PartialDate }[] = [];
  const problems: string[] = [];
  const results = bundleResults(bundle);
  for (const { id, url, shown, value } of results) {
    if (shown === undefined) continue;
    const problem = value === undefined ? 'its <time> has no datetime' : calendarProblem(value);
    if (problem !== undefined) problems.push(`${url} shows the date "${shown}" in search, but ${problem}`);
    // With no problem, the value is a calendar date at one of the precisions.
    const precision = value === undefined || problem !== undefined ? undefined : precisionOf(value);
    if (value !== undefined && precision !== undefined) dated.push({ id, url, date: { value, precision } });
  }
  if (problems.length > 0) {
    throw new Error(
      `The search's date order cannot place ${problems.length} result(s); DateText \`indexed\` records each entry's date for it:\n- ${problems.join('\n- ')}`,
    );
  }
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  dated.sort((a, b) => compareDates(a.date, b.date) || text(a.url, b.url));
  const file = dateOrderFile(
    dated.map((d) => d.id),
    results.map((r) => r.id),
  );
  writeFileSync(join(bundle, DATE_ORDER_NAME), gzipSync(JSON.stringify(file), { level: 9 }));
  return dated.length;
}

/**
 * How many word places (and pages) Pagefind puts in one index chunk before it starts the next; its default
 * is 20,000. A query downloads every chunk its words fall in, and at 3,000 generated agreements a quarter of
 * the default makes the chunk a word sits in 6 KB gzipped instead of 20 KB for the median word, for 3 KB
 * more metadata on a first query (docs/benchmarks.md, "6 December"). A word found on every page still fills
 * a chunk of its own, whatever the size.
 */
export const INDEX_CHUNK_SIZE = 5000;

/**
 * Pagefind reads the chunk size only from its environment (`PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`, read by
 * its indexer when the Node API starts it), so it is set for the one indexing run and put back after. A value
 * the caller set is overridden, so that every build ships the same index.
 */
const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/**
 * The folders of the only pages marked for search (BaseLayout's `searchable`: the four kinds of entry
 * page, KIND_COLLECTIONS). Pagefind reads just these: given the whole output, it parses every list, year,
 * type and data-view page too, 14 MB of 120 MB at 3,000 agreements, only to drop each for having no
 * `data-pagefind-body`.
 * tests/site/search-index.test.ts fails if a page marked for search lies outside them.
 */
export const SEARCHABLE_FOLDERS = Object.values(KIND_COLLECTIONS);

/** The Astro integration that indexes the built site once `astro build` has written it. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'tracker:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const bundle = join(outDir, SEARCH_FOLDER);
        const started = performance.now();
        const callerChunkSize = process.env[CHUNK_SIZE_VARIABLE];
        process.env[CHUNK_SIZE_VARIABLE] = String(INDEX_CHUNK_SIZE);
        try {
          const { index, errors } = await createIndex({});
          if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir, glob: `{${SEARCHABLE_FOLDERS.join(',')}}/**/*.html` });
          if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('Pagefind found no page with data-pagefind-body to index');
          const written = await writeBundle(index, bundle, [DATE_ORDER_NAME]);
          if ('rewritten' in written) logger.warn(`${written.rewritten}; wrote the whole index again`);
          const dated = writeDateOrder(bundle);
          logger.info(
            `Indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms (${dated} in date order)`,
          );
          if ('reused' in written && written.reused > 0) {
            logger.info(
              `Kept ${written.reused} index files of the last build; removed ${written.removed} it no longer uses`,
            );
          }
        } finally {
          await close();
          if (callerChunkSize === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
          else process.env[CHUNK_SIZE_VARIABLE] = callerChunkSize;
        }
      },
    },
  };
}
