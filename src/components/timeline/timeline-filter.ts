/**
 * Client side of the timeline filters. The filter state lives in the URL
 * (`?theme=…&type=…&year=…&my=…&cn=…`), so a view can be shared, and back and forward restore it.
 * All matching and counting is the pure logic of src/lib/filter.ts.
 *
 * Rows that do not match are taken out of their list rather than hidden, so a click costs in proportion to
 * the rows that come and go, not to the size of the record. A large record folds its older years
 * (index.astro): then a filter first fetches the facet index of every agreement, opens the folded years
 * that hold a match by loading their year pages' items, and counts over the whole index; with no filter,
 * those years fold again, as built. The timeline is aria-busy while anything loads.
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
import { fillTemplate } from '../../i18n/fill-template';
import { FILTER_CHANGE_EVENT } from '../../lib/embed';
import { scrollToFirstTicked } from '../common/ticked-in-view';

/** One agreement on the timeline: its list item, facet values, whether it is in its list, whether the filter passes it. */
interface Row {
  item: HTMLElement;
  values: FacetValues;
  attached: boolean;
  passes: boolean;
}

/** An event's list of rows, in timeline order. */
interface EventGroup {
  section: HTMLElement;
  list: HTMLElement;
  rows: Row[];
}

/** A year of the timeline: its section, its event groups, and whether it was folded as built. */
interface YearGroup {
  section: HTMLElement;
  events: EventGroup[];
  foldedAsBuilt: boolean;
  note: HTMLElement | null;
  count: HTMLElement | null;
  builtCount: string | null;
}

/**
 * A year page's headings one level down, for the home page: there its events are h2 and its titles h3, since its
 * `<h1>` names the year, while on the home page they sit under a year's h2.
 */
function demoteHeadings(section: Element) {
  for (const heading of section.querySelectorAll(':scope > .timeline__event > h2, h3.entry__title')) {
    const lower = section.ownerDocument.createElement(heading.tagName === 'H2' ? 'h3' : 'h4');
    for (const { name, value } of heading.attributes) lower.setAttribute(name, value);
    lower.append(...heading.childNodes);
    heading.replaceWith(lower);
  }
}

/** The event groups inside a year section (or a year page's), with their rows, all in their lists. */
function eventsIn(section: ParentNode): EventGroup[] {
  return [...section.querySelectorAll<HTMLElement>(':scope > .timeline__event')].flatMap((event) => {
    const list = event.querySelector<HTMLElement>('.entry-list');
    if (!list) return [];
    const rows = [...list.querySelectorAll<HTMLElement>(':scope > li')].map((item) => ({
      item,
      values: facetValuesFrom(item.querySelector<HTMLElement>('[data-entry-id]')?.dataset ?? {}),
      attached: true,
      passes: true,
    }));
    return [{ section: event, list, rows }];
  });
}

/** Puts exactly the wanted rows in a list, in order, moving only those that come or go. */
function sync(group: EventGroup, wanted: (row: Row) => boolean): number {
  let cursor = group.list.firstElementChild;
  let shown = 0;
  for (const row of group.rows) {
    if (wanted(row)) {
      shown += 1;
      if (row.item === cursor) cursor = cursor.nextElementSibling;
      else group.list.insertBefore(row.item, cursor);
      row.attached = true;
    } else if (row.attached) {
      if (row.item === cursor) cursor = cursor.nextElementSibling;
      row.item.remove();
      row.attached = false;
    }
  }
  return shown;
}

/**
 * Runs work the reader does not see (the address bar, the embed code) once the frame after a click has
 * painted, so the click shows its rows first: at 3,000 agreements they were about 7 ms of a 20 ms click.
 */
function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

function setUp(form: HTMLFormElement, timeline: HTMLElement): void {
  const years = new Map(
    [...timeline.querySelectorAll<HTMLElement>(':scope > .timeline__year')].map((section) => {
      const count = section.querySelector<HTMLElement>(':scope > h2 [data-year-count]');
      const year: YearGroup = {
        section,
        events: eventsIn(section),
        foldedAsBuilt: section.dataset['foldedYear'] !== undefined,
        note: section.querySelector<HTMLElement>('[data-folded-note]'),
        count,
        builtCount: count?.textContent ?? null,
      };
      return [section.querySelector('h2 a')?.textContent?.trim() ?? '', year] as const;
    }),
  );
  /** Every row on the page (open years, and folded years once loaded), with the values applyFilter reads. */
  const rows: Row[] = [];
  const values: FacetValues[] = [];
  const register = (year: YearGroup) => {
    for (const event of year.events) {
      rows.push(...event.rows);
      values.push(...event.rows.map((r) => r.values));
    }
  };
  for (const year of years.values()) register(year);
  /** Folded years whose items are not loaded yet. */
  const unloaded = new Set([...years].filter(([, y]) => y.foldedAsBuilt).map(([name]) => name));

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
  const toggle = form.querySelector<HTMLButtonElement>('[data-filter-toggle]');
  const body = form.querySelector<HTMLElement>('[data-filter-body]');
  const expand = (open: boolean) => {
    toggle?.setAttribute('aria-expanded', String(open));
    if (body) body.hidden = !open;
  };
  toggle?.addEventListener('click', () => expand(toggle.getAttribute('aria-expanded') !== 'true'));
  const clear = form.querySelector<HTMLButtonElement>('[data-filter-clear]');
  const total = Number(form.dataset['total'] ?? rows.length);
  const indexSrc = form.dataset['indexSrc'];
  let index: Promise<FacetValues[]> | undefined;
  /** The facet index once it has arrived: later filters then count over it without waiting. */
  let whole: FacetValues[] | undefined;
  const loadIndex = () =>
    (index ??= fetch(indexSrc ?? '')
      .then((r) => (r.ok ? (r.json() as Promise<FacetRow[]>) : Promise.reject(new Error(`${r.status}`))))
      .then((list) => (whole = list.map((row) => fromFacetRow(row).values))));

  /** Loads a folded year's event groups from its year page, out of sight until a filter shows their rows. */
  const loadYear = async (name: string) => {
    const year = years.get(name);
    const link = year?.section.querySelector<HTMLAnchorElement>('h2 a');
    if (!year || !link) return;
    const response = await fetch(link.href);
    if (!response.ok) throw new Error(`${link.href}: ${response.status}`);
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const source = page.querySelector(`.timeline__year[aria-labelledby="year-${name}"]`);
    if (!source || !unloaded.has(name)) return; // loaded meanwhile by an earlier filter
    demoteHeadings(source);
    const events = eventsIn(source);
    for (const event of events) {
      event.section.hidden = true;
      for (const row of event.rows) {
        row.item.remove();
        row.attached = false;
      }
    }
    year.section.append(...events.map((e) => document.adoptNode(e.section)));
    year.events = events;
    unloaded.delete(name);
    register(year);
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
  const setText = (el: HTMLElement, text: string) => {
    if (el.textContent !== text) el.textContent = text;
  };

  /**
   * Shows the rows on the page that pass. With no filter, the page as built: its open years in full and
   * its folded years folded. `record` is the facet index of the whole record while years are folded, so
   * that counts and the total cover every year, not only those on the page.
   */
  const render = (criteria: Criteria, record?: FacetValues[]) => {
    const anyChosen = chosen(criteria);
    // Not `disabled`: a disabled button drops the keyboard focus the reader just clicked it with.
    clear?.setAttribute('aria-disabled', String(!anyChosen));
    const onPage = applyFilter(values, criteria);
    rows.forEach((row, i) => (row.passes = onPage.shown[i] ?? false));
    let shownOnPage = 0;
    for (const year of years.values()) {
      const asBuilt = !anyChosen && year.foldedAsBuilt;
      let inYear = 0;
      for (const event of year.events) {
        const n = sync(event, (row) => !asBuilt && row.passes);
        if (event.section.hidden !== (n === 0)) event.section.hidden = n === 0;
        inYear += n;
      }
      shownOnPage += inYear;
      if (year.note) year.note.hidden = anyChosen;
      // Folded, a year is two lines laid out in place; open, it skips rendering while off screen.
      if (year.foldedAsBuilt) year.section.classList.toggle('timeline__year--folded', asBuilt);
      const hide = anyChosen && inYear === 0;
      if (year.section.hidden !== hide) year.section.hidden = hide;
      if (year.count) {
        const template = (inYear === 1 ? year.count.dataset['templateOne'] : year.count.dataset['template']) ?? '{n}';
        setText(year.count, asBuilt ? (year.builtCount ?? '') : fillTemplate(template, { n: inYear }));
      }
    }
    const result = record ? applyFilter(record, criteria) : onPage;
    for (const [key, span] of countSpans) {
      const [facet, value] = key.split('=') as [Facet, string];
      const built = !anyChosen && indexSrc !== undefined;
      setText(span, built ? (builtCounts.get(key) ?? '') : `(${result.counts[facet].get(value) ?? 0})`);
    }
    const template = anyChosen
      ? form.dataset[result.total === 0 ? 'msgNone' : 'msgShown']
      : shownOnPage < total
        ? form.dataset['msgWindow']
        : form.dataset['msgAll'];
    say(fillTemplate(template ?? '', { n: anyChosen ? result.total : shownOnPage, m: total }));
    // Other parts of the page (the embed code) follow the filters through this event, not their own copy.
    afterPaint(() => document.dispatchEvent(new CustomEvent(FILTER_CHANGE_EVENT, { detail: criteria })));
  };

  // Once every folded year is loaded, the page holds every row and counting it is enough.
  const rest = (record: FacetValues[]) => (unloaded.size > 0 ? record : undefined);
  let latest = 0;
  const apply = (criteria: Criteria) => {
    const run = ++latest;
    // Nothing folded, or no filter: the page holds what is to be shown, and the counts as built stand.
    if (!indexSrc || !chosen(criteria)) return render(criteria);
    // The index is here and every year with a match is loaded: no need to wait for anything.
    if (whole && yearsToOpen(whole, criteria, unloaded).length === 0) return render(criteria, rest(whole));
    timeline.setAttribute('aria-busy', 'true');
    say(form.dataset['msgLoading'] ?? '');
    loadIndex()
      .then(async (record) => {
        await Promise.all(yearsToOpen(record, criteria, unloaded).map(loadYear));
        if (run === latest) render(criteria, rest(record));
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
    // A shared view opens the panel, so the reader sees which filters made it, each list scrolled to
    // its first ticked value.
    if (chosen(criteria)) {
      expand(true);
      scrollToFirstTicked(form.querySelectorAll<HTMLElement>('.filters__group ul'));
    }
  };

  /** Shows a filter the reader chose and adds it to the history (no filter: the bare path). */
  const choose = (criteria: Criteria) => {
    apply(criteria);
    const address = `${window.location.pathname}${serializeCriteria(criteria)}`;
    afterPaint(() => history.pushState(null, '', address));
  };
  form.addEventListener('change', () => choose(read()));
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    if (!chosen(read())) return;
    write(emptyCriteria());
    choose(emptyCriteria());
  });
  window.addEventListener('popstate', fromUrl);
  fromUrl();
}

const form = document.querySelector<HTMLFormElement>('[data-filter-form]');
const timeline = document.querySelector<HTMLElement>('.timeline');
if (form && timeline) setUp(form, timeline);
