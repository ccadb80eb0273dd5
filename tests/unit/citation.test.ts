/**
 * Citations of an entry: each format by hand for a real entry, escaping with awkward titles, and the
 * machine formats read back by citation-js (BibTeX, RIS), checked against the official CSL-JSON schema
 * and rendered to APA by citeproc, as a reference manager would.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { apa, bibtex, chicago, cslItem, cslJson, ris, type CitationInput } from '../../src/lib/citation';

/** The part of citation-js these tests use (the packages ship no types). */
interface CslData {
  title?: string;
  URL?: string;
  type?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  author?: { literal?: string; family?: string }[];
  note?: string;
}
interface Cite {
  data: CslData[];
  format(kind: 'bibliography', options: { format: 'text'; template: string; lang: string }): string;
}
const require = createRequire(import.meta.url);
const { Cite: CiteClass } = require('@citation-js/core') as { Cite: new (input: unknown) => Cite };
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');
require('@citation-js/plugin-csl');
const parseOne = (input: unknown): CslData => {
  const data = new CiteClass(input).data;
  expect(data).toHaveLength(1);
  return data[0] as CslData;
};

const SITE = 'Malaysia–China Cooperation Tracker';

/** A real entry of the record (title with straight quotes, a day-precision date). */
const twinParks: CitationInput = {
  id: 'two-countries-twin-parks-mou-2025',
  title: 'Memorandum of understanding on upgrading the "Two Countries, Twin Parks" project',
  typeLabel: 'Memorandum of understanding',
  documentDate: { value: '2025-04-16', precision: 'day' },
  lastReviewed: '2026-11-23',
  url: 'https://malaysia-china-tracker.example.org/agreements/two-countries-twin-parks-mou-2025/',
  accessed: '2026-12-01',
  siteName: SITE,
};

/** A real entry whose title has apostrophes, as the content writes them (straight). */
const aiMou: CitationInput = {
  ...twinParks,
  id: 'ai-mou-ndrc-2025',
  title:
    "Memorandum of understanding on artificial intelligence cooperation between Malaysia's Digital Ministry " +
    "and China's National Development and Reform Commission",
  url: 'https://malaysia-china-tracker.example.org/agreements/ai-mou-ndrc-2025/',
};

/** Everything LaTeX treats specially, an en dash, Chinese, a month-precision date and a base path. */
const awkward: CitationInput = {
  id: 'r-and-d-letter-2024',
  title: 'Letter on R&D {core} 100% funding (2024–2028): $5 #1 a_b ~x^2 C:\\path 人工智能合作',
  typeLabel: 'Letter of intent',
  documentDate: { value: '2024-06', precision: 'month' },
  lastReviewed: '2025-01-05',
  url: 'https://example.org/tracker/agreements/r-and-d-letter-2024/',
  accessed: '2025-02-28',
  siteName: SITE,
};

describe('APA 7th edition', () => {
  it('cites the entry by the site, dated by its review, with the document described and the access date', () => {
    expect(apa(twinParks)).toBe(
      'Malaysia–China Cooperation Tracker. (2026, November 23). Memorandum of understanding on upgrading the ' +
        '“Two Countries, Twin Parks” project [Memorandum of understanding, April 16, 2025]. Retrieved December 1, ' +
        '2026, from https://malaysia-china-tracker.example.org/agreements/two-countries-twin-parks-mou-2025/',
    );
  });

  it('gives a month-precision document date as the month alone, never a made-up day', () => {
    const text = apa(awkward);
    expect(text).toContain('[Letter of intent, June 2024]');
    expect(text).not.toMatch(/\b1 June 2024/);
    expect(text).toContain('(2025, January 5)');
    expect(text).toContain(
      'Retrieved February 28, 2025, from https://example.org/tracker/agreements/r-and-d-letter-2024/',
    );
    expect(text).toContain('R&D {core} 100% funding (2024–2028)');
  });
});

describe('typography of APA and Chicago', () => {
  it('prints apostrophes and quotation marks curled, as the styles do, never straight beside curly', () => {
    for (const text of [apa(aiMou), chicago(aiMou), apa(twinParks), chicago(twinParks)]) {
      expect(text).not.toMatch(/["']/);
    }
    expect(apa(aiMou)).toContain('between Malaysia’s Digital Ministry and China’s National');
    expect(chicago(aiMou)).toContain('“Memorandum of understanding on artificial intelligence cooperation');
  });
});

describe('Chicago 17th edition (bibliography)', () => {
  it('puts the title in double quotation marks and quotations inside it in single ones', () => {
    expect(chicago(twinParks)).toBe(
      'Malaysia–China Cooperation Tracker. “Memorandum of understanding on upgrading the ‘Two Countries, Twin ' +
        'Parks’ project.” Memorandum of understanding, April 16, 2025. Last reviewed November 23, 2026. Accessed ' +
        'December 1, 2026. https://malaysia-china-tracker.example.org/agreements/two-countries-twin-parks-mou-2025/.',
    );
  });

  it('keeps the month precision and the characters of the title', () => {
    const text = chicago(awkward);
    expect(text).toContain('Letter of intent, June 2024. Last reviewed January 5, 2025. Accessed February 28, 2025.');
    expect(text).toContain('人工智能合作.”');
  });
});

describe('BibTeX', () => {
  it('keys the entry by its id and escapes every LaTeX special character, keeping Unicode', () => {
    const text = bibtex(awkward);
    expect(text.startsWith('@misc{r-and-d-letter-2024,\n')).toBe(true);
    expect(text).toContain(
      'title = {{Letter on R\\&D \\{core\\} 100\\% funding (2024–2028): \\$5 \\#1 a\\_b ' +
        '\\textasciitilde{}x\\textasciicircum{}2 C:\\textbackslash{}path 人工智能合作}},',
    );
    expect(text).toContain('author = {{Malaysia–China Cooperation Tracker}},');
    expect(text).toContain('month = jan,');
    expect(text).toContain('date = {2025-01-05},');
    expect(text).toContain('urldate = {2025-02-28},');
    expect(text.endsWith('\n}')).toBe(true);
  });

  it('writes a title’s quotation marks as LaTeX’s opening and closing ones', () => {
    expect(bibtex(twinParks)).toContain(
      "title = {{Memorandum of understanding on upgrading the ``Two Countries, Twin Parks'' project}},",
    );
  });

  it('has balanced braces, so a stray brace in a title cannot end a field early', () => {
    const text = bibtex(awkward).replace(/\\[{}]/g, '');
    let depth = 0;
    for (const ch of text) {
      depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it.each([twinParks, awkward])('reads back in citation-js with the same title, URL and dates ($id)', (input) => {
    const item = parseOne(bibtex(input));
    // LaTeX's ``…'' read back as the curly marks LaTeX prints.
    expect(item.title).toBe(input.title.replace(/"([^"]*)"/g, '“$1”'));
    expect(item.URL).toBe(input.url);
    expect(item.issued?.['date-parts']).toEqual([input.lastReviewed.split('-').map(Number)]);
    expect(item.accessed?.['date-parts']).toEqual([input.accessed.split('-').map(Number)]);
    expect(item.author?.[0]?.family ?? item.author?.[0]?.literal).toBe(SITE);
    expect(item.note).toBe(
      input === awkward ? 'Letter of intent, June 2024' : 'Memorandum of understanding, April 16, 2025',
    );
  });
});

describe('RIS', () => {
  it('writes one "TAG  - value" line per field, from TY to ER, even when a title holds a line break', () => {
    const lines = ris({ ...awkward, title: 'Line one\nline two' }).split('\n');
    expect(lines[0]).toBe('TY  - ELEC');
    expect(lines.at(-1)).toBe('ER  - ');
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines).toContain('TI  - Line one line two');
    expect(lines).toContain('DA  - 2025/01/05/');
    expect(lines).toContain('Y2  - 2025/02/28/');
  });

  it.each([twinParks, awkward])(
    'reads back in citation-js as a web page with the same title, URL and dates ($id)',
    (input) => {
      const item = parseOne(ris(input));
      expect(item.type).toBe('webpage');
      expect(item.title).toBe(input.title);
      expect(item.URL).toBe(input.url);
      expect(item.issued?.['date-parts']).toEqual([input.lastReviewed.split('-').map(Number)]);
      expect(item.accessed?.['date-parts']).toEqual([input.accessed.split('-').map(Number)]);
      expect(item.author?.[0]?.literal).toBe(SITE);
    },
  );
});

describe('CSL-JSON', () => {
  const schema = JSON.parse(readFileSync(new URL('../fixtures/csl-data.json', import.meta.url), 'utf8')) as object;
  const validate = new Ajv({ strict: false }).compile(schema);

  it.each([twinParks, awkward])('is valid against the official csl-data.json schema ($id)', (input) => {
    const data: unknown = JSON.parse(cslJson(input));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data).toEqual([cslItem(input)]);
  });

  it('is checked by a schema that does reject a wrong item type', () => {
    expect(validate([{ ...cslItem(twinParks), type: 'web-page' }])).toBe(false);
  });

  it('is a web page by the site, with issued and accessed as date-parts', () => {
    expect(cslItem(awkward)).toMatchObject({
      type: 'webpage',
      author: [{ literal: SITE }],
      issued: { 'date-parts': [[2025, 1, 5]] },
      accessed: { 'date-parts': [[2025, 2, 28]] },
      genre: 'Letter of intent, June 2024',
      URL: awkward.url,
    });
  });

  it.each([twinParks, awkward, aiMou])('renders to APA with citeproc as this site writes APA itself ($id)', (input) => {
    const text = new CiteClass(JSON.parse(cslJson(input))).format('bibliography', {
      format: 'text',
      template: 'apa',
      lang: 'en-US',
    });
    // citeproc leaves out the retrieval date, which this site's APA adds because an entry changes as it is
    // reviewed.
    const ours = apa(input).replace(/ Retrieved [^,]+, \d{4}, from /, ' ');
    expect(text.trim()).toBe(ours);
  });
});
