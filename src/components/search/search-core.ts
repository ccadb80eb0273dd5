import { url } from '../../lib/paths';
import { PAGEFIND_OPTIONS } from '../../lib/search-config';
import { kindOf, rankByKind, themesOf } from '../../lib/search-rank';
import type { PagefindSearchOptions } from '../../lib/search-state';

/**
 * What the header panel and the search page share: loading Pagefind (only when called, so a page that
 * is only read fetches none of it), running one search with the kind re-ranking, and the safe excerpt.
 */

/** What Pagefind returns for one result, as far as this site uses it. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

/** Counts per filter value: `{ theme: { "Digital economy": 4 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

interface PagefindSearch {
  results: PagefindResult[];
  filters: FilterCounts;
}

interface PagefindModule {
  options(options: { baseUrl: string; excerptLength?: number; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: PagefindSearchOptions): Promise<PagefindSearch | null>;
  filters(): Promise<FilterCounts>;
}

let loading: Promise<PagefindModule> | undefined;

/** Pagefind, imported once per page on first use; rejects when the index cannot be loaded. */
export function loadPagefind(): Promise<PagefindModule> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ url('/pagefind/pagefind.js'))) as PagefindModule;
    await pagefind.options({ baseUrl: url('/'), ...PAGEFIND_OPTIONS });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** One result, ready to show. */
export interface SearchHit {
  url: string;
  title: string;
  kind: ReturnType<typeof kindOf>;
  date: string | undefined;
  type: string | undefined;
  /** The type's id ("mou"), for the glossary link of its badge. */
  typeId: string | undefined;
  themes: string[];
  excerpt: string;
}

/** The outcome of one search: the first hits, how many matched, the facet counts, and a way to load more. */
export interface SearchOutcome {
  hits: SearchHit[];
  total: number;
  counts: FilterCounts;
  /** Loads the next `n` hits after those already loaded (each hit costs Pagefind one fragment request). */
  more(n: number): Promise<SearchHit[]>;
}

function toHit(d: PagefindResultData): SearchHit {
  return {
    url: d.url,
    title: d.meta['title'] ?? d.url,
    kind: kindOf(d.meta['kind']),
    date: d.meta['date'],
    type: d.meta['type'],
    typeId: d.meta['typeid'],
    themes: themesOf(d.meta['themes']),
    excerpt: d.excerpt,
  };
}

/**
 * Runs a search and loads its first `limit` hits. For the relevance order of a typed query, a second
 * search restricted to agreements (cheap: the index chunks are already loaded) tells which results are
 * agreements, without loading every result's data, and `rankByKind` puts them first.
 */
export async function runSearch(
  pagefind: PagefindModule,
  query: string,
  options: PagefindSearchOptions,
  limit: number,
): Promise<SearchOutcome> {
  const search = await pagefind.search(query || null, options);
  if (!search) return { hits: [], total: 0, counts: {}, more: () => Promise.resolve([]) };
  let ordered = search.results;
  if (query && !options.sort) {
    const agreements = await pagefind.search(query, { ...options, filters: { ...options.filters, kind: 'agreement' } });
    ordered = rankByKind(search.results, new Set((agreements?.results ?? []).map((r) => r.id)));
  }
  let loaded = 0;
  const more = async (n: number) => {
    const next = ordered.slice(loaded, loaded + n);
    loaded += next.length;
    return (await Promise.all(next.map((r) => r.data()))).map(toHit);
  };
  return { total: search.results.length, counts: search.filters, hits: await more(limit), more };
}

/** Keeps only the text and the <mark> highlights of a Pagefind excerpt, so no markup from content can run. */
export function excerptNodes(excerpt: string, doc: Document): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  return [...parsed.body.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = doc.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return doc.createTextNode(node.textContent ?? '');
  });
}

/** The kind label of a hit, from the messages the page passes as `data-kind-*` attributes. */
export function kindLabel(hit: SearchHit, messages: DOMStringMap): string | undefined {
  return hit.kind ? messages[`kind${hit.kind[0]?.toUpperCase()}${hit.kind.slice(1)}`] : undefined;
}

/**
 * "Agreement · 16 April 2025 · MoU", the type as a badge: a link to its glossary entry, as on the rest of
 * the site, or plain text where the line sits inside a listbox option (no links inside options).
 */
export function metaLine(hit: SearchHit, messages: DOMStringMap, doc: Document, link = false): HTMLElement {
  const meta = doc.createElement('p');
  meta.className = 'entry__meta';
  const parts = [kindLabel(hit, messages), hit.date].filter((s): s is string => Boolean(s));
  meta.textContent = parts.join(' · ');
  if (hit.type) {
    const badge = doc.createElement(link && hit.typeId ? 'a' : 'span');
    if (badge instanceof HTMLAnchorElement) badge.href = url(`/glossary/#${hit.typeId ?? ''}`);
    badge.className = 'badge search-badge';
    badge.textContent = hit.type;
    meta.append(parts.length > 0 ? ' · ' : '', badge);
  }
  return meta;
}
