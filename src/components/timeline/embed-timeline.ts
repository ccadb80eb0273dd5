/**
 * Client side of the embed page: reads the frame's query with the timeline's own filter names and
 * logic (src/lib/filter.ts), shows the matching agreements, says what is shown in the heading, and
 * points "Open the full timeline" at the same view.
 */
import { summarize, type SummaryWords } from '../../lib/embed';
import { facetValuesFrom, FACETS, matches, parseCriteria, serializeCriteria, type Facet } from '../../lib/filter';

function setUp(root: HTMLElement): void {
  const items = [...root.querySelectorAll<HTMLElement>('[data-entry-id]')].map((el) => ({
    el,
    values: facetValuesFrom(el.dataset),
  }));
  // Known values are those some agreement has, exactly as on the full timeline, so unknown ones drop.
  const known = Object.fromEntries(FACETS.map((f) => [f, new Set(items.flatMap((i) => i.values[f]))])) as Record<
    Facet,
    Set<string>
  >;
  const words = JSON.parse(root.dataset['words'] ?? '{}') as SummaryWords;
  const labels = JSON.parse(root.dataset['labels'] ?? '{}') as Record<Facet, Record<string, string>>;
  const criteria = parseCriteria(window.location.search, known);

  let shown = 0;
  for (const item of items) {
    item.el.hidden = !matches(item.values, criteria);
    if (!item.el.hidden) shown += 1;
  }
  const summary = root.querySelector<HTMLElement>('[data-embed-summary]');
  if (summary) summary.textContent = summarize(shown, criteria, (facet, value) => labels[facet][value] ?? value, words);
  const none = root.querySelector<HTMLElement>('[data-embed-none]');
  if (none) none.hidden = shown > 0;
  const full = root.querySelector<HTMLAnchorElement>('[data-embed-full]');
  if (full) full.href = `${full.dataset['href'] ?? ''}${serializeCriteria(criteria)}`;
}

const root = document.querySelector<HTMLElement>('[data-embed-timeline]');
if (root) setUp(root);
