import { describe, expect, it } from 'vitest';
import type { Precision } from '../../src/lib/dates';
import {
  capTimeline,
  groupTimeline,
  newestFirst,
  windowTimeline,
  type Datable,
  type YearGroup,
} from '../../src/lib/timeline';

const item = (id: string, value: string, precision: Precision, eventId?: string): Datable => ({
  id,
  title: id,
  date: { value, precision },
  eventId,
});

describe('groupTimeline', () => {
  const items = [
    item('ai-mou', '2025-04-16', 'day', 'xi-visit'),
    item('durian', '2024-06-19', 'day', 'li-visit'),
    item('expo-note', '2025', 'year'),
    item('digital-mou', '2025-04-16', 'day', 'xi-visit'),
    item('joint-statement', '2024-06-20', 'day', 'li-visit'),
    item('crime', '2024-06', 'month'),
  ];
  const years = groupTimeline(items);

  it('puts the newest year first and counts each year', () => {
    expect(years.map((y) => [y.year, y.count])).toEqual([
      [2025, 3],
      [2024, 3],
    ]);
  });

  it('groups a year by event, in the order the events happened, with undated-to-event items apart', () => {
    expect(years[0]?.groups.map((g) => g.eventId)).toEqual(['xi-visit', undefined]);
    expect(years[1]?.groups.map((g) => g.eventId)).toEqual(['li-visit', undefined]);
  });

  it('orders items oldest first within a group, then by title', () => {
    expect(years[0]?.groups[0]?.items.map((i) => i.id)).toEqual(['ai-mou', 'digital-mou']);
    expect(years[1]?.groups[0]?.items.map((i) => i.id)).toEqual(['durian', 'joint-statement']);
  });

  it('keeps every item exactly once', () => {
    const ids = years.flatMap((y) => y.groups.flatMap((g) => g.items.map((i) => i.id)));
    expect(ids.sort()).toEqual(items.map((i) => i.id).sort());
  });
});

describe('windowTimeline', () => {
  const year = (y: number, count: number): YearGroup<string> => ({ year: y, count, groups: [] });
  const record = [year(2025, 60), year(2024, 50), year(2023, 40), year(2022, 1)];
  const years = (groups: YearGroup<string>[]) => groups.map((g) => g.year);

  it('opens whole years, newest first, until the limit is reached, and folds the rest', () => {
    const { open, folded } = windowTimeline(record, 100);
    expect(years(open)).toEqual([2025, 2024]);
    expect(years(folded)).toEqual([2023, 2022]);
  });
  it('opens the newest year even when it alone is over the limit', () => {
    expect(years(windowTimeline(record, 10).open)).toEqual([2025]);
  });
  it('folds nothing when the record is smaller than the limit', () => {
    const { open, folded } = windowTimeline(record, 1000);
    expect(years(open)).toEqual([2025, 2024, 2023, 2022]);
    expect(folded).toEqual([]);
  });
  it('stops as soon as the limit is reached exactly', () => {
    expect(years(windowTimeline(record, 110).open)).toEqual([2025, 2024]);
  });
});

describe('capTimeline', () => {
  // 2025: an event in April and a loose item in November; 2024: an event in June and a loose month;
  // 2023: one item. In timeline order: e25a e25b loose25 | loose24 e24a e24b | old.
  const years = groupTimeline([
    item('e25a', '2025-04-16', 'day', 'visit-25'),
    item('e25b', '2025-04-17', 'day', 'visit-25'),
    item('loose25', '2025-11-02', 'day'),
    item('e24a', '2024-06-19', 'day', 'visit-24'),
    item('e24b', '2024-06-20', 'day', 'visit-24'),
    item('loose24', '2024-03', 'month'),
    item('old', '2023', 'year'),
  ]);
  const ids = (shown: YearGroup<Datable>[]) => shown.flatMap((y) => y.groups.flatMap((g) => g.items.map((i) => i.id)));
  /** How many of the record's seven items a capped timeline leaves out, by the counts it shows. */
  const leftOut = (shown: YearGroup<Datable>[]) => 7 - shown.reduce((n, y) => n + y.count, 0);

  it('shows whole years, newest first, while they fit, and counts the rest as left out', () => {
    const shown = capTimeline(years, 6);
    expect(ids(shown)).toEqual(['e25a', 'e25b', 'loose25', 'loose24', 'e24a', 'e24b']);
    expect(shown.map((y) => [y.year, y.count])).toEqual([
      [2025, 3],
      [2024, 3],
    ]);
    expect(leftOut(shown)).toBe(1);
  });

  it('cuts the next year to its newest items by date, kept in timeline order, never more than the limit', () => {
    const shown = capTimeline(years, 5);
    // 2024's newest two are the June items (the March one is older), in their event's order.
    expect(ids(shown)).toEqual(['e25a', 'e25b', 'loose25', 'e24a', 'e24b']);
    expect(shown[1]?.groups.map((g) => g.eventId)).toEqual(['visit-24']);
    expect(shown[1]?.count).toBe(2);
    expect(leftOut(shown)).toBe(2);
  });

  it('cuts even the newest year when it alone is over the limit, keeping its newest', () => {
    const shown = capTimeline(years, 1);
    expect(ids(shown)).toEqual(['loose25']);
    expect(shown.map((y) => y.year)).toEqual([2025]);
    expect(leftOut(shown)).toBe(6);
  });

  it('shows everything, leaving nothing out, when the record is within the limit', () => {
    const shown = capTimeline(years, 7);
    expect(shown).toEqual(years);
    expect(leftOut(shown)).toBe(0);
    expect(leftOut(capTimeline(years, 100))).toBe(0);
  });

  it('shows nothing for a limit of zero, and nothing of an empty record', () => {
    expect(capTimeline(years, 0)).toEqual([]);
    expect(leftOut(capTimeline(years, 0))).toBe(7);
    expect(capTimeline([], 50)).toEqual([]);
  });
});

describe('newestFirst', () => {
  const items = [
    item('durian', '2024-06-19', 'day'),
    item('digital-mou', '2025-04-16', 'day'),
    item('crime', '2024-06', 'month'),
    item('ai-mou', '2025-04-16', 'day'),
    item('expo-note', '2025', 'year'),
    item('joint-statement', '2024-06-20', 'day'),
  ];

  it('puts the latest date first, a year or month before the days it may contain, and a tie by title', () => {
    expect(newestFirst(items).map((i) => i.id)).toEqual([
      'expo-note',
      'ai-mou',
      'digital-mou',
      'crime',
      'joint-statement',
      'durian',
    ]);
  });

  it('leaves the list it was given as it was', () => {
    const before = items.map((i) => i.id);
    newestFirst(items);
    expect(items.map((i) => i.id)).toEqual(before);
  });
});
