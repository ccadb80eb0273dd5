import { fillTemplate } from '../../i18n/fill-template';
import { SEPARATOR } from '../../i18n/separator';
import { FACETS, type Facet } from '../../lib/filter';
import { url } from '../../lib/paths';
import { PAGE_RESULTS } from '../../lib/search-config';
import { kindSummary } from '../../lib/search-summary';
import {
  hasFilters,
  pagefindOptions,
  parseState,
  stateToParams,
  withoutFacet,
  type FacetAliases,
  type SearchState,
} from '../../lib/search-state';
import { scrollToFirstTicked } from '../common/ticked-in-view';
import {
  excerptNodes,
  excerptStops,
  kindMessageKey,
  loadPagefind,
  metaLine,
  runSearch,
  termsLine,
  type FilterCounts,
  type SearchHit,
  type SearchOutcome,
} from './search-core';

/**
 * Client side of /search/: the form's query, facets and order live in the URL (`?q=…&theme=…&sort=…`),
 * so a shared link restores them. Pagefind loads only on this page (or on intent in the header).
 * An empty query browses the agreements by facet, newest first.
 */

function resultItem(hit: SearchHit, messages: DOMStringMap): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = hit.url;
  link.textContent = hit.title;
  heading.append(link);
  item.append(heading, metaLine(hit, messages, document, true));
  if (hit.themes.length > 0) {
    const themes = document.createElement('p');
    themes.className = 'search-result__themes';
    themes.textContent = `${messages['msgThemes'] ?? ''} ${hit.themes.join(SEPARATOR)}`;
    item.append(themes);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  excerpt.append(...excerptNodes(hit, document));
  item.append(excerpt);
  const terms = termsLine(hit, messages, document, 'p', 'search-result__terms');
  if (terms) item.append(terms);
  return item;
}

/** Builds each facet's checkboxes once, from every value in the index (so focus stays put later). */
function buildFacets(form: HTMLFormElement, all: FilterCounts): void {
  for (const facet of FACETS) {
    const list = form.querySelector<HTMLElement>(`[data-facet="${facet}"] [data-facet-values]`);
    if (!list) continue;
    // The page gives the timeline filters' order, and labels where a value is short: "KDN" reads
    // "Ministry of Home Affairs (Malaysia) (KDN)".
    const order: string[] = JSON.parse(list.dataset['order'] ?? '[]');
    const labels: Partial<Record<string, string>> = JSON.parse(list.dataset['labels'] ?? '{}');
    const labelOf = (value: string) => labels[value] ?? value;
    const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
    const values = Object.keys(all[facet] ?? {}).sort(
      (a, b) => rank(a) - rank(b) || labelOf(a).localeCompare(labelOf(b), 'en'),
    );
    list.replaceChildren(
      ...values.map((value) => {
        const item = document.createElement('li');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = facet;
        box.value = value;
        const number = document.createElement('span');
        number.className = 'search-facet__count';
        // The label wraps the box so the whole row takes the tap, not only the 13 px square.
        const text = document.createElement('span');
        text.append(`${labelOf(value)} `, number);
        const label = document.createElement('label');
        label.append(box, text);
        item.append(label);
        return item;
      }),
    );
  }
}

/**
 * The counts of each facet with a value ticked, from the same search without that facet; the others come
 * from the search itself. Otherwise ticking "Protocol" would show "MoU (0)", though ticking MoU as well
 * adds 14 results.
 */
async function tickedFacetCounts(
  pagefind: Awaited<ReturnType<typeof loadPagefind>>,
  state: SearchState,
): Promise<FilterCounts> {
  const chosen = FACETS.filter((facet) => state.filters[facet].length > 0);
  const alone = await Promise.all(
    chosen.map(async (facet) => {
      const { filters } = pagefindOptions(withoutFacet(state, facet));
      const search = await pagefind.search(state.q || null, { filters });
      return [facet, search?.filters[facet] ?? {}] as const;
    }),
  );
  return Object.fromEntries(alone);
}

/** Shows, next to each facet value, how many results the current search has with it. */
function updateCounts(form: HTMLFormElement, counts: FilterCounts): void {
  for (const box of form.querySelectorAll<HTMLInputElement>('[data-facet-values] input')) {
    const count = counts[box.name]?.[box.value] ?? 0;
    const item = box.closest('li');
    const number = item?.querySelector('.search-facet__count');
    if (number) number.textContent = `(${count})`;
    item?.classList.toggle('search-facet__empty', count === 0 && !box.checked);
  }
}

/** Each facet's aliases, as the page gives them beside its values. */
function pageAliases(form: HTMLFormElement): FacetAliases {
  const aliases: FacetAliases = {};
  for (const facet of FACETS) {
    const list = form.querySelector<HTMLElement>(`[data-facet="${facet}"] [data-facet-values]`);
    if (list?.dataset['aliases']) aliases[facet] = JSON.parse(list.dataset['aliases']);
  }
  return aliases;
}

/** The state the form shows now. An order the page chose itself (showSort) is no choice of the reader's. */
function formState(form: HTMLFormElement): SearchState {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') params.append(key, value);
  if (form.querySelector('#search-sort[data-defaulted]')) params.delete('sort');
  return parseState(params);
}

/**
 * Shows the order the results are in. Without a query nothing is more relevant than anything else and the
 * results are listed newest first, so the box says "Newest first" and offers no relevance. That order is
 * marked as the page's own, so a query typed next is ranked by relevance unless the reader picks an order
 * (a shared link's `sort=newest` is the reader's).
 */
function showSort(form: HTMLFormElement, state: SearchState): void {
  const sort = form.querySelector<HTMLSelectElement>('#search-sort');
  const relevance = sort?.querySelector<HTMLOptionElement>('option[value="relevance"]');
  if (!sort || !relevance) return;
  const browsing = state.q === '';
  relevance.hidden = browsing;
  relevance.disabled = browsing;
  const defaulted = browsing && state.sort === 'relevance';
  sort.value = defaulted ? 'newest' : state.sort;
  sort.toggleAttribute('data-defaulted', defaulted);
}

/** Shows a state in the form: the query, the ticked values, and "Clear all filters" if any is ticked. */
function showState(form: HTMLFormElement, state: SearchState): void {
  const input = form.querySelector<HTMLInputElement>('#page-search');
  if (input) input.value = state.q;
  checkFacets(form, state);
  const clear = form.querySelector('[data-search-clear]')?.parentElement;
  if (clear) clear.hidden = !hasFilters(state);
}

/** Ticks the facet values of a state. */
function checkFacets(form: HTMLFormElement, state: SearchState): void {
  for (const box of form.querySelectorAll<HTMLInputElement>('[data-facet-values] input')) {
    box.checked = state.filters[box.name as Facet].includes(box.value);
  }
}

/**
 * The button that folds the facets away on a narrow screen (CSS hides it on a wide one): it opens and
 * closes them, and says how many values are ticked, which a folded box cannot show.
 */
function facetFold(toggle: HTMLButtonElement): (state: SearchState) => void {
  toggle.addEventListener('click', () => {
    toggle.setAttribute('aria-expanded', String(toggle.getAttribute('aria-expanded') !== 'true'));
  });
  const ticked = toggle.querySelector<HTMLElement>('[data-facets-ticked]');
  return (state) => {
    const n = FACETS.reduce((sum, facet) => sum + state.filters[facet].length, 0);
    const message = toggle.dataset[n === 1 ? 'msgTickedOne' : 'msgTicked'] ?? '';
    if (ticked) ticked.textContent = n === 0 ? '' : fillTemplate(message, { n });
  };
}

async function start(root: HTMLElement): Promise<void> {
  const messages = root.dataset;
  const form = root.closest('form');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-list]');
  const suggest = root.querySelector<HTMLElement>('[data-search-suggest]');
  const facets = form?.querySelector<HTMLElement>('[data-search-facets]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  const toggle = form?.querySelector<HTMLButtonElement>('[data-facets-toggle]');
  if (!form || !status || !list || !suggest || !facets || !more || !toggle) return;
  const showTicked = facetFold(toggle);
  const say = (text: string | undefined) => {
    status.textContent = text ?? '';
  };

  const aliases = pageAliases(form);
  const fromUrl = () => parseState(new URLSearchParams(window.location.search), aliases);
  let state = fromUrl();
  showState(form, state);
  showTicked(state);
  if (import.meta.env.DEV) return say(messages['msgNeedsBuild']);

  say(messages['msgLoading']);
  let pagefind: Awaited<ReturnType<typeof loadPagefind>>;
  let all: FilterCounts;
  try {
    pagefind = await loadPagefind({ worker: true });
    all = await pagefind.filters();
  } catch {
    facets.hidden = true;
    root.querySelector('[data-search-fallback]')?.removeAttribute('hidden');
    return say(messages['msgFailed']);
  }
  buildFacets(form, all);
  checkFacets(form, state);

  let generation = 0;
  let outcome: SearchOutcome | undefined;
  let shown = 0;
  /** The status line: what matched, and how many of them are on the page. */
  const describe = (total: number) => {
    const q = state.q;
    let text: string | undefined;
    if (total === 0 && hasFilters(state))
      text = fillTemplate(messages[q ? 'msgNoneFiltered' : 'msgNoneBrowse'] ?? '', { q });
    else if (total === 0) text = fillTemplate(messages['msgNone'] ?? '', { q });
    else if (!q) text = fillTemplate(messages[total === 1 ? 'msgBrowseOne' : 'msgBrowse'] ?? '', { n: total });
    // A date order lists only the pages with a date: it says so, and how many it leaves to the relevance order.
    else if (state.sort !== 'relevance') {
      text = fillTemplate(messages[total === 1 ? 'msgOneDated' : 'msgManyDated'] ?? '', { n: total, q });
      const undated = outcome?.undated ?? 0;
      if (undated > 0)
        text += ` ${fillTemplate(messages[undated === 1 ? 'msgUndatedOne' : 'msgUndated'] ?? '', { n: undated })}`;
    } else {
      const kinds = kindSummary(
        outcome?.counts['kind'],
        total,
        (kind, n) => fillTemplate(messages[kindMessageKey('count', kind, n === 1)] ?? '', { n }),
        document.documentElement.lang,
      );
      const key = kinds ? (total === 1 ? 'msgOneKinds' : 'msgManyKinds') : total === 1 ? 'msgOne' : 'msgMany';
      text = fillTemplate(messages[key] ?? '', { n: total, q, kinds: kinds ?? '' });
    }
    if (total > shown) text += ` ${fillTemplate(messages['msgShown'] ?? '', { n: shown, m: total })}`;
    return text;
  };
  const showMoreButton = (total: number) => {
    more.hidden = total <= shown;
    more.textContent = fillTemplate(messages['msgMore'] ?? '', { n: Math.min(PAGE_RESULTS, total - shown) });
  };
  const show = async () => {
    const mine = ++generation;
    let next: SearchOutcome;
    let counts: FilterCounts;
    try {
      // The searches without each ticked facet run beside the main one, not after it.
      const [found, ticked] = await Promise.all([
        runSearch(pagefind, state.q, pagefindOptions(state), PAGE_RESULTS, excerptStops(messages)),
        tickedFacetCounts(pagefind, state),
      ]);
      next = found;
      counts = { ...found.counts, ...ticked };
    } catch {
      // A date order whose file cannot be fetched, or a chunk that fails: say so rather than go quiet.
      if (mine === generation) say(messages['msgFailed']);
      return;
    }
    if (mine !== generation) return;
    outcome = next;
    shown = next.hits.length;
    updateCounts(form, counts);
    list.replaceChildren(...next.hits.map((hit) => resultItem(hit, messages)));
    suggest.hidden = next.total > 0;
    // Nothing found and nothing ticked: there is nothing to narrow, so the facets show nothing (search.astro).
    facets.toggleAttribute('data-empty', next.total === 0 && !hasFilters(state));
    showMoreButton(next.total);
    say(describe(next.total));
  };
  // Loading more keeps the results already read, and moves focus to the first new one.
  more.addEventListener('click', () => {
    const current = outcome;
    const mine = generation;
    if (!current) return;
    void current.more(PAGE_RESULTS).then((hits) => {
      if (mine !== generation || hits.length === 0) return;
      const items = hits.map((hit) => resultItem(hit, messages));
      list.append(...items);
      shown += hits.length;
      showMoreButton(current.total);
      say(describe(current.total));
      items[0]?.querySelector('a')?.focus();
    });
  });

  /** Makes `next` the page's state: the form, its order and its open facets show it, and it is searched. */
  const adopt = (next: SearchState) => {
    state = next;
    showState(form, state);
    showSort(form, state);
    showTicked(state);
    void show();
  };
  /** Takes the form's state into the URL (a new history entry for a new query) and searches. */
  const update = (push: boolean) => {
    const next = formState(form);
    const search = stateToParams(next).toString();
    const target = `${url('/search/')}${search ? `?${search}` : ''}`;
    if (push) window.history.pushState(null, '', target);
    else window.history.replaceState(null, '', target);
    adopt(next);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(formState(form).q !== state.q);
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'search') return;
    if (event.target instanceof HTMLSelectElement) event.target.removeAttribute('data-defaulted');
    update(false);
  });
  form.querySelector('[data-search-clear]')?.addEventListener('click', (event) => {
    event.preventDefault();
    for (const box of form.querySelectorAll<HTMLInputElement>('[data-facet-values] input')) box.checked = false;
    update(false);
    // The link hides once nothing is ticked; the focus goes on to the results rather than back to the page.
    root.focus();
  });
  window.addEventListener('popstate', () => {
    const next = fromUrl();
    // Following a fragment link (the link past the filters) fires popstate too; only a new query searches.
    if (stateToParams(next).toString() !== stateToParams(state).toString()) adopt(next);
  });
  // Only once the script handles the form: a form the browser submitted itself, before then or after a
  // failure, would send the order shown ("newest") in place of the reader's relevance.
  showSort(form, state);
  await show();
  // Once the first counts have hidden the values no result has, which moves the ticked ones up.
  scrollToFirstTicked(form.querySelectorAll<HTMLElement>('[data-facet-values]'));
}

const root = document.querySelector<HTMLElement>('[data-search-root]');
if (root) void start(root);
