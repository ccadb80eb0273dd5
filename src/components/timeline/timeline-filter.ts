/**
 * Client side of the timeline filters. The filter state lives in the URL
 * (`?theme=…&type=…&year=…&my=…&cn=…`), so a view can be shared, and back and forward restore it.
 * All matching and counting is the pure logic of src/lib/filter.ts.
 *
 * A large record folds its older years (index.astro): then a filter first fetches the facet index of
 * every agreement, opens the folded years that hold a match by loading their year pages' items, and
 * counts over the whole index. The timeline is aria-busy while that happens.
 */
import {
  applyFilter,
  emptyCriteria,
  facetValuesFrom,
  FACETS,
  fromFacetRow,
  parseCriteria,
  serializeCriteria,
  yearsToOpen,
  type Criteria,
  type Facet,
  type FacetRow,
  type FacetValues,
} from '../../lib/filter';
import { FILTER_CHANGE_EVENT } from '../../lib/embed';

function fill(template: string, vars: Record<string, number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

interface Row {
  row: HTMLElement;
  values: FacetValues;
  year: HTMLElement | null;
  event: HTMLElement | null;
}

/** The timeline rows inside `root`, each with its facet values and its year and event groups. */
function rowsIn(root: ParentNode): Row[] {
  // Each item knows its groups, so applying a filter counts in script instead of querying thousands
  // of rows for `:not([hidden])` once per group (that dominated at 3,000 entries).
  return [...root.querySelectorAll<HTMLElement>('[data-entry-id]')].map((el) => ({
    row: el.closest('li') ?? el,
    values: facetValuesFrom(el.dataset),
    year: el.closest<HTMLElement>('.timeline__year'),
    event: el.closest<HTMLElement>('.timeline__event'),
  }));
}

function setUp(form: HTMLFormElement, timeline: HTMLElement): void {
  const items = rowsIn(timeline);
  const values = items.map((i) => i.values);
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  // Every value any agreement has is a checkbox, folded years' included: the URL is read against them.
  const known = Object.fromEntries(
    FACETS.map((f) => [f, new Set(boxes.filter((b) => b.name === f).map((b) => b.value))]),
  ) as Record<Facet, Set<string>>;
  const countSpans = new Map(
    [...form.querySelectorAll<HTMLElement>('[data-count-for]')].map((el) => [el.dataset['countFor'] ?? '', el]),
  );
  // The counts of the whole record, as built: what the boxes show again when no filter is chosen.
  const builtCounts = new Map([...countSpans].map(([key, span]) => [key, span.textContent]));
  const status = form.querySelector<HTMLElement>('[data-filter-status]');
  const details = form.querySelector<HTMLDetailsElement>('[data-filter-details]');
  const groups = [
    ...timeline.querySelectorAll<HTMLElement>('.timeline__event, .timeline__year:not([data-folded-year])'),
  ];
  const yearCount = (group: HTMLElement) =>
    group.matches('.timeline__year') ? group.querySelector<HTMLElement>(':scope > h2 [data-year-count]') : null;
  const folded = new Map(
    [...timeline.querySelectorAll<HTMLElement>('[data-folded-year]')].map((s) => [s.dataset['foldedYear'] ?? '', s]),
  );
  const total = Number(form.dataset['total'] ?? items.length);
  const indexSrc = form.dataset['indexSrc'];
  let index: Promise<FacetValues[]> | undefined;
  /** The facet index once it has arrived: later filters then count over it without waiting. */
  let whole: FacetValues[] | undefined;
  const loadIndex = () =>
    (index ??= fetch(indexSrc ?? '')
      .then((r) => (r.ok ? (r.json() as Promise<FacetRow[]>) : Promise.reject(new Error(`${r.status}`))))
      .then((rows) => (whole = rows.map((row) => fromFacetRow(row).values))));

  /** Replaces a folded year's placeholder with the year page's own event groups, and starts filtering them. */
  const openYear = async (year: string) => {
    const section = folded.get(year);
    const link = section?.querySelector<HTMLAnchorElement>('h2 a');
    if (!section || !link) return;
    const response = await fetch(link.href);
    if (!response.ok) throw new Error(`${link.href}: ${response.status}`);
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const events = [
      ...page.querySelectorAll<HTMLElement>(`.timeline__year[aria-labelledby="year-${year}"] > .timeline__event`),
    ];
    if (!folded.has(year)) return; // opened meanwhile by an earlier filter
    section.querySelector('[data-folded-note]')?.remove();
    section.append(...events.map((e) => document.adoptNode(e)));
    section.classList.remove('timeline__year--folded');
    delete section.dataset['foldedYear'];
    folded.delete(year);
    const added = rowsIn(section);
    items.push(...added);
    values.push(...added.map((r) => r.values));
    groups.push(section, ...section.querySelectorAll<HTMLElement>('.timeline__event'));
  };

  const read = (): Criteria => {
    const criteria = emptyCriteria();
    for (const box of boxes) if (box.checked) criteria[box.name as Facet].push(box.value);
    return criteria;
  };
  const write = (criteria: Criteria) => {
    for (const box of boxes) box.checked = criteria[box.name as Facet].includes(box.value);
  };
  const chosen = (criteria: Criteria) => FACETS.some((f) => criteria[f].length > 0);
  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  /**
   * Shows the rows on the page that pass; `whole` is the facet index of the whole record when years are
   * folded, so that counts and the total cover every year, not only those on the page.
   */
  const render = (criteria: Criteria, record?: FacetValues[]) => {
    const onPage = applyFilter(values, criteria);
    const visibleIn = new Map<HTMLElement, number>(groups.map((g) => [g, 0]));
    items.forEach((item, i) => {
      const show = onPage.shown[i] ?? false;
      if (item.row.hidden === show) item.row.hidden = !show;
      if (!show) return;
      for (const group of [item.year, item.event]) if (group) visibleIn.set(group, (visibleIn.get(group) ?? 0) + 1);
    });
    for (const [group, n] of visibleIn) {
      if (group.hidden !== (n === 0)) group.hidden = n === 0;
      const count = yearCount(group);
      if (count) count.textContent = fill(count.dataset['template'] ?? '{n}', { n });
    }
    const anyChosen = chosen(criteria);
    // A folded year still folded holds no match (the filter opened every year that does).
    for (const section of folded.values()) section.hidden = anyChosen;
    const result = record ? applyFilter(record, criteria) : onPage;
    for (const [key, span] of countSpans) {
      const [facet, value] = key.split('=') as [Facet, string];
      span.textContent =
        anyChosen || !indexSrc ? `(${result.counts[facet].get(value) ?? 0})` : (builtCounts.get(key) ?? '');
    }
    const template = anyChosen
      ? form.dataset['msgShown']
      : items.length < total
        ? form.dataset['msgWindow']
        : form.dataset['msgAll'];
    say(fill(template ?? '', { n: anyChosen ? result.total : items.length, m: total }));
    // Other parts of the page (the embed code) follow the filters through this event, not their own copy.
    document.dispatchEvent(new CustomEvent(FILTER_CHANGE_EVENT, { detail: criteria }));
  };

  let latest = 0;
  const apply = (criteria: Criteria) => {
    const run = ++latest;
    // Nothing folded, or no filter: the page holds what is to be shown, and the counts as built stand.
    if (!indexSrc || !chosen(criteria)) return render(criteria);
    // The index is here and every year with a match is open: no need to wait for anything.
    if (whole && yearsToOpen(whole, criteria, new Set(folded.keys())).length === 0) return render(criteria, whole);
    timeline.setAttribute('aria-busy', 'true');
    say(form.dataset['msgLoading'] ?? '');
    loadIndex()
      .then(async (record) => {
        await Promise.all(yearsToOpen(record, criteria, new Set(folded.keys())).map(openYear));
        if (run === latest) render(criteria, record);
      })
      .catch(() => {
        if (run === latest) say(form.dataset['msgFailed'] ?? '');
        index = undefined;
      })
      .finally(() => {
        if (run === latest) timeline.removeAttribute('aria-busy');
      });
  };
  const fromUrl = () => {
    const criteria = parseCriteria(window.location.search, known);
    write(criteria);
    apply(criteria);
    // A shared view opens the panel, so the reader sees which filters made it.
    if (chosen(criteria)) details?.setAttribute('open', '');
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
const timeline = document.querySelector<HTMLElement>('.timeline');
if (form && timeline) setUp(form, timeline);
