/**
 * The state of a search as the URL carries it (`/search/?q=…&theme=…&type=…&year=…&my=…&cn=…&sort=…`),
 * and its translation into the options Pagefind's `search()` takes. Pure, so it is unit-tested. Its facets
 * are the timeline's (filter.ts), and each is also the name of a Pagefind filter.
 */
import { emptyCriteria, FACETS, type Criteria, type Facet } from './filter';

/** Relevance (Pagefind's own order, re-ranked by kind), or by the `date` sort key. */
export const SORTS = ['relevance', 'newest', 'oldest'] as const;
/** One of SORTS. */
export type SortOrder = (typeof SORTS)[number];

/** One search: the query (may be empty: then the page browses), the chosen facet values, the order. */
export interface SearchState {
  q: string;
  filters: Criteria;
  sort: SortOrder;
}

/** What Pagefind's `search(query, options)` receives for a state. */
export interface PagefindSearchOptions {
  filters: Record<string, string | { any: string[] }>;
  sort?: { date: 'asc' | 'desc' };
}

/**
 * Each facet's other names for its values: the ids the timeline's links carry (`theme=mobility-visas`,
 * `my=kdn`), against the values the search index holds ("Travel and visas", "KDN").
 */
export type FacetAliases = Partial<Record<Facet, Partial<Record<string, string>>>>;

/**
 * Reads a state from a query string; unknown sorts fall back to relevance, blank values are dropped, and a
 * value given by its alias is read as the value, so a timeline filter pasted into a search link still finds.
 */
export function parseState(params: URLSearchParams, aliases: FacetAliases = {}): SearchState {
  const filters = emptyCriteria();
  for (const facet of FACETS) {
    const values = params
      .getAll(facet)
      .map((v) => v.trim())
      .filter(Boolean)
      .map((v) => aliases[facet]?.[v] ?? v);
    filters[facet] = [...new Set(values)];
  }
  const sort = params.get('sort') ?? '';
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as SortOrder) : 'relevance',
  };
}

/** The query string of a state: `q` first, then facets in order, then `sort` unless it is relevance. */
export function stateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FACETS) for (const value of state.filters[facet]) params.append(facet, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** Whether any facet value is chosen. */
export function hasFilters(state: SearchState): boolean {
  return FACETS.some((facet) => state.filters[facet].length > 0);
}

/**
 * The state without one facet's values. A facet's values are alternatives, so the count beside each of
 * them is taken from the search without that facet: what ticking the value adds, as on the timeline.
 */
export function withoutFacet(state: SearchState, facet: Facet): SearchState {
  return { ...state, filters: { ...state.filters, [facet]: [] } };
}

/**
 * Pagefind options for a state. Values of one facet are alternatives (any of them), facets combine
 * (all of them). An empty query browses agreements only, newest first unless an order is chosen.
 */
export function pagefindOptions(state: SearchState): PagefindSearchOptions {
  const filters: PagefindSearchOptions['filters'] = {};
  for (const facet of FACETS) {
    const values = state.filters[facet];
    if (values.length > 0) filters[facet] = { any: values };
  }
  if (!state.q) filters['kind'] = 'agreement';
  const sort = state.sort === 'relevance' && !state.q ? 'newest' : state.sort;
  if (sort === 'newest') return { filters, sort: { date: 'desc' } };
  if (sort === 'oldest') return { filters, sort: { date: 'asc' } };
  return { filters };
}
