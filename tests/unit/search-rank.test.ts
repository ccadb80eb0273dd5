import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kindOf, rankByKind, themesOf } from '../../src/lib/search-rank';

const r = (id: string) => ({ id });

describe('rankByKind', () => {
  it('puts agreements first and keeps Pagefind order inside each group', () => {
    const results = ['actor-miti', 'a1', 'theme-x', 'a2', 'event-y', 'a3'].map(r);
    expect(rankByKind(results, new Set(['a1', 'a2', 'a3'])).map((x) => x.id)).toEqual([
      'a1',
      'a2',
      'a3',
      'actor-miti',
      'theme-x',
      'event-y',
    ]);
  });

  it('leaves the order alone when there are no agreements or only agreements', () => {
    const results = ['x', 'y'].map(r);
    expect(rankByKind(results, new Set())).toEqual(results);
    expect(rankByKind(results, new Set(['x', 'y']))).toEqual(results);
  });

  it('is a stable partition: same items, agreements before others, relative order kept', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 50 })), fc.func(fc.boolean()), (ids, isAgreement) => {
        const results = ids.map((id) => r(String(id)));
        const agreements = new Set(results.filter((x) => isAgreement(x.id)).map((x) => x.id));
        const ranked = rankByKind(results, agreements);
        expect([...ranked].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          [...results].sort((a, b) => a.id.localeCompare(b.id)),
        );
        const firstOther = ranked.findIndex((x) => !agreements.has(x.id));
        if (firstOther >= 0) expect(ranked.slice(firstOther).every((x) => !agreements.has(x.id))).toBe(true);
        const inOrder = (xs: { id: string }[]) => xs.map((x) => results.indexOf(x));
        const groupA = ranked.filter((x) => agreements.has(x.id));
        expect(inOrder(groupA)).toEqual([...inOrder(groupA)].sort((a, b) => a - b));
      }),
    );
  });
});

describe('kindOf and themesOf', () => {
  it('recognises the four kinds of page and nothing else', () => {
    expect(kindOf('agreement')).toBe('agreement');
    expect(kindOf('actor')).toBe('actor');
    expect(kindOf('agreement, themes')).toBeUndefined();
    expect(kindOf(undefined)).toBeUndefined();
  });

  it('splits the themes metadata', () => {
    expect(themesOf('Artificial intelligence · Data governance and sovereignty')).toEqual([
      'Artificial intelligence',
      'Data governance and sovereignty',
    ]);
    expect(themesOf(undefined)).toEqual([]);
    expect(themesOf('')).toEqual([]);
  });
});
