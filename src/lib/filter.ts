/**
 * Timeline filters: which agreements match a set of facet values, how many each value would show,
 * and how a filter state reads from and writes to the URL (`?theme=ai&type=mou&year=2025&my=miti&cn=ndrc`).
 */

/** The facets readers filter by, in the order the page shows them. */
export const FACETS = ['theme', 'type', 'year', 'my', 'cn'] as const;
/** One of FACETS. */
export type Facet = (typeof FACETS)[number];

/** The values an agreement has for each facet. */
export type FacetValues = Record<Facet, readonly string[]>;

/** Chosen values per facet: any of a facet's values matches, and every facet must match. */
export type Criteria = Record<Facet, string[]>;

/** An item's facet values as `data-*` attributes, the form `facetValuesFrom` reads back from its dataset. */
export function facetAttributes(values: FacetValues): Record<`data-${Facet}`, string> {
  const attributes = {} as Record<`data-${Facet}`, string>;
  for (const facet of FACETS) attributes[`data-${facet}`] = values[facet].join(' ');
  return attributes;
}

/** Reads an item's facet values from space-separated attributes (e.g. an element's dataset). */
export function facetValuesFrom(attributes: Readonly<Record<string, string | undefined>>): FacetValues {
  const values = {} as Record<Facet, string[]>;
  for (const facet of FACETS) values[facet] = (attributes[facet] ?? '').split(' ').filter(Boolean);
  return values;
}

/**
 * One item as the timeline's facet index stores it: its id, then each facet's values space-separated in
 * FACETS order. Compact, since a page that folds older years fetches every item's row to filter them.
 */
export type FacetRow = [id: string, ...values: string[]];

/** An item's row in the facet index. */
export function facetRow(id: string, values: FacetValues): FacetRow {
  return [id, ...FACETS.map((facet) => values[facet].join(' '))];
}

/** Reads a facet-index row back: the item's id and facet values. */
export function fromFacetRow([id, ...joined]: FacetRow): { id: string; values: FacetValues } {
  return { id, values: facetValuesFrom(Object.fromEntries(FACETS.map((facet, i) => [facet, joined[i]]))) };
}

/**
 * The folded years a filter needs opened: those where some item of the whole index passes it.
 * Years without a match stay folded (and hidden while the filter is on).
 */
export function yearsToOpen(index: readonly FacetValues[], criteria: Criteria, folded: ReadonlySet<string>): string[] {
  const needed = new Set<string>();
  const { shown } = applyFilter(index, criteria);
  index.forEach((values, i) => {
    if (!shown[i]) return;
    for (const year of values.year) if (folded.has(year)) needed.add(year);
  });
  return [...needed].sort().reverse();
}

/** A filter state that selects everything. */
export function emptyCriteria(): Criteria {
  return { theme: [], type: [], year: [], my: [], cn: [] };
}

function facetMatches(values: FacetValues, criteria: Criteria, facet: Facet): boolean {
  const wanted = criteria[facet];
  if (wanted.length === 0) return true;
  const have = values[facet];
  for (const v of wanted) if (have.includes(v)) return true;
  return false;
}

/** Whether an item passes every facet, optionally ignoring one (for that facet's own counts). */
export function matches(values: FacetValues, criteria: Criteria, ignore?: Facet): boolean {
  return FACETS.every((facet) => facet === ignore || facetMatches(values, criteria, facet));
}

/** The result of filtering: which items show, and the count beside every facet value. */
export interface FilterResult {
  /** For each item, in order, whether it passes every facet. */
  shown: boolean[];
  /** How many items pass. */
  total: number;
  /** For every facet value, how many items would show if it were the facet's only choice (see facetCounts). */
  counts: Record<Facet, Map<string, number>>;
}

/**
 * Filters items in one pass: each item's facets are tested once, as bits, and both whether it shows and
 * which counts it adds to follow from them. At 3,000 timeline rows this is what a click costs in script.
 */
export function applyFilter(items: readonly FacetValues[], criteria: Criteria): FilterResult {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<
    Facet,
    Map<string, number>
  >;
  const all = (1 << FACETS.length) - 1;
  const shown: boolean[] = [];
  let total = 0;
  // Plain loops: this runs over every timeline row on each click.
  for (const values of items) {
    let passed = 0;
    for (let bit = 0; bit < FACETS.length; bit++) {
      if (facetMatches(values, criteria, FACETS[bit] as Facet)) passed |= 1 << bit;
    }
    shown.push(passed === all);
    if (passed === all) total += 1;
    for (let bit = 0; bit < FACETS.length; bit++) {
      // An item counts towards a facet's values when it passes every other facet.
      if ((passed | (1 << bit)) !== all) continue;
      const facet = FACETS[bit] as Facet;
      const tally = counts[facet];
      for (const v of values[facet]) tally.set(v, (tally.get(v) ?? 0) + 1);
    }
  }
  return { shown, total, counts };
}

/**
 * For every facet value, how many items would show if it were the facet's only choice,
 * given the other facets' choices (the count a reader sees beside each checkbox).
 */
export function facetCounts(items: readonly FacetValues[], criteria: Criteria): Record<Facet, Map<string, number>> {
  return applyFilter(items, criteria).counts;
}

/** Reads a filter state from a query string, dropping values that are not in `known` and keeping the rest. */
export function parseCriteria(search: string, known: Record<Facet, ReadonlySet<string>>): Criteria {
  const params = new URLSearchParams(search);
  const criteria = emptyCriteria();
  for (const facet of FACETS) {
    criteria[facet] = [...new Set(params.getAll(facet))].filter((v) => known[facet].has(v));
  }
  return criteria;
}

/** Writes a filter state as a query string (with its leading "?"), or "" when nothing is chosen. */
export function serializeCriteria(criteria: Criteria): string {
  const params = new URLSearchParams();
  for (const facet of FACETS) for (const v of criteria[facet]) params.append(facet, v);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** A value a reader can choose in a facet, with its label. */
export interface FacetOption {
  value: string;
  label: string;
  /** How many items have this value: the count beside the box before any filter is chosen. */
  count: number;
}

/**
 * The choices each facet offers: every value some item has, labelled, in the given order
 * (values `order` does not know go last, alphabetically by label).
 */
export function facetOptions(
  items: readonly FacetValues[],
  label: (facet: Facet, value: string) => string,
  order: Partial<Record<Facet, readonly string[]>> = {},
): Record<Facet, FacetOption[]> {
  const options = {} as Record<Facet, FacetOption[]>;
  const counts = facetCounts(items, emptyCriteria());
  for (const facet of FACETS) {
    const values = [...new Set(items.flatMap((item) => item[facet]))];
    const rank = (v: string) => {
      const i = order[facet]?.indexOf(v) ?? -1;
      return i === -1 ? Number.MAX_SAFE_INTEGER : i;
    };
    options[facet] = values
      .map((value) => ({ value, label: label(facet, value), count: counts[facet].get(value) ?? 0 }))
      .sort((a, b) => rank(a.value) - rank(b.value) || a.label.localeCompare(b.label, 'en'));
  }
  return options;
}
