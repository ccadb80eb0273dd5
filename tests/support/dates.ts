/**
 * The tests' own order of stored dates, independent of the site's `compareDates`, to check the order pages
 * show agreements in.
 */

/**
 * A stored date ("2024", "2024-06" or "2024-06-19") as text that sorts by time, a year or a month after
 * every day it may contain.
 */
export function sortableDate(value: string): string {
  if (value.length === 4) return `${value}-99-99`;
  if (value.length === 7) return `${value}-99`;
  return value;
}
