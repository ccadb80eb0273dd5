/**
 * A figure's number with its unit, written as a reader of Malaysian reporting expects: ringgit before
 * the number ("RM450.84 billion"), a percent sign against it ("16.8% of …"), any other unit after it.
 */

/** `number` (already formatted, optionally signed) with `unit` around it. */
export function withUnit(number: string, unit: string): string {
  const sign = /^[+\-−]/.exec(number)?.[0] ?? '';
  const digits = number.slice(sign.length);
  if (unit === 'RM' || unit.startsWith('RM ')) return `${sign}RM${digits}${unit.slice(2)}`;
  if (unit.startsWith('%')) return `${number}${unit}`;
  return `${number} ${unit}`;
}
