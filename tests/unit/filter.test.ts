import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyFilter,
  emptyCriteria,
  facetAttributes,
  facetCounts,
  facetOptions,
  facetRow,
  facetValuesFrom,
  FACETS,
  fromFacetRow,
  matches,
  parseCriteria,
  serializeCriteria,
  yearsToOpen,
  type Facet,
  type FacetValues,
} from '../../src/lib/filter';

const items: (FacetValues & { id: string })[] = [
  { id: 'ai', theme: ['artificial-intelligence'], type: ['mou'], year: ['2025'], my: ['digital'], cn: ['ndrc'] },
  { id: 'de', theme: ['digital-economy'], type: ['mou'], year: ['2025'], my: ['digital'], cn: ['ndrc'] },
  {
    id: 'loi',
    theme: ['digital-economy', 'artificial-intelligence'],
    type: ['letter-of-intent'],
    year: ['2025'],
    my: ['mdec'],
    cn: ['zju'],
  },
  { id: 'sw', theme: ['trade-facilitation'], type: ['joint-statement'], year: ['2024'], my: ['mof'], cn: ['gacc'] },
];
const ids = (criteria: ReturnType<typeof emptyCriteria>) => items.filter((i) => matches(i, criteria)).map((i) => i.id);

describe('matches', () => {
  it('shows everything when nothing is chosen', () => {
    expect(ids(emptyCriteria())).toEqual(['ai', 'de', 'loi', 'sw']);
  });
  it('matches any chosen value within a facet', () => {
    expect(ids({ ...emptyCriteria(), type: ['letter-of-intent', 'joint-statement'] })).toEqual(['loi', 'sw']);
  });
  it('requires every facet that has a choice', () => {
    expect(ids({ ...emptyCriteria(), theme: ['artificial-intelligence'], type: ['mou'] })).toEqual(['ai']);
    expect(ids({ ...emptyCriteria(), year: ['2024'], my: ['digital'] })).toEqual([]);
  });
});

describe('facetCounts', () => {
  it('counts each value as if it were its facet’s only choice, under the other facets’ choices', () => {
    const counts = facetCounts(items, { ...emptyCriteria(), type: ['mou'] });
    expect(counts.theme.get('digital-economy')).toBe(1);
    expect(counts.theme.get('artificial-intelligence')).toBe(1);
    expect(counts.theme.has('trade-facilitation')).toBe(false);
    // The type facet ignores its own choice, so the other types keep their counts.
    expect(counts.type.get('joint-statement')).toBe(1);
    expect(counts.type.get('mou')).toBe(2);
  });
});

describe('applyFilter', () => {
  // Small value pools, so that generated items and choices overlap often.
  const pool = {
    theme: ['a', 'b', 'c'],
    type: ['mou', 'agreement'],
    year: ['2024', '2025'],
    my: ['x', 'y'],
    cn: ['p', 'q'],
  };
  const facetValues = fc.record(
    Object.fromEntries(FACETS.map((f) => [f, fc.subarray(pool[f])])) as Record<Facet, fc.Arbitrary<string[]>>,
  );

  it('shows exactly the items that pass every facet, and counts as facetCounts defines', () => {
    fc.assert(
      fc.property(fc.array(facetValues, { maxLength: 30 }), facetValues, (generated, criteria) => {
        const result = applyFilter(generated, criteria);
        expect(result.shown).toEqual(generated.map((v) => matches(v, criteria)));
        expect(result.total).toBe(generated.filter((v) => matches(v, criteria)).length);
        for (const facet of FACETS) {
          for (const value of pool[facet]) {
            // The count beside a box: items with that value that pass every other facet.
            const expected = generated.filter((v) => v[facet].includes(value) && matches(v, criteria, facet)).length;
            expect(result.counts[facet].get(value) ?? 0).toBe(expected);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('the facet index', () => {
  it('reads every item back from its row, with its id and values', () => {
    for (const { id, ...values } of items) expect(fromFacetRow(facetRow(id, values))).toEqual({ id, values });
  });
  it('opens the folded years that hold a match, newest first, and no others', () => {
    const folded = new Set(['2024', '2025']);
    expect(yearsToOpen(items, { ...emptyCriteria(), theme: ['digital-economy'] }, folded)).toEqual(['2025']);
    expect(yearsToOpen(items, { ...emptyCriteria(), my: ['mof', 'mdec'] }, folded)).toEqual(['2025', '2024']);
    expect(yearsToOpen(items, { ...emptyCriteria(), my: ['mof'] }, new Set(['2025']))).toEqual([]);
  });
});

describe('URL state', () => {
  const known = Object.fromEntries(FACETS.map((f) => [f, new Set(items.flatMap((i) => i[f]))])) as Record<
    Facet,
    Set<string>
  >;

  it('round-trips a state with several values per facet', () => {
    const state = {
      ...emptyCriteria(),
      theme: ['digital-economy', 'artificial-intelligence'],
      year: ['2025'],
      cn: ['ndrc'],
    };
    const query = serializeCriteria(state);
    expect(query).toBe('?theme=digital-economy&theme=artificial-intelligence&year=2025&cn=ndrc');
    expect(parseCriteria(query, known)).toEqual(state);
  });
  it('ignores unknown names and values but keeps the rest of the view', () => {
    const parsed = parseCriteria('?theme=nonsense&theme=digital-economy&colour=red&year=1999&type=mou', known);
    expect(parsed).toEqual({ ...emptyCriteria(), theme: ['digital-economy'], type: ['mou'] });
  });
  it('writes nothing for an empty state', () => {
    expect(serializeCriteria(emptyCriteria())).toBe('');
  });
});

describe('facetOptions', () => {
  const label = (facet: Facet, value: string) => `${facet}:${value.toUpperCase()}`;

  it('offers each value once, labelled, in the given order and then alphabetically', () => {
    const options = facetOptions(items, label, { year: ['2025', '2024'], type: ['joint-statement'] });
    expect(options.year.map((o) => o.value)).toEqual(['2025', '2024']);
    expect(options.type.map((o) => o.value)).toEqual(['joint-statement', 'letter-of-intent', 'mou']);
    expect(options.cn).toEqual([
      { value: 'gacc', label: 'cn:GACC', count: 1 },
      { value: 'ndrc', label: 'cn:NDRC', count: 2 },
      { value: 'zju', label: 'cn:ZJU', count: 1 },
    ]);
  });

  it('counts an item once under each of its values', () => {
    const options = facetOptions(items, label);
    expect(options.theme.map((o) => [o.value, o.count])).toEqual([
      ['artificial-intelligence', 2],
      ['digital-economy', 2],
      ['trade-facilitation', 1],
    ]);
  });
});

describe('facetValuesFrom', () => {
  it('reads space-separated values per facet and treats a missing attribute as no values', () => {
    expect(
      facetValuesFrom({ theme: 'digital-economy artificial-intelligence', type: 'mou', year: '2025', my: 'mdec' }),
    ).toEqual({
      theme: ['digital-economy', 'artificial-intelligence'],
      type: ['mou'],
      year: ['2025'],
      my: ['mdec'],
      cn: [],
    });
  });
});

describe('facetAttributes', () => {
  it('writes data-* attributes that facetValuesFrom reads back unchanged', () => {
    const values = { theme: ['ai', 'digital-economy'], type: ['mou'], year: ['2025'], my: ['miti'], cn: [] };
    const attributes = facetAttributes(values);
    expect(attributes['data-theme']).toBe('ai digital-economy');
    const dataset = Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k.slice('data-'.length), v]));
    expect(facetValuesFrom(dataset)).toEqual(values);
  });
});
