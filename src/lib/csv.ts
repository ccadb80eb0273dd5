/**
 * A CSV writer for spreadsheets: RFC 4180 (CRLF line ends, fields with a comma, quote or line break
 * in double quotes, quotes doubled), UTF-8 with a byte-order mark so Excel reads the text as UTF-8,
 * and the usual guard against formula injection.
 */

/** The byte-order mark that tells spreadsheet software the file is UTF-8. */
export const BOM = '\uFEFF';

/** How the items of a list share one cell. */
export const LIST_SEPARATOR = ' | ';

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell that would start a formula, prefixed with an apostrophe so spreadsheets show it as text
 * (OWASP's mitigation for CSV injection); any other cell unchanged.
 */
export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One field as RFC 4180 writes it: in double quotes, with quotes doubled, when it needs them. */
export function quoteField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** List items in one cell; an empty list is an empty cell. Throws if an item contains the separator. */
export function joinList(items: readonly string[]): string {
  const clash = items.find((item) => item.includes(LIST_SEPARATOR));
  if (clash !== undefined) {
    throw new Error(`CSV list item ${JSON.stringify(clash)} contains the list separator "${LIST_SEPARATOR}"`);
  }
  return items.join(LIST_SEPARATOR);
}

/** A whole CSV file: the BOM, then every row (the header first) guarded, quoted and ended by CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => `${row.map((cell) => quoteField(guardFormula(cell))).join(',')}\r\n`).join('');
}
