import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarProblem,
  compareDates,
  formatDate,
  formatDateRange,
  mayFallWithin,
  precisionOf,
  type PartialDate,
} from '../../src/lib/dates';

const day = (value: string): PartialDate => ({ value, precision: 'day' });
const month = (value: string): PartialDate => ({ value, precision: 'month' });
const year = (value: string): PartialDate => ({ value, precision: 'year' });

describe('formatDate shows a date at exactly its precision', () => {
  it('shows a day as day, month and year', () => {
    expect(formatDate(day('2024-06-19'))).toBe('19 June 2024');
    expect(formatDate(day('2025-04-01'))).toBe('1 April 2025');
  });
  it('never turns "June 2024" into "1 June 2024"', () => {
    expect(formatDate(month('2024-06'))).toBe('June 2024');
  });
  it('shows a bare year as the year', () => {
    expect(formatDate(year('2025'))).toBe('2025');
  });
});

describe('formatDateRange', () => {
  it('shortens a span within one month', () => {
    expect(formatDateRange(day('2024-06-18'), day('2024-06-20'))).toBe('18–20 June 2024');
  });
  it('keeps both months of a span across months', () => {
    expect(formatDateRange(day('2025-04-29'), day('2025-05-02'))).toBe('29 April – 2 May 2025');
  });
  it('keeps both years of a span across years', () => {
    expect(formatDateRange(day('2024-12-30'), day('2025-01-02'))).toBe('30 December 2024 – 2 January 2025');
  });
  it('shows a single date when there is no end or the end is the start', () => {
    expect(formatDateRange(day('2025-04-16'))).toBe('16 April 2025');
    expect(formatDateRange(year('2025'), year('2025'))).toBe('2025');
  });
});

describe('calendar checks', () => {
  it('rejects days that do not exist', () => {
    expect(calendarProblem('2024-02-30')).toMatch(/not a calendar date/);
    expect(calendarProblem('2023-02-29')).toMatch(/not a calendar date/);
    expect(calendarProblem('2024-13')).toMatch(/month 13/);
    expect(calendarProblem('19 June 2024')).toMatch(/YYYY/);
  });
  it('accepts leap days and partial dates', () => {
    expect(calendarProblem('2024-02-29')).toBeUndefined();
    expect(calendarProblem('2024-06')).toBeUndefined();
    expect(calendarProblem('2024')).toBeUndefined();
  });
  it('reads the precision a date is written at', () => {
    expect(precisionOf('2024-06-19')).toBe('day');
    expect(precisionOf('2024-06')).toBe('month');
    expect(precisionOf('2024')).toBe('year');
    expect(precisionOf('2024-6-1')).toBeUndefined();
  });
});

describe('ordering and containment', () => {
  it('orders by date, with a vaguer date after the precise dates it may contain', () => {
    const sorted = [year('2024'), day('2024-06-19'), month('2024-06'), day('2024-01-05')].sort(compareDates);
    expect(sorted.map((d) => d.value)).toEqual(['2024-01-05', '2024-06-19', '2024-06', '2024']);
  });
  it('puts a month after its last day and before the next month’s first, leap years included', () => {
    const sorted = [day('2024-03-01'), month('2024-02'), day('2024-02-29'), day('2023-02-28'), month('2023-02')];
    expect(sorted.sort(compareDates).map((d) => d.value)).toEqual([
      '2023-02-28',
      '2023-02',
      '2024-02-29',
      '2024-02',
      '2024-03-01',
    ]);
  });
  it('orders any dates by the last day each may stand for, then day before month before year', () => {
    const date = fc
      .record({
        y: fc.integer({ min: 1990, max: 2030 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
        precision: fc.constantFrom('day', 'month', 'year'),
      })
      .map(({ y, m, d, precision }): PartialDate => {
        const mm = String(m).padStart(2, '0');
        const value =
          precision === 'year'
            ? `${y}`
            : precision === 'month'
              ? `${y}-${mm}`
              : `${y}-${mm}-${String(d).padStart(2, '0')}`;
        return { value, precision };
      });
    // The last day as a number of milliseconds: day 0 of the next month is the last of this one.
    const lastDay = ({ value, precision }: PartialDate) => {
      const [y = 0, m = 12, d] = value.split('-').map(Number);
      return precision === 'day' ? Date.UTC(y, m - 1, d) : Date.UTC(y, precision === 'year' ? 12 : m, 0);
    };
    const rank = { day: 0, month: 1, year: 2 };
    fc.assert(
      fc.property(date, date, (a, b) => {
        const expected = Math.sign(lastDay(a) - lastDay(b) || rank[a.precision] - rank[b.precision]);
        expect(Math.sign(compareDates(a, b))).toBe(expected);
        // The other way round, the opposite (0 - expected, not -expected: toBe tells -0 from 0); asked again, the same.
        expect(Math.sign(compareDates(b, a))).toBe(0 - expected);
        expect(Math.sign(compareDates(a, b))).toBe(expected);
      }),
    );
  });
  it('knows whether a date may fall within a span', () => {
    expect(mayFallWithin(day('2024-06-19'), day('2024-06-18'), day('2024-06-20'))).toBe(true);
    expect(mayFallWithin(day('2024-06-21'), day('2024-06-18'), day('2024-06-20'))).toBe(false);
    expect(mayFallWithin(month('2024-06'), day('2024-06-18'), day('2024-06-20'))).toBe(true);
    expect(mayFallWithin(day('2025-09-01'), year('2025'), year('2025'))).toBe(true);
  });
});
