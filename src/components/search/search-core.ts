import { SEPARATOR } from '../../i18n/separator';
import { url } from '../../lib/paths';
import {
  DATE_ORDER_FILE,
  DATE_META,
  dateOrderPlaces,
  decodeDateOrder,
  PAGEFIND_OPTIONS,
  type DatePlace,
} from '../../lib/search-config';
import { byDate, kindOf, rankByKind, themesOf } from '../../lib/search-rank';
import { nameLang } from '../../lib/name-lang';
import { chooseExcerpt, ELLIPSIS, type Excerpt, type ExcerptPart, type ExcerptSource } from '../../lib/search-excerpt';
import type { PagefindSearchOptions } from '../../lib/search-state';

/**
 * What the header panel and the search page share: loading Pagefind (only when called, so a page that
 * is only read fetches none of it), running one search in relevance or date order, and the safe excerpt.
 */

/** What Pagefind returns for one result, as far as this site uses it. */
export interface PagefindResultData extends ExcerptSource {
  url: string;
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
  options(options: {
    baseUrl: string;
    excerptLength?: number;
    noWorker?: boolean;
    ranking?: { metaWeights?: Record<string, number> };
  }): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: PagefindSearchOptions): Promise<PagefindSearch | null>;
  filters(): Promise<FilterCounts>;
}

let loading: Promise<PagefindModule> | undefined;

/**
 * Pagefind, imported once per page on first use; rejects when the index cannot be loaded. `worker` runs
 * its searches in a Web Worker: the search page asks for it, since it searches on arrival and over every
 * match (on the main thread, 700 ms of blocking in Lighthouse's mobile run at 3,000 agreements); the header
 * panel does not, saving the worker's 43 KB and a request on the first query. The first caller decides.
 */
export function loadPagefind({ worker = false } = {}): Promise<PagefindModule> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ url('/pagefind/pagefind.js'))) as PagefindModule;
    await pagefind.options({ baseUrl: url('/'), ...PAGEFIND_OPTIONS, noWorker: !worker });
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
  /**
   * The date the entry's page shows ("16 April 2025") and its machine-readable value ("2025-04-16"). A
   * result has both or neither: the build fails on a shown date without its value (writeDateOrder).
   */
  date: { shown: string; value: string } | undefined;
  type: string | undefined;
  /** The type's id ("mou"), for the glossary link of its badge. */
  typeId: string | undefined;
  themes: string[];
  excerpt: Excerpt;
}

/** The outcome of one search: the first hits, how many matched, the facet counts, and a way to load more. */
export interface SearchOutcome {
  hits: SearchHit[];
  total: number;
  /** Pages that match but have no date, so a date order leaves them out (0 in relevance order). */
  undated: number;
  counts: FilterCounts;
  /** Loads the next `n` hits after those already loaded (each hit costs Pagefind one fragment request). */
  more(n: number): Promise<SearchHit[]>;
}

function dateOf(shown: string | undefined, value: string | undefined): SearchHit['date'] {
  return shown !== undefined && value !== undefined ? { shown, value } : undefined;
}

function toHit(d: PagefindResultData, stops: readonly string[]): SearchHit {
  const title = d.meta['title'] ?? d.url;
  return {
    url: d.url,
    title,
    kind: kindOf(d.meta['kind']),
    date: dateOf(d.meta[DATE_META.shown], d.meta[DATE_META.value]),
    type: d.meta['type'],
    typeId: d.meta['typeid'],
    themes: themesOf(d.meta['themes']),
    excerpt: chooseExcerpt(d, title, stops, PAGEFIND_OPTIONS.excerptLength),
  };
}

let dateOrder: Promise<DatePlace> | undefined;

/**
 * Each dated result's place in the date order (oldest first), fetched once per page on the first date
 * order. It is revalidated (`no-cache`), as Pagefind refetches its entry file, so a page opened after a
 * deploy reads the new order; a page open across a deploy can still pair one build's order with the
 * other's index, which dateOrderPlaces's note covers.
 */
export function loadDateOrder(): Promise<DatePlace> {
  dateOrder ??= (async () => {
    const response = await fetch(url(`/${DATE_ORDER_FILE}`), { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${response.status} fetching the date order`);
    return dateOrderPlaces(await decodeDateOrder(new Uint8Array(await response.arrayBuffer())));
  })();
  dateOrder.catch(() => {
    dateOrder = undefined;
  });
  return dateOrder;
}

/**
 * Runs one search and loads its first `limit` hits. A date order sorts the results by the date-order
 * file (Pagefind is not given `sort`); relevance keeps Pagefind's order, with the agreements among the
 * hits loaded together put first (`rankByKind`: their kind is known once their data is loaded). `stops`
 * are the labels each hit's excerpt ends before (excerptStops).
 */
export async function runSearch(
  pagefind: PagefindModule,
  query: string,
  options: PagefindSearchOptions,
  limit: number,
  stops: readonly string[],
): Promise<SearchOutcome> {
  const { sort, ...unsorted } = options;
  // The date order downloads while Pagefind searches.
  const [search, dates] = await Promise.all([pagefind.search(query || null, unsorted), sort && loadDateOrder()]);
  if (!search) return { hits: [], total: 0, undated: 0, counts: {}, more: () => Promise.resolve([]) };
  const ordered = sort && dates ? byDate(search.results, dates, sort.date) : search.results;
  let loaded = 0;
  const more = async (n: number) => {
    const next = ordered.slice(loaded, loaded + n);
    loaded += next.length;
    const hits = new Map(await Promise.all(next.map(async (r) => [r.id, toHit(await r.data(), stops)] as const)));
    const agreements = new Set([...hits].filter(([, hit]) => hit.kind === 'agreement').map(([id]) => id));
    return (sort ? next : rankByKind(next, agreements)).flatMap((r) => hits.get(r.id) ?? []);
  };
  return {
    total: ordered.length,
    undated: search.results.length - ordered.length,
    counts: search.filters,
    hits: await more(limit),
    more,
  };
}

/** Runs of text as text nodes and <mark> highlights (never parsed as HTML, so no markup from content can run). */
function partNodes(parts: readonly ExcerptPart[], doc: Document): Node[] {
  return parts.map(({ text, mark }) => {
    if (!mark) return doc.createTextNode(text);
    const element = doc.createElement('mark');
    element.textContent = text;
    return element;
  });
}

/** A hit's excerpt as text nodes and <mark> highlights, with an ellipsis where prose was left out. */
export function excerptNodes({ excerpt }: Pick<SearchHit, 'excerpt'>, doc: Document): Node[] {
  const nodes = partNodes(excerpt.parts, doc);
  if (excerpt.before) nodes.unshift(doc.createTextNode(`${ELLIPSIS} `));
  if (excerpt.after) nodes.push(doc.createTextNode(` ${ELLIPSIS}`));
  return nodes;
}

/**
 * "Found by the search term: 人工智能", for a hit whose title and excerpt show no match (Excerpt's `terms`),
 * as a `tag` of class `className`; undefined for the others. The messages are the page's
 * `data-msg-term`/`data-msg-terms`; a name in Chinese characters is marked `lang="zh"`, as on its page.
 */
export function termsLine(
  { excerpt }: Pick<SearchHit, 'excerpt'>,
  messages: DOMStringMap,
  doc: Document,
  tag: 'p' | 'span',
  className: string,
): HTMLElement | undefined {
  if (excerpt.terms.length === 0) return undefined;
  const line = doc.createElement(tag);
  line.className = className;
  line.append(`${messages[excerpt.terms.length === 1 ? 'msgTerm' : 'msgTerms'] ?? ''} `);
  excerpt.terms.forEach((term, i) => {
    if (i > 0) line.append(SEPARATOR);
    const lang = nameLang(term.map((part) => part.text).join(''));
    const name = doc.createElement('span');
    if (lang) name.lang = lang;
    name.append(...partNodes(term, doc));
    line.append(name);
  });
  return line;
}

/** The labels of the search-term lists that end an entry's indexed text, as the page passes them. */
export function excerptStops(dataset: DOMStringMap): string[] {
  const stops: unknown = JSON.parse(dataset['excerptStops'] ?? '[]');
  return Array.isArray(stops) ? stops.filter((stop) => typeof stop === 'string') : [];
}

/**
 * The `dataset` name of a message about one kind: `kindTheme` for the page's `data-kind-theme`, `countEventOne`
 * for `data-count-event-one`.
 */
export function kindMessageKey(prefix: 'kind' | 'count', kind: string, one = false): string {
  return `${prefix}${kind[0]?.toUpperCase() ?? ''}${kind.slice(1)}${one ? 'One' : ''}`;
}

/** The kind label of a hit, from the messages the page passes as `data-kind-*` attributes. */
function kindLabel(hit: SearchHit, messages: DOMStringMap): string | undefined {
  return hit.kind ? messages[kindMessageKey('kind', hit.kind)] : undefined;
}

/**
 * "Agreement · 16 April 2025 · MoU", the type as a badge: a link to its glossary entry, as on the rest of
 * the site, or plain text where the line sits inside a listbox option (no links inside options).
 */
export function metaLine(hit: SearchHit, messages: DOMStringMap, doc: Document, link = false): HTMLElement {
  const meta = doc.createElement('p');
  meta.className = 'entry__meta';
  const kind = kindLabel(hit, messages);
  // The kind, the date and the separators are one item of the line (a flex row, which spaces its items).
  const label = doc.createElement('span');
  if (kind) label.append(kind);
  if (hit.date) {
    // A <time> as on the entry's own page, so the date is machine-readable in the results too.
    const date = doc.createElement('time');
    date.className = 'date';
    date.setAttribute('datetime', hit.date.value);
    date.textContent = hit.date.shown;
    label.append(kind ? SEPARATOR : '', date);
  }
  if (hit.type && label.childNodes.length > 0) label.append(SEPARATOR);
  if (label.childNodes.length > 0) meta.append(label);
  if (hit.type) {
    const badge = doc.createElement(link && hit.typeId ? 'a' : 'span');
    if (badge instanceof HTMLAnchorElement) badge.href = url(`/glossary/#${hit.typeId ?? ''}`);
    badge.className = 'badge search-badge';
    badge.textContent = hit.type;
    meta.append(badge);
  }
  return meta;
}
