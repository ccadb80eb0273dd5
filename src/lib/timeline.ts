/** Groups agreements into the timeline's shape: years, then the events within each year. */
import { compareDates, yearOf, type PartialDate } from './dates';

/** What the grouping needs of an item. */
export interface Datable {
  id: string;
  date: PartialDate;
  /** Id of the event the item belongs to, if any. */
  eventId: string | undefined;
  title: string;
}

/** Items of one event (or of no event) within a year. */
export interface EventGroup<T> {
  eventId: string | undefined;
  items: T[];
}

/** One year of the timeline. */
export interface YearGroup<T> {
  year: number;
  groups: EventGroup<T>[];
  count: number;
}

/** What ordering by date needs of an item. */
type Dated = Pick<Datable, 'date' | 'title'>;

/** Oldest first; items of the same date by title, A to Z. */
export const byDateThenTitle = (a: Dated, b: Dated): number =>
  compareDates(a.date, b.date) || a.title.localeCompare(b.title, 'en');

/** A copy of the items newest first, as lists of agreements show them; items of the same date by title, A to Z. */
export function newestFirst<T extends Dated>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareDates(b.date, a.date) || a.title.localeCompare(b.title, 'en'));
}

/**
 * Years newest first; within a year, event groups in the order they happened, items oldest first.
 * Items of no event form their own group in each year, placed by their earliest date.
 */
export function groupTimeline<T extends Datable>(items: readonly T[]): YearGroup<T>[] {
  const years = new Map<number, Map<string | undefined, T[]>>();
  for (const item of [...items].sort(byDateThenTitle)) {
    const year = yearOf(item.date);
    const groups = years.get(year) ?? new Map<string | undefined, T[]>();
    years.set(year, groups);
    const group = groups.get(item.eventId);
    if (group) group.push(item);
    else groups.set(item.eventId, [item]);
  }
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, groups]) => ({
      year,
      count: [...groups.values()].reduce((n, g) => n + g.length, 0),
      groups: [...groups.entries()].map(([eventId, groupItems]) => ({ eventId, items: groupItems })),
    }));
}

/** The timeline split for a page that stays light at any size: years shown in full, and years folded. */
export interface TimelineWindow<T> {
  /** The newest years, shown item by item. */
  open: YearGroup<T>[];
  /** The older years, shown as a count and a link to their own page until a filter needs their items. */
  folded: YearGroup<T>[];
}

/**
 * Opens whole years, newest first, until at least `limit` items show (always at least one year);
 * folds the rest. A record smaller than the limit is shown whole.
 */
export function windowTimeline<T>(years: readonly YearGroup<T>[], limit: number): TimelineWindow<T> {
  let shown = 0;
  let cut = 0;
  while (cut < years.length && (cut === 0 || shown < limit)) {
    shown += years[cut]?.count ?? 0;
    cut += 1;
  }
  return { open: years.slice(0, cut), folded: years.slice(cut) };
}

/**
 * The newest `limit` items, for a page that must stay light however many there are: whole years,
 * newest first, while they fit, then the newest items (by date, as the timeline sorts them) of the
 * next year, in their timeline order; each year's `count` is what it shows. Unlike windowTimeline it
 * never shows more than `limit`.
 */
export function capTimeline<T extends Datable>(years: readonly YearGroup<T>[], limit: number): YearGroup<T>[] {
  const shown: YearGroup<T>[] = [];
  let room = Math.max(0, limit);
  for (const year of years) {
    if (room === 0) break;
    if (year.count <= room) {
      shown.push(year);
      room -= year.count;
      continue;
    }
    const items = year.groups.flatMap((g) => g.items);
    const newest = new Set([...items].sort(byDateThenTitle).slice(-room));
    const groups = year.groups
      .map(({ eventId, items: groupItems }) => ({ eventId, items: groupItems.filter((i) => newest.has(i)) }))
      .filter((g) => g.items.length > 0);
    shown.push({ year: year.year, groups, count: newest.size });
    room = 0;
  }
  return shown;
}
