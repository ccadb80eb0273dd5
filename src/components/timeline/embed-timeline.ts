/**
 * Client side of the embed page: reads the frame's query with the timeline's own filter names and
 * logic (src/lib/filter.ts), shows the matching agreements, says what is shown in the heading, and
 * points "Open the full timeline" at the same view.
 *
 * When the record is larger than the page holds (EMBED_ITEMS), a filter searches the whole record, as
 * the full timeline's does when it folds older years: it fetches the timeline's facet index, selects
 * every match in it (embedSelection), and loads the rows of matches the page lacks from their years'
 * small files (/embed/timeline/<year>.json). The list is aria-busy while they load. Rows show newest
 * first, as the page was built (embedOrder).
 */
import { formatDate, precisionOf } from '../../lib/dates';
import {
  embedOrder,
  embedSelection,
  fromEmbedRow,
  summarize,
  type EmbedItem,
  type EmbedRow,
  type SummaryWords,
} from '../../lib/embed';
import {
  facetAttributes,
  facetValuesFrom,
  FACETS,
  fromFacetRow,
  matches,
  parseCriteria,
  serializeCriteria,
  type Facet,
  type FacetRow,
  type FacetValues,
} from '../../lib/filter';

async function getJson<T>(src: string): Promise<T> {
  const response = await fetch(src);
  if (!response.ok) throw new Error(`${src}: ${response.status}`);
  return (await response.json()) as T;
}

function setUp(root: HTMLElement, list: HTMLElement): void {
  const onPage = [...list.querySelectorAll<HTMLElement>(':scope > [data-entry-id]')];
  const words = JSON.parse(root.dataset['words'] ?? '{}') as SummaryWords;
  const labels = JSON.parse(root.dataset['labels'] ?? '{}') as Record<Facet, Record<string, string>>;
  // Known values are those some agreement of the record has (the labelled ones), exactly as on the
  // full timeline, so unknown ones drop.
  const known = Object.fromEntries(FACETS.map((f) => [f, new Set(Object.keys(labels[f] ?? {}))])) as Record<
    Facet,
    Set<string>
  >;
  const criteria = parseCriteria(window.location.search, known);
  const full = root.querySelector<HTMLAnchorElement>('[data-embed-full]');
  if (full) full.href = `${full.dataset['href'] ?? ''}${serializeCriteria(criteria)}`;
  // No filter: the page as built, the newest agreements and, when older ones are left out, a line saying so.
  if (FACETS.every((f) => criteria[f].length === 0)) return;

  const summary = root.querySelector<HTMLElement>('[data-embed-summary]');
  const none = root.querySelector<HTMLElement>('[data-embed-none]');
  const status = root.querySelector<HTMLElement>('[data-embed-status]');
  const more = root.querySelector<HTMLElement>('[data-embed-more]');
  const show = (items: HTMLElement[]) => {
    list.replaceChildren(...items);
    if (summary) summary.textContent = summarize(items.length, criteria, (f, v) => labels[f]?.[v] ?? v, words);
    if (none) none.hidden = items.length > 0;
    if (more) more.hidden = true;
  };
  const onPageMatches = () => onPage.filter((el) => matches(facetValuesFrom(el.dataset), criteria));
  const indexSrc = root.dataset['indexSrc'];
  const model = onPage[0];
  // The page holds the whole record: it is all there is to filter.
  if (!indexSrc || !model) return show(onPageMatches());

  /** A row for an agreement older than the page holds: a copy of the page's first, filled in. */
  const row = (item: EmbedItem, values: FacetValues) => {
    const el = model.cloneNode(true) as HTMLElement;
    el.dataset['entryId'] = item.id;
    for (const [name, value] of Object.entries(facetAttributes(values))) el.setAttribute(name, value);
    const time = el.querySelector('time');
    if (time) {
      time.dateTime = item.date.value;
      time.textContent = formatDate(item.date);
    }
    const type = el.querySelector('.embed-list__type');
    if (type) type.textContent = labels.type[item.type] ?? item.type;
    const link = el.querySelector<HTMLAnchorElement>('.embed-list__title');
    if (link) {
      link.href = (root.dataset['agreementHref'] ?? '').replace('{id}', item.id);
      link.textContent = item.shortTitle;
    }
    return el;
  };

  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  list.setAttribute('aria-busy', 'true');
  say(root.dataset['msgLoading'] ?? '');
  getJson<FacetRow[]>(indexSrc)
    .then(async (rows) => {
      const index = rows.map(fromFacetRow);
      const byId = new Map(onPage.map((el) => [el.dataset['entryId'] ?? '', el]));
      const { ids, years } = embedSelection(index, criteria, new Set(byId.keys()));
      const wanted = new Set(ids);
      const values = new Map(index.map((entry) => [entry.id, entry.values]));
      const yearSrc = root.dataset['yearSrc'] ?? '';
      const loaded = await Promise.all(years.map((year) => getJson<EmbedRow[]>(yearSrc.replace('{year}', year))));
      for (const item of loaded.flat().map(fromEmbedRow)) {
        const facets = values.get(item.id);
        if (wanted.has(item.id) && !byId.has(item.id) && facets) byId.set(item.id, row(item, facets));
      }
      const rowsOf = ids.map((id) => {
        const el = byId.get(id);
        // The index and the year files come from different builds (a cache between them): say so.
        if (!el) throw new Error(`${id} is in the facet index but in no year file`);
        const value = el.querySelector('time')?.dateTime ?? '';
        return { el, date: { value, precision: precisionOf(value) ?? 'year' } };
      });
      show(embedOrder(rowsOf).map(({ el }) => el));
      say('');
    })
    .catch(() => {
      show(onPageMatches());
      say(root.dataset['msgFailed'] ?? '');
    })
    .finally(() => list.removeAttribute('aria-busy'));
}

const root = document.querySelector<HTMLElement>('[data-embed-timeline]');
const list = root?.querySelector<HTMLElement>('[data-embed-list]');
if (root && list) setUp(root, list);
