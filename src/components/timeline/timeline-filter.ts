/**
 * Client side of the timeline filters. The filter state lives in the URL
 * (`?theme=…&type=…&year=…&my=…&cn=…`), so a view can be shared, and back and forward restore it.
 * All matching and counting is the pure logic of src/lib/filter.ts.
 */
import {
  emptyCriteria,
  facetCounts,
  facetValuesFrom,
  FACETS,
  matches,
  parseCriteria,
  serializeCriteria,
  type Criteria,
  type Facet,
} from '../../lib/filter';
import { FILTER_CHANGE_EVENT } from '../../lib/embed';

function fill(template: string, vars: Record<string, number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function setUp(form: HTMLFormElement): void {
  // Each item knows its year and event groups, so applying a filter counts in script instead of
  // querying thousands of rows for `:not([hidden])` once per group (that dominated at 3,000 entries).
  const items = [...document.querySelectorAll<HTMLElement>('.timeline [data-entry-id]')].map((el) => ({
    row: el.closest('li') ?? el,
    values: facetValuesFrom(el.dataset),
    year: el.closest<HTMLElement>('.timeline__year'),
    event: el.closest<HTMLElement>('.timeline__event'),
  }));
  const known = Object.fromEntries(FACETS.map((f) => [f, new Set(items.flatMap((i) => i.values[f]))])) as Record<
    Facet,
    Set<string>
  >;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const countSpans = new Map(
    [...form.querySelectorAll<HTMLElement>('[data-count-for]')].map((el) => [el.dataset['countFor'] ?? '', el]),
  );
  const status = form.querySelector<HTMLElement>('[data-filter-status]');
  const details = form.querySelector<HTMLDetailsElement>('[data-filter-details]');
  const groups = [...document.querySelectorAll<HTMLElement>('.timeline__event, .timeline__year')];
  const yearCounts = new Map(
    groups.flatMap((g) => {
      const count = g.matches('.timeline__year') ? g.querySelector<HTMLElement>('[data-year-count]') : null;
      return count ? [[g, count] as const] : [];
    }),
  );

  const read = (): Criteria => {
    const criteria = emptyCriteria();
    for (const box of boxes) if (box.checked) criteria[box.name as Facet].push(box.value);
    return criteria;
  };
  const write = (criteria: Criteria) => {
    for (const box of boxes) box.checked = criteria[box.name as Facet].includes(box.value);
  };
  const apply = (criteria: Criteria) => {
    let shown = 0;
    const visibleIn = new Map<HTMLElement, number>(groups.map((g) => [g, 0]));
    for (const item of items) {
      const visible = matches(item.values, criteria);
      if (item.row.hidden === visible) item.row.hidden = !visible;
      if (!visible) continue;
      shown += 1;
      for (const group of [item.year, item.event]) if (group) visibleIn.set(group, (visibleIn.get(group) ?? 0) + 1);
    }
    for (const [group, n] of visibleIn) {
      if (group.hidden !== (n === 0)) group.hidden = n === 0;
      const count = yearCounts.get(group);
      if (count) count.textContent = fill(count.dataset['template'] ?? '{n}', { n });
    }
    const counts = facetCounts(
      items.map((i) => i.values),
      criteria,
    );
    for (const [key, span] of countSpans) {
      const [facet, value] = key.split('=') as [Facet, string];
      span.textContent = `(${counts[facet].get(value) ?? 0})`;
    }
    const anyChosen = FACETS.some((f) => criteria[f].length > 0);
    if (status) {
      const template = anyChosen ? form.dataset['msgShown'] : form.dataset['msgAll'];
      status.textContent = fill(template ?? '', { n: shown, m: items.length });
    }
    // Other parts of the page (the embed code) follow the filters through this event, not their own copy.
    document.dispatchEvent(new CustomEvent(FILTER_CHANGE_EVENT, { detail: criteria }));
  };
  const fromUrl = () => {
    const criteria = parseCriteria(window.location.search, known);
    write(criteria);
    apply(criteria);
    // A shared view opens the panel, so the reader sees which filters made it.
    if (FACETS.some((f) => criteria[f].length > 0)) details?.setAttribute('open', '');
  };

  form.addEventListener('change', () => {
    const criteria = read();
    apply(criteria);
    history.pushState(null, '', `${window.location.pathname}${serializeCriteria(criteria)}`);
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    write(emptyCriteria());
    apply(emptyCriteria());
    history.pushState(null, '', window.location.pathname);
  });
  window.addEventListener('popstate', fromUrl);
  fromUrl();
}

const form = document.querySelector<HTMLFormElement>('[data-filter-form]');
if (form) setUp(form);
