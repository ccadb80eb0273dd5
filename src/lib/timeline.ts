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

const byDateThenTitle = (a: Datable, b: Datable) =>
  compareDates(a.date, b.date) || a.title.localeCompare(b.title, 'en');

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
    groups.set(item.eventId, [...(groups.get(item.eventId) ?? []), item]);
  }
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, groups]) => ({
      year,
      count: [...groups.values()].reduce((n, g) => n + g.length, 0),
      groups: [...groups.entries()].map(([eventId, groupItems]) => ({ eventId, items: groupItems })),
    }));
}
