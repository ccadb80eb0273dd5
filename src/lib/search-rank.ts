/**
 * Ordering of Pagefind's results. Relevance: Pagefind scores words (titles weigh more through heading
 * and `data-pagefind-weight` weights), and the pages that are not agreements index their text at a tenth
 * of the weight, so that a student searching "MITI" or "visa" finds the agreements before the body's or
 * theme's page (src/lib/search-config.ts). The hits loaded together (one page of results) are then a
 * stable partition: agreements first, the rest after, each in Pagefind's order. Date orders come from
 * the date-order file, not from Pagefind's sort keys.
 */
// With its extension: the benchmark loads this module in Node itself, which resolves no bare path.
import { THEMES_META_SEPARATOR, type DatePlace } from './search-config.ts';

/** A result as Pagefind lists it before its data is loaded. */
export interface RankedResult {
  id: string;
}

/** Agreements first (in Pagefind's order), then the rest (in Pagefind's order). */
export function rankByKind<T extends RankedResult>(results: readonly T[], agreementIds: ReadonlySet<string>): T[] {
  const agreements = results.filter((r) => agreementIds.has(r.id));
  const others = results.filter((r) => !agreementIds.has(r.id));
  return [...agreements, ...others];
}

/**
 * The dated results in date order, as Pagefind's `sort` did: `place` gives each dated result's place in
 * the date order (oldest first); results without a date (actors, themes) are left out.
 */
export function byDate<T extends RankedResult>(
  results: readonly T[],
  place: DatePlace,
  direction: 'asc' | 'desc',
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return results
    .flatMap((result) => {
      const at = place(result.id);
      return at === undefined ? [] : [{ result, at }];
    })
    .sort((a, b) => sign * (a.at - b.at))
    .map(({ result }) => result);
}

/**
 * The kinds of page Pagefind indexes (the `kind` metadata of each page), each with the collection whose
 * pages, built under `/<collection>/`, are of that kind.
 */
export const KIND_COLLECTIONS = { agreement: 'agreements', theme: 'themes', event: 'events', actor: 'actors' } as const;
/** One kind of searchable page. */
export type Kind = keyof typeof KIND_COLLECTIONS;
/** The kinds, in the order results and counts list them: agreements first. */
export const KINDS = Object.keys(KIND_COLLECTIONS) as Kind[];

/**
 * What marks an entry's `<article>` as its kind for search: the `kind` filter and metadata, and for pages
 * other than agreements a tenth of the weight, so agreements rank first (PAGEFIND_OPTIONS says why).
 */
export function kindAttributes(kind: Kind): Record<`data-pagefind-${string}`, string> {
  const marks = { 'data-pagefind-filter': `kind:${kind}`, 'data-pagefind-meta': `kind:${kind}` };
  return kind === 'agreement' ? marks : { ...marks, 'data-pagefind-weight': '0.1' };
}

/** A page's kind from its `kind` metadata; undefined for anything else. */
export function kindOf(meta: string | undefined): Kind | undefined {
  return (KINDS as readonly string[]).includes(meta ?? '') ? (meta as Kind) : undefined;
}

/** The theme titles of a result, from its `themes` metadata ("A · B · C"). */
export function themesOf(meta: string | undefined): string[] {
  return (meta ?? '')
    .split(THEMES_META_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
}
