/**
 * Between the items of a run-in list ("Document · 16 April 2025 · MoU"). The no-break space holds the dot to
 * the item before it, as a comma would be, so where the list wraps the line ends on the dot and none starts
 * with one.
 */
export const SEPARATOR = '\u00a0· ';
