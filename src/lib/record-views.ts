/**
 * Whole-record views: the pure logic behind /matrix/ (themes × events and themes × years),
 * /who-signs-with-whom/ (Malaysian body ↔ Chinese counterpart pairs) and /compare/ (two packages side by side).
 * Every function takes plain data (agreement cards or the parts of them it needs) and returns plain data.
 */
import { yearOf } from './dates';
import { byDateThenTitle } from './timeline';
import type { ActorLabel, AgreementCard } from './record';

/** The column key of documents tied to no event. Entry ids are never empty, so it cannot collide with one. */
export const NO_EVENT = '';

/** Counts of documents by a row value and a column value (e.g. theme × year). */
export interface CountMatrix {
  /** Row keys, in the order given. */
  rows: string[];
  /** Column keys, in the order given. */
  columns: string[];
  /** `counts[r][c]`: how many documents have row value `rows[r]` and column value `columns[c]`. */
  counts: number[][];
  /** Per row: how many documents have that row value (and some listed column value), each counted once. */
  rowTotals: number[];
  /** Per column: how many documents have that column value (and some listed row value), each counted once. */
  columnTotals: number[];
  /** The sum of every cell: a document with two row values is counted in both rows. */
  cellSum: number;
  /** How many documents are counted in at least one cell. */
  documents: number;
}

/**
 * Counts items into a grid of the given rows and columns. An item counts once in every cell whose row it has
 * among `rowsOf(item)` and whose column it has among `columnsOf(item)`; repeated values count once, and values
 * not among `rows` or `columns` are not counted.
 */
export function countMatrix<T>(
  items: readonly T[],
  rows: readonly string[],
  columns: readonly string[],
  rowsOf: (item: T) => readonly string[],
  columnsOf: (item: T) => readonly string[],
): CountMatrix {
  const rowIndex = new Map(rows.map((key, i) => [key, i]));
  const columnIndex = new Map(columns.map((key, i) => [key, i]));
  const counts = rows.map(() => columns.map(() => 0));
  const rowTotals = rows.map(() => 0);
  const columnTotals = columns.map(() => 0);
  let cellSum = 0;
  let documents = 0;
  for (const item of items) {
    const r = [...new Set(rowsOf(item))].flatMap((key) => rowIndex.get(key) ?? []);
    const c = [...new Set(columnsOf(item))].flatMap((key) => columnIndex.get(key) ?? []);
    if (r.length === 0 || c.length === 0) continue;
    documents += 1;
    for (const ri of r) rowTotals[ri] = (rowTotals[ri] ?? 0) + 1;
    for (const ci of c) columnTotals[ci] = (columnTotals[ci] ?? 0) + 1;
    for (const ri of r) {
      const row = counts[ri];
      if (!row) continue;
      for (const ci of c) {
        row[ci] = (row[ci] ?? 0) + 1;
        cellSum += 1;
      }
    }
  }
  return { rows: [...rows], columns: [...columns], counts, rowTotals, columnTotals, cellSum, documents };
}

/** What the matrices need of an agreement. */
export type MatrixCard = Pick<AgreementCard, 'themes' | 'date' | 'eventId'>;

const themeIds = (card: MatrixCard) => card.themes.map((theme) => theme.id);

/** Themes (rows, in the order given) by calendar year (columns, oldest first, only years that have documents). */
export function themesByYear(cards: readonly MatrixCard[], themes: readonly string[]): CountMatrix {
  const years = [...new Set(cards.map((card) => yearOf(card.date)))].sort((a, b) => a - b).map(String);
  return countMatrix(cards, themes, years, themeIds, (card) => [String(yearOf(card.date))]);
}

/**
 * Themes (rows, in the order given) by event (columns, in the order given, events without documents included),
 * with a last column keyed `NO_EVENT` when some document is tied to no event.
 */
export function themesByEvent(
  cards: readonly MatrixCard[],
  themes: readonly string[],
  events: readonly string[],
): CountMatrix {
  const columns = cards.some((card) => card.eventId === undefined) ? [...events, NO_EVENT] : [...events];
  return countMatrix(cards, themes, columns, themeIds, (card) => [card.eventId ?? NO_EVENT]);
}

/** What the pairing needs of an agreement. */
export type PairCard = Pick<AgreementCard, 'id' | 'title' | 'date' | 'malaysian' | 'chinese'>;

/** A Malaysian party and a Chinese party, with the documents both are party to. */
export interface PartyPair<T extends PairCard> {
  malaysian: ActorLabel;
  chinese: ActorLabel;
  /** Oldest first, then by title. */
  documents: T[];
}

/** Every pair of parties, and the documents that name no Chinese counterpart. */
export interface Pairs<T extends PairCard> {
  /** Most documents first; ties by the Malaysian party's name, then the Chinese party's name. */
  pairs: PartyPair<T>[];
  /** Documents whose Chinese counterpart the sources do not state, oldest first. */
  unstated: T[];
}

/**
 * Pairs every Malaysian party of a document with every Chinese party of it: a document with two Malaysian
 * parties and one counterpart belongs to two pairs. Documents with no Chinese party are listed apart.
 */
export function partyPairs<T extends PairCard>(cards: readonly T[]): Pairs<T> {
  const pairs = new Map<string, PartyPair<T>>();
  const unstated: T[] = [];
  for (const card of cards) {
    if (card.chinese.length === 0) {
      unstated.push(card);
      continue;
    }
    for (const malaysian of card.malaysian) {
      for (const chinese of card.chinese) {
        const key = JSON.stringify([malaysian.id, chinese.id]);
        const pair = pairs.get(key) ?? { malaysian, chinese, documents: [] };
        if (!pair.documents.includes(card)) pair.documents.push(card);
        pairs.set(key, pair);
      }
    }
  }
  const sorted = [...pairs.values()].sort(
    (a, b) =>
      b.documents.length - a.documents.length ||
      a.malaysian.name.localeCompare(b.malaysian.name, 'en') ||
      a.chinese.name.localeCompare(b.chinese.name, 'en'),
  );
  for (const pair of sorted) pair.documents.sort(byDateThenTitle);
  return { pairs: sorted, unstated: unstated.sort(byDateThenTitle) };
}

/**
 * Documents that name a Chinese counterpart, but only among `generic` (for example the Chinese government
 * rather than a ministry or agency), oldest first.
 */
export function counterpartOnly<T extends PairCard>(cards: readonly T[], generic: ReadonlySet<string>): T[] {
  return cards
    .filter((card) => card.chinese.length > 0 && card.chinese.every((party) => generic.has(party.id)))
    .sort(byDateThenTitle);
}

/** How many documents of each of two sets have a value (a theme, a type, a party). */
export interface ComparisonRow {
  key: string;
  left: number;
  right: number;
}

/**
 * Counts, for every value found on either side, the documents of each side that have it. Rows follow `order`;
 * values not in `order` come after, alphabetically. Values on neither side get no row.
 */
export function compareCounts<T>(
  left: readonly T[],
  right: readonly T[],
  keysOf: (item: T) => readonly string[],
  order: readonly string[] = [],
): ComparisonRow[] {
  const rows = new Map<string, ComparisonRow>();
  const count = (items: readonly T[], side: 'left' | 'right') => {
    for (const item of items) {
      for (const key of new Set(keysOf(item))) {
        const row = rows.get(key) ?? { key, left: 0, right: 0 };
        row[side] += 1;
        rows.set(key, row);
      }
    }
  };
  count(left, 'left');
  count(right, 'right');
  const position = (key: string) => {
    const i = order.indexOf(key);
    return i === -1 ? order.length : i;
  };
  return [...rows.values()].sort((a, b) => position(a.key) - position(b.key) || a.key.localeCompare(b.key, 'en'));
}

/** Which values of a comparison appear on one side only, and which on both, each in row order. */
export interface Overlap {
  onlyLeft: string[];
  onlyRight: string[];
  both: string[];
}

/** Splits comparison rows by the side(s) their value appears on. */
export function overlap(rows: readonly ComparisonRow[]): Overlap {
  return {
    onlyLeft: rows.filter((r) => r.left > 0 && r.right === 0).map((r) => r.key),
    onlyRight: rows.filter((r) => r.left === 0 && r.right > 0).map((r) => r.key),
    both: rows.filter((r) => r.left > 0 && r.right > 0).map((r) => r.key),
  };
}

/** How many distinct values one side of a comparison has, optionally only among those `include` accepts. */
export function covered(
  rows: readonly ComparisonRow[],
  side: 'left' | 'right',
  include: (key: string) => boolean = () => true,
): number {
  return rows.filter((r) => r[side] > 0 && include(r.key)).length;
}

/** What the comparison of two events needs of an agreement. */
export type ComparedCard = Pick<AgreementCard, 'eventId' | 'type' | 'themes' | 'malaysian'>;

/** Two events' documents side by side: by theme, by document type and by Malaysian party. */
export interface EventComparison<T extends ComparedCard> {
  left: T[];
  right: T[];
  themes: ComparisonRow[];
  types: ComparisonRow[];
  malaysian: ComparisonRow[];
}

/** Compares the documents of two events; each list of rows follows its `order` (themes, types, parties). */
export function compareEvents<T extends ComparedCard>(
  cards: readonly T[],
  leftEvent: string,
  rightEvent: string,
  order: { themes?: readonly string[]; types?: readonly string[]; malaysian?: readonly string[] } = {},
): EventComparison<T> {
  const left = cards.filter((card) => card.eventId === leftEvent);
  const right = cards.filter((card) => card.eventId === rightEvent);
  return {
    left,
    right,
    themes: compareCounts(left, right, (card) => card.themes.map((theme) => theme.id), order.themes),
    types: compareCounts(left, right, (card) => [card.type], order.types),
    malaysian: compareCounts(left, right, (card) => card.malaysian.map((party) => party.id), order.malaysian),
  };
}
