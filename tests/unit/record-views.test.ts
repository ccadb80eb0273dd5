/** The whole-record views, on small hand-made records whose expected counts are worked out by hand. */
import { describe, expect, it } from 'vitest';
import type { Precision } from '../../src/lib/dates';
import type { ActorLabel } from '../../src/lib/record';
import {
  compareCounts,
  compareEvents,
  countMatrix,
  counterpartOnly,
  covered,
  NO_EVENT,
  overlap,
  partyPairs,
  themesByEvent,
  themesByYear,
  type ComparedCard,
  type MatrixCard,
  type PairCard,
} from '../../src/lib/record-views';

const date = (value: string, precision: Precision) => ({ value, precision });
const theme = (id: string) => ({ id, title: id.toUpperCase() });

describe('themesByYear and themesByEvent', () => {
  // a: themes x, y in June 2024 at e1; b: theme y, only "2024", at no event; c: theme x in April 2025 at e2.
  const a: MatrixCard = { themes: [theme('x'), theme('y')], date: date('2024-06-19', 'day'), eventId: 'e1' };
  const b: MatrixCard = { themes: [theme('y')], date: date('2024', 'year'), eventId: undefined };
  const c: MatrixCard = { themes: [theme('x')], date: date('2025-04-16', 'day'), eventId: 'e2' };

  it('counts theme × year, with years oldest first', () => {
    const m = themesByYear([c, b, a], ['x', 'y']);
    expect(m.columns).toEqual(['2024', '2025']);
    expect(m.counts).toEqual([
      [1, 1], // x: a in 2024, c in 2025
      [2, 0], // y: a and b in 2024
    ]);
    expect(m.rowTotals).toEqual([2, 2]);
    expect(m.columnTotals).toEqual([2, 1]); // 2024: a and b once each; 2025: c
    expect(m.cellSum).toBe(4); // (a, x), (a, y), (b, y), (c, x)
    expect(m.documents).toBe(3);
  });

  it('counts theme × event, keeping events without documents and adding a no-event column when needed', () => {
    const m = themesByEvent([a, b, c], ['x', 'y'], ['e1', 'e2', 'e3']);
    expect(m.columns).toEqual(['e1', 'e2', 'e3', NO_EVENT]);
    expect(m.counts).toEqual([
      [1, 1, 0, 0],
      [1, 0, 0, 1],
    ]);
    expect(m.columnTotals).toEqual([1, 1, 0, 1]);
  });

  it('adds no no-event column when every document has an event', () => {
    expect(themesByEvent([a, c], ['x', 'y'], ['e1', 'e2']).columns).toEqual(['e1', 'e2']);
  });

  it('keeps rows in the order given, including themes with no document', () => {
    const m = themesByYear([a], ['y', 'unused', 'x']);
    expect(m.rows).toEqual(['y', 'unused', 'x']);
    expect(m.counts).toEqual([[1], [0], [1]]);
  });
});

describe('countMatrix', () => {
  const items = [
    { r: ['p', 'p'], c: ['one'] }, // a repeated value counts once
    { r: ['p', 'unknown'], c: ['one', 'two'] }, // counted under p in both columns; "unknown" is not a row
    { r: ['unknown'], c: ['one'] }, // no listed row: not counted at all
  ];
  const m = countMatrix(
    items,
    ['p', 'q'],
    ['one', 'two'],
    (i) => i.r,
    (i) => i.c,
  );

  it('counts each item once per cell and ignores values that are not rows or columns', () => {
    expect(m.counts).toEqual([
      [2, 1],
      [0, 0],
    ]);
    expect(m.cellSum).toBe(3);
    expect(m.documents).toBe(2);
    expect(m.rowTotals).toEqual([2, 0]);
    expect(m.columnTotals).toEqual([2, 1]);
  });

  it('gives an empty grid for no items', () => {
    const empty = countMatrix(
      [],
      ['p'],
      ['one'],
      () => [],
      () => [],
    );
    expect(empty.counts).toEqual([[0]]);
    expect(empty.cellSum).toBe(0);
  });
});

describe('partyPairs', () => {
  const label = (id: string, name: string): ActorLabel => ({ id, name, abbreviation: undefined });
  const m1 = label('m1', 'Ministry A');
  const m2 = label('m2', 'Ministry B');
  const c1 = label('c1', 'China One');
  const c2 = label('c2', 'China Two');
  const card = (id: string, title: string, d: ReturnType<typeof date>, my: ActorLabel[], cn: ActorLabel[]) =>
    ({ id, title, date: d, malaysian: my, chinese: cn }) satisfies PairCard;
  const alpha = card('alpha', 'Alpha', date('2024-06-19', 'day'), [m1], [c1]);
  const aardvark = card('aardvark', 'Aardvark', date('2024-06-19', 'day'), [m1], [c1]);
  const beta = card('beta', 'Beta', date('2024', 'year'), [m1, m2], [c1]);
  const gamma = card('gamma', 'Gamma', date('2025-04-16', 'day'), [m2], []);
  const echo = card('echo', 'Echo', date('2024-06-19', 'day'), [m2], [c2]);
  const { pairs, unstated } = partyPairs([beta, gamma, alpha, echo, aardvark]);

  it('pairs every Malaysian party with every counterpart, most documents first, then by name', () => {
    expect(pairs.map((p) => [p.malaysian.id, p.chinese.id, p.documents.length])).toEqual([
      ['m1', 'c1', 3],
      ['m2', 'c1', 1], // ties with m2–c2: same Malaysian name, and "China One" sorts before "China Two"
      ['m2', 'c2', 1],
    ]);
  });

  it('lists a pair’s documents oldest first, then by title; a year-only date after the days of that year', () => {
    expect(pairs[0]?.documents.map((d) => d.id)).toEqual(['aardvark', 'alpha', 'beta']);
  });

  it('lists documents with no stated counterpart apart, and in no pair', () => {
    expect(unstated.map((d) => d.id)).toEqual(['gamma']);
    expect(pairs.flatMap((p) => p.documents).map((d) => d.id)).not.toContain('gamma');
  });

  it('finds documents whose only counterparts are generic ones', () => {
    const both = card('both', 'Both', date('2024', 'year'), [m1], [c1, c2]);
    expect(counterpartOnly([alpha, echo, gamma, both], new Set(['c2'])).map((d) => d.id)).toEqual(['echo']);
  });
});

describe('compareCounts, overlap and covered', () => {
  const left = [{ k: ['a', 'b'] }, { k: ['b'] }];
  const right = [{ k: ['c', 'b', 'b'] }];
  const rows = compareCounts(left, right, (i) => i.k, ['c', 'b']);

  it('counts each side’s documents per value, in the given order, unlisted values last', () => {
    expect(rows).toEqual([
      { key: 'c', left: 0, right: 1 },
      { key: 'b', left: 2, right: 1 },
      { key: 'a', left: 1, right: 0 },
    ]);
  });

  it('says which values are on one side only and which on both', () => {
    expect(overlap(rows)).toEqual({ onlyLeft: ['a'], onlyRight: ['c'], both: ['b'] });
  });

  it('counts the values each side covers, optionally only some', () => {
    expect(covered(rows, 'left')).toBe(2);
    expect(covered(rows, 'right')).toBe(2);
    expect(covered(rows, 'right', (key) => key !== 'b')).toBe(1);
  });
});

describe('compareEvents', () => {
  const my = (id: string): ActorLabel => ({ id, name: id, abbreviation: undefined });
  const cards: ComparedCard[] = [
    { eventId: 'june', type: 'mou', themes: [theme('trade')], malaysian: [my('miti')] },
    { eventId: 'june', type: 'protocol', themes: [theme('food'), theme('trade')], malaysian: [my('kpkm')] },
    { eventId: 'april', type: 'mou', themes: [theme('ai')], malaysian: [my('miti'), my('digital')] },
    { eventId: undefined, type: 'agreement', themes: [theme('visas')], malaysian: [my('kdn')] },
  ];
  const result = compareEvents(cards, 'june', 'april', { types: ['protocol', 'mou'] });

  it('takes each event’s documents and no others', () => {
    expect(result.left).toHaveLength(2);
    expect(result.right).toHaveLength(1);
  });

  it('compares themes, types and Malaysian parties', () => {
    expect(result.types).toEqual([
      { key: 'protocol', left: 1, right: 0 },
      { key: 'mou', left: 1, right: 1 },
    ]);
    expect(overlap(result.themes)).toEqual({ onlyLeft: ['food', 'trade'], onlyRight: ['ai'], both: [] });
    expect(result.malaysian).toEqual([
      { key: 'digital', left: 0, right: 1 },
      { key: 'kpkm', left: 1, right: 0 },
      { key: 'miti', left: 1, right: 1 },
    ]);
  });
});
