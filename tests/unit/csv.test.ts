/** The CSV writer: what a spreadsheet or a CSV parser reads back from each awkward value. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOM, guardFormula, joinList, LIST_SEPARATOR, quoteField, toCsv } from '../../src/lib/csv';

/** The rows a standard RFC 4180 parser reads from a file. */
const readBack = (text: string): string[][] => parse(text, { bom: true, relax_column_count: false });

describe('toCsv', () => {
  it('starts with a UTF-8 byte-order mark and ends every row, the last too, with CRLF', () => {
    const csv = toCsv([
      ['id', 'title'],
      ['a', 'b'],
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1)).toBe('id,title\r\na,b\r\n');
  });

  it('quotes fields with commas, quotes or line breaks, doubling the quotes, and reads them back unchanged', () => {
    const awkward = ['plain', 'a, b', 'say "yes"', 'line one\nline two', 'crlf\r\ninside', '"', ''];
    const csv = toCsv([awkward]);
    expect(csv.slice(1)).toBe('plain,"a, b","say ""yes""","line one\nline two","crlf\r\ninside","""",\r\n');
    expect(readBack(csv)).toEqual([awkward]);
  });

  it('keeps Malay and Chinese text and emoji intact', () => {
    const row = ['Kementerian Digital', '国家发展和改革委员会', 'café ✓'];
    expect(readBack(toCsv([row]))).toEqual([row]);
  });

  it('writes an empty cell for an empty value, keeping the columns in place', () => {
    expect(readBack(toCsv([['a', '', 'c']]))).toEqual([['a', '', 'c']]);
  });

  it('guards cells that a spreadsheet would run as a formula, and only those', () => {
    const cells = ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x", "a, b")', 'a=b', '2024-06'];
    const [row] = readBack(toCsv([cells]));
    expect(row).toEqual([
      "'=1+1",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      `'=HYPERLINK("http://x", "a, b")`,
      'a=b',
      '2024-06',
    ]);
  });
});

describe('guardFormula and quoteField', () => {
  it('leave ordinary text alone', () => {
    expect(guardFormula('Memorandum of understanding')).toBe('Memorandum of understanding');
    expect(quoteField('Memorandum of understanding')).toBe('Memorandum of understanding');
  });
});

describe('joinList', () => {
  it('joins items with the documented separator, and an empty list is an empty cell', () => {
    expect(LIST_SEPARATOR).toBe(' | ');
    expect(joinList(['miti', 'mofcom'])).toBe('miti | mofcom');
    expect(joinList([])).toBe('');
  });

  it('refuses an item that contains the separator, which would split it in two', () => {
    expect(() => joinList(['a | b', 'c'])).toThrow(/"a \| b".*separator/);
  });

  it('round-trips through a CSV cell', () => {
    const items = ['one, with a comma', 'two "quoted"'];
    const [[cell]] = readBack(toCsv([[joinList(items)]])) as [[string]];
    expect(cell.split(LIST_SEPARATOR)).toEqual(items);
  });
});
