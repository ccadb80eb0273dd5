import { fillTemplate } from '../../i18n/fill-template';
import { url } from '../../lib/paths';
import { PANEL_RESULTS } from '../../lib/search-config';
import {
  excerptNodes,
  excerptStops,
  loadPagefind,
  metaLine,
  runSearch,
  termsLine,
  type SearchHit,
} from './search-core';

/**
 * The header's results panel, loaded on intent. Focus stays in the box throughout: the list is a
 * listbox whose active option is announced through aria-activedescendant. ArrowDown/ArrowUp move,
 * Enter opens the active result (or, with none active, submits to /search/), Escape (in the box or on a
 * link in the panel) closes the panel.
 */

/** Milliseconds of quiet typing before a search runs. */
const DEBOUNCE = 120;

/** Wires the panel of a header search form; called once, on the first sign of intent. */
export function attachPanel(form: HTMLFormElement, input: HTMLInputElement): void {
  const messages = form.dataset;
  const panel = form.querySelector<HTMLElement>('[data-search-panel]');
  const status = form.querySelector<HTMLElement>('[data-panel-status]');
  const list = form.querySelector<HTMLUListElement>('[role="listbox"]');
  const all = form.querySelector<HTMLAnchorElement>('[data-panel-all]');
  const timeline = form.querySelector<HTMLElement>('[data-panel-timeline]');
  if (!panel || !status || !list || !all || !timeline) return;

  let hits: SearchHit[] = [];
  /** The query whose results the list shows, so reopening it does not search (and reset the choice) again. */
  let shown = '';
  let active = -1;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pagefind = loadPagefind();
  // An index that fails here is reported when the reader searches.
  pagefind.catch(() => undefined);

  const options = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')];
  const setActive = (index: number) => {
    active = index;
    options().forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const current = options()[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  // The box is a combobox: it says whether its list of results is showing.
  const showExpanded = () => input.setAttribute('aria-expanded', String(!panel.hidden && !list.hidden));
  const close = () => {
    generation++;
    panel.hidden = true;
    setActive(-1);
    showExpanded();
  };
  const open = () => {
    panel.hidden = false;
    showExpanded();
  };

  const render = (query: string) => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const option = document.createElement('li');
        option.id = `${panel.id}-option-${i}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.className = 'search-panel__option';
        const title = document.createElement('span');
        title.className = 'search-panel__title';
        title.id = `${option.id}-title`;
        title.textContent = hit.title;
        const meta = metaLine(hit, messages, document);
        meta.id = `${option.id}-meta`;
        const excerpt = document.createElement('span');
        excerpt.className = 'search-panel__excerpt';
        excerpt.append(...excerptNodes(hit, document));
        // Named by its title alone: each arrow press would otherwise read the excerpt out too.
        option.setAttribute('aria-labelledby', title.id);
        option.setAttribute('aria-describedby', meta.id);
        option.append(title, meta, excerpt);
        const terms = termsLine(hit, messages, document, 'span', 'search-panel__terms');
        if (terms) option.append(terms);
        option.addEventListener('click', () => window.location.assign(hit.url));
        return option;
      }),
    );
    list.hidden = hits.length === 0;
    showExpanded();
    all.href = `${url('/search/')}?${new URLSearchParams({ q: query }).toString()}`;
    setActive(-1);
  };

  const search = async () => {
    const query = input.value.trim();
    if (!query) return close();
    const mine = ++generation;
    open();
    timeline.hidden = true;
    if (hits.length === 0) status.textContent = messages['msgLoading'] ?? '';
    try {
      const outcome = await runSearch(await pagefind, query, { filters: {} }, PANEL_RESULTS, excerptStops(messages));
      if (mine !== generation) return;
      hits = outcome.hits;
      shown = query;
      render(query);
      const n = outcome.total;
      // The panel lists at most PANEL_RESULTS: beyond that, the count says so, or a screen reader hears more than it finds.
      const key = n === 0 ? 'msgNone' : n === 1 ? 'msgOne' : n > hits.length ? 'msgMore' : 'msgMany';
      status.textContent = fillTemplate(messages[key] ?? '', { n, q: query, k: hits.length });
    } catch {
      if (mine !== generation) return;
      hits = [];
      shown = '';
      render(query);
      timeline.hidden = false;
      status.textContent = messages['msgFailed'] ?? '';
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), DEBOUNCE);
  });
  input.addEventListener('keydown', (event) => {
    const count = hits.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (panel.hidden) {
        const query = input.value.trim();
        if (query && query === shown) open();
        else if (query) void search();
        event.preventDefault();
        return;
      }
      if (count === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(active < 0 ? (step === 1 ? 0 : count - 1) : (active + step + count) % count);
    } else if (event.key === 'Enter') {
      const hit = hits[active];
      if (!panel.hidden && hit) {
        event.preventDefault();
        window.location.assign(hit.url);
      }
    }
  });
  /** Set while Escape sends focus back to the box, whose focus would otherwise reopen the panel. */
  let escaping = false;
  // From the box or from a link in the panel: Escape closes the panel and leaves focus in the box.
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || panel.hidden) return;
    event.preventDefault();
    close();
    if (document.activeElement === input) return;
    escaping = true;
    input.focus();
    escaping = false;
  });
  // Clicking an option must not take focus from the box before the click lands.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  form.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node) || !form.contains(event.relatedTarget)) close();
  });
  input.addEventListener('focus', () => {
    if (!escaping && input.value.trim() && panel.hidden) void search();
  });
  if (document.activeElement === input && input.value.trim()) void search();
}
