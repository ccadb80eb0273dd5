/**
 * The embeddable timeline (/embed/timeline/): the one-line summary of what a filtered embed shows,
 * the `<iframe>` code readers copy, and the event through which the timeline's filters say they changed.
 */
import { FACETS, type Criteria, type Facet } from './filter';

/**
 * Dispatched on `document` by the timeline's filter script after every change of the filter state
 * (a choice, clear-all, back or forward, the first read of the URL); its `detail` is the new Criteria.
 */
export const FILTER_CHANGE_EVENT = 'timeline-filter-change';

/** The words of a summary, each a template (`{n}`, `{values}`) from the interface dictionary. */
export interface SummaryWords {
  /** "{n} agreements". */
  count: string;
  /** "1 agreement". */
  one: string;
  /** Per facet, how its chosen values read: "theme: {values}", or "{values}" for years. */
  facets: Record<Facet, string>;
  /** Between two values of one facet (any of them matches): " or ". */
  or: string;
  /** Between the parts: " · ". */
  separator: string;
}

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);

/**
 * What a filtered view shows, in one line: "3 agreements · theme: Artificial intelligence · 2025".
 * Facets come in the filter panel's order, values in the order chosen, each under its `label`.
 */
export function summarize(
  shown: number,
  criteria: Criteria,
  label: (facet: Facet, value: string) => string,
  words: SummaryWords,
): string {
  const parts = [shown === 1 ? words.one : fill(words.count, { n: String(shown) })];
  for (const facet of FACETS) {
    const values = criteria[facet].map((value) => label(facet, value));
    if (values.length > 0) parts.push(fill(words.facets[facet], { values: values.join(words.or) }));
  }
  return parts.join(words.separator);
}

const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML a reader pastes into their page to embed the timeline at `src` (an absolute URL). */
export function iframeCode(src: string, title: string, height: number): string {
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${height}" loading="lazy"></iframe>`;
}
