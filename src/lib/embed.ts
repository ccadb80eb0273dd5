/**
 * The embeddable timeline (/embed/timeline/): how many agreements its page holds, their order, the rows it
 * loads for older ones, which agreements a filter selects over the whole record, the one-line summary of what a
 * filtered embed shows, the `<iframe>` code readers copy, and the event through which the timeline's
 * filters say they changed.
 */
import { fillTemplate } from '../i18n/fill-template';
import { compareDates, precisionOf, type PartialDate } from './dates';
import { applyFilter, FACETS, type Criteria, type Facet, type FacetValues } from './filter';

/**
 * How many of the newest agreements the embed page holds: a frame shows about ten rows at a time, so this
 * is several frames' worth, while the list stays near 22 KB at any size (every agreement: 3.7 MB at 3,000).
 */
export const EMBED_ITEMS = 50;

/**
 * The embed's order: newest first. Its list has no year headings, so the timeline's order (years newest
 * first, oldest first within each under its heading) would read "16 April 2025, April 2025, 19 June 2024,
 * 20 June 2024". A sort by date alone, so items of one date keep the order they come in: the page and a
 * filter both start from the timeline's order, and so agree.
 */
export function embedOrder<T extends { date: PartialDate }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareDates(b.date, a.date));
}

/**
 * One agreement as the embed lists it, in the small per-year files (/embed/timeline/<year>.json) a
 * filtered embed loads for agreements older than its page holds: id, document type, date value (its
 * precision follows from its shape) and short title. Their timeline rows would carry far more.
 */
export type EmbedRow = [id: string, type: string, date: string, shortTitle: string];

/** What an embed row shows of an agreement. */
export interface EmbedItem {
  id: string;
  type: string;
  date: PartialDate;
  shortTitle: string;
}

/** An agreement's row in the embed's year files. */
export function embedRow({ id, type, date, shortTitle }: EmbedItem): EmbedRow {
  return [id, type, date.value, shortTitle];
}

/** Reads an embed row back; a date of no known shape is an error (the build and the page disagree). */
export function fromEmbedRow([id, type, value, shortTitle]: EmbedRow): EmbedItem {
  const precision = precisionOf(value);
  if (!precision) throw new Error(`Embed row ${id}: "${value}" is not a date`);
  return { id, type, date: { value, precision }, shortTitle };
}

/** What a filtered embed shows when its page holds only the newest agreements. */
export interface EmbedSelection {
  /** Every matching agreement of the whole record, in timeline order (embedOrder orders the rows). */
  ids: string[];
  /** The years, newest first, whose rows must be loaded: those with a match not on the page. */
  years: string[];
}

/**
 * Filters the whole record's facet index (the timeline's, in timeline order) with the timeline's own
 * logic, and says which year files hold the matches that `onPage` (the ids the page holds) lacks.
 */
export function embedSelection(
  index: readonly { id: string; values: FacetValues }[],
  criteria: Criteria,
  onPage: ReadonlySet<string>,
): EmbedSelection {
  const { shown } = applyFilter(
    index.map((entry) => entry.values),
    criteria,
  );
  const ids: string[] = [];
  const years = new Set<string>();
  index.forEach(({ id, values }, i) => {
    if (!shown[i]) return;
    ids.push(id);
    if (!onPage.has(id)) for (const year of values.year) years.add(year);
  });
  return { ids, years: [...years].sort().reverse() };
}

/**
 * Dispatched on `document` by the timeline's filter script after every change of the filter state
 * (a choice, clear-all, back or forward, the first read of the URL); its `detail` is the new Criteria.
 */
export const FILTER_CHANGE_EVENT = 'timeline-filter-change';

/** The words of a summary, each a template (`{n}`, `{values}`) from the interface dictionary. */
export interface SummaryWords {
  /** "{n} documents". */
  count: string;
  /** "1 document". */
  one: string;
  /** Per facet, how its chosen values read: "theme: {values}", or "{values}" for years. */
  facets: Record<Facet, string>;
  /** Between two values of one facet (any of them matches): " or ". */
  or: string;
  /** Between the parts: SEPARATOR (" · "). */
  separator: string;
}

/**
 * What a filtered view shows, in one line: "3 documents · theme: Artificial intelligence · 2025".
 * Facets come in the filter panel's order, values in the order chosen, each under its `label`.
 */
export function summarize(
  shown: number,
  criteria: Criteria,
  label: (facet: Facet, value: string) => string,
  words: SummaryWords,
): string {
  const parts = [shown === 1 ? words.one : fillTemplate(words.count, { n: String(shown) })];
  for (const facet of FACETS) {
    const values = criteria[facet].map((value) => label(facet, value));
    if (values.length > 0) parts.push(fillTemplate(words.facets[facet], { values: values.join(words.or) }));
  }
  return parts.join(words.separator);
}

const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML a reader pastes into their page to embed the timeline at `src` (an absolute URL). */
export function iframeCode(src: string, title: string, height: number): string {
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${height}" loading="lazy"></iframe>`;
}
