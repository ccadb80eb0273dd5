import { describe, expect, it } from 'vitest';
import { hasFilters, pagefindOptions, parseState, stateToParams, withoutFacet } from '../../src/lib/search-state';

const params = (s: string) => new URLSearchParams(s);

describe('parseState', () => {
  it('reads the query, every facet (repeated values, blanks and duplicates dropped) and the order', () => {
    const state = parseState(params('q=+NDRC+&theme=AI&theme=&theme=AI&theme=Digital+economy&year=2025&sort=newest'));
    expect(state).toEqual({
      q: 'NDRC',
      filters: { theme: ['AI', 'Digital economy'], type: [], year: ['2025'], my: [], cn: [] },
      sort: 'newest',
    });
  });

  it('falls back to relevance for an unknown order and to an empty state for no parameters', () => {
    expect(parseState(params('sort=random')).sort).toBe('relevance');
    expect(parseState(params(''))).toEqual({
      q: '',
      filters: { theme: [], type: [], year: [], my: [], cn: [] },
      sort: 'relevance',
    });
  });
});

describe('parseState with aliases', () => {
  const aliases = { theme: { 'mobility-visas': 'Travel and visas' }, my: { kdn: 'KDN' } };

  it('reads a value given by its alias as the value, and leaves other values and facets alone', () => {
    const state = parseState(params('theme=mobility-visas&theme=AI&my=kdn&my=MITI&cn=kdn'), aliases);
    expect(state.filters).toEqual({
      theme: ['Travel and visas', 'AI'],
      type: [],
      year: [],
      my: ['KDN', 'MITI'],
      cn: ['kdn'],
    });
  });

  it('keeps one value where the alias and the value are both given', () => {
    expect(parseState(params('my=KDN&my=kdn'), aliases).filters.my).toEqual(['KDN']);
  });
});

describe('stateToParams', () => {
  it('round-trips through parseState, leaving out relevance and empty facets', () => {
    const text = 'q=single+window&theme=Trade+facilitation+and+standards&type=MoU&type=Protocol&cn=GACC&sort=oldest';
    expect(stateToParams(parseState(params(text))).toString()).toBe(text);
    expect(stateToParams(parseState(params('q=visa&sort=relevance'))).toString()).toBe('q=visa');
  });

  it('encodes Chinese and Malay values', () => {
    const state = parseState(
      params(`q=${encodeURIComponent('人工智能')}&my=${encodeURIComponent('Kementerian Digital')}`),
    );
    expect(parseState(stateToParams(state))).toEqual(state);
  });
});

describe('pagefindOptions', () => {
  it('makes values of one facet alternatives and keeps relevance unsorted for a query', () => {
    const state = parseState(params('q=MITI&type=MoU&type=Programme&year=2024'));
    expect(pagefindOptions(state)).toEqual({
      filters: { type: { any: ['MoU', 'Programme'] }, year: { any: ['2024'] } },
    });
    expect(hasFilters(state)).toBe(true);
  });

  it('browses agreements only, newest first, when the query is empty', () => {
    expect(pagefindOptions(parseState(params('')))).toEqual({ filters: { kind: 'agreement' }, sort: { date: 'desc' } });
    expect(pagefindOptions(parseState(params('sort=oldest&theme=AI')))).toEqual({
      filters: { theme: { any: ['AI'] }, kind: 'agreement' },
      sort: { date: 'asc' },
    });
    expect(hasFilters(parseState(params('sort=oldest')))).toBe(false);
  });

  it('sorts a query by date when asked', () => {
    expect(pagefindOptions(parseState(params('q=visa&sort=newest')))).toEqual({ filters: {}, sort: { date: 'desc' } });
  });
});

describe('withoutFacet', () => {
  it('drops one facet’s values and keeps the query, the order and the other facets', () => {
    const state = parseState(params('q=MITI&type=MoU&type=Protocol&year=2024&sort=oldest'));
    expect(stateToParams(withoutFacet(state, 'type')).toString()).toBe('q=MITI&year=2024&sort=oldest');
    expect(pagefindOptions(withoutFacet(state, 'year')).filters).toEqual({ type: { any: ['MoU', 'Protocol'] } });
    expect(state.filters.type).toEqual(['MoU', 'Protocol']);
  });
});
