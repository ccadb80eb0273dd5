/**
 * Citations of an entry of this site (a web page about a document, since most documents are unpublished)
 * in APA 7, Chicago 17 (bibliography), BibTeX, RIS and CSL-JSON. The entry's date is the day it was last
 * reviewed against its sources; the document's own type and date go in the description, at their precision.
 */
import { formatDate, type PartialDate } from './dates';

/** What a citation of one entry is made from. */
export interface CitationInput {
  /** The entry's id, which becomes the BibTeX key and the CSL id. */
  id: string;
  /** The document's full title. */
  title: string;
  /** The document's kind, spelled out ("Memorandum of understanding"). */
  typeLabel: string;
  /** When the document was signed or exchanged, at the precision the sources give. */
  documentDate: PartialDate;
  /** The day the entry was last reviewed against its sources (YYYY-MM-DD): the cited page's date. */
  lastReviewed: string;
  /** The entry's absolute canonical URL. */
  url: string;
  /** The accessed day (YYYY-MM-DD). */
  accessed: string;
  /** The site, which is both the author and the publisher of the entry. */
  siteName: string;
}

/** A CSL-JSON date: year, month, day as numbers. */
interface CslDate {
  'date-parts': [[number, number, number]];
}

/** One CSL-JSON item for a web page (the subset this site writes). */
export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  genre: string;
  author: [{ literal: string }];
  issued: CslDate;
  accessed: CslDate;
  URL: string;
}

function dayParts(day: string): [number, number, number] {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return [year, month, date];
}

const usMonth = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });

/** "November 23, 2026", the form APA and Chicago use in running text. */
function usDate(day: string): string {
  const [year, month, date] = dayParts(day);
  return `${usMonth.format(new Date(Date.UTC(year, month - 1, 1)))} ${date}, ${year}`;
}

/**
 * What the entry is about, e.g. "Memorandum of understanding, June 19, 2024", never more precise than known.
 * A day is in the US form the citation's own dates take in APA and Chicago, so one citation never mixes two
 * forms, and a reference manager's APA of the CSL-JSON matches this site's.
 */
function describeDocument(input: CitationInput): string {
  const date = input.documentDate;
  return `${input.typeLabel}, ${date.precision === 'day' ? usDate(date.value) : formatDate(date)}`;
}

/**
 * A title with typographer's quotation marks, as APA and Chicago print them: “ ” for straight double ones
 * (‘ ’ where `nested` inside Chicago's own), and ’ for an apostrophe ("China’s").
 */
function curlyTitle(title: string, nested: boolean): string {
  const [open, close] = nested ? ['‘', '’'] : ['“', '”'];
  const quoted = title.replace(/"([^"]*)"/g, `${open}$1${close}`);
  return (nested ? quoted.replace(/“([^”]*)”/g, '‘$1’') : quoted).replace(/(^|[\s(“‘])'/g, '$1‘').replace(/'/g, '’');
}

/** APA 7th edition, web page by a group author that is also the site (so the site is not repeated). */
export function apa(input: CitationInput): string {
  const [year] = dayParts(input.lastReviewed);
  const monthDay = usDate(input.lastReviewed).replace(/, \d{4}$/, '');
  return (
    `${input.siteName}. (${year}, ${monthDay}). ${curlyTitle(input.title, false)} [${describeDocument(input)}]. ` +
    `Retrieved ${usDate(input.accessed)}, from ${input.url}`
  );
}

/** Chicago 17th edition, bibliography entry for a web page; quotation marks inside the title become single. */
export function chicago(input: CitationInput): string {
  return (
    `${input.siteName}. “${curlyTitle(input.title, true)}.” ${describeDocument(input)}. ` +
    `Last reviewed ${usDate(input.lastReviewed)}. Accessed ${usDate(input.accessed)}. ${input.url}.`
  );
}

const BIBTEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * Text for a BibTeX field: LaTeX's special characters escaped, and straight double quotation marks as
 * LaTeX's opening and closing ones (a straight one prints as a closing mark on both sides); other Unicode
 * (en dash, Chinese) kept as is.
 */
function bibtexText(text: string): string {
  return text.replace(/[\\{}%&$#_~^]/g, (ch) => BIBTEX_ESCAPES[ch] ?? ch).replace(/"([^"]*)"/g, "``$1''");
}

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A BibTeX @misc entry that biblatex reads fully (date, url, urldate) and classic BibTeX styles read
 * through year, month and note. The key is the entry's id; double braces keep the title's capitals.
 */
export function bibtex(input: CitationInput): string {
  const [year, month] = dayParts(input.lastReviewed);
  // A URL field is verbatim in biblatex and hyperref; `new URL()` has already percent-encoded it.
  const fields: [string, string][] = [
    ['author', `{{${bibtexText(input.siteName)}}}`],
    ['title', `{{${bibtexText(input.title)}}}`],
    ['note', `{${bibtexText(describeDocument(input))}}`],
    ['year', `{${year}}`],
    ['month', BIBTEX_MONTHS[month - 1] ?? ''],
    ['date', `{${input.lastReviewed}}`],
    ['url', `{${input.url}}`],
    ['urldate', `{${input.accessed}}`],
  ];
  const key = input.id.replace(/[^A-Za-z0-9_:-]/g, '-');
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = ${value},`).join('\n')}\n}`;
}

/** One RIS line: the tag, two spaces, a hyphen, a space, and the value on one line. */
function risLine(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;
}

/** A RIS date, YYYY/MM/DD/. */
function risDate(day: string): string {
  return `${day.replaceAll('-', '/')}/`;
}

/** A RIS record of type ELEC (web page), ending with ER. */
export function ris(input: CitationInput): string {
  return [
    risLine('TY', 'ELEC'),
    risLine('AU', input.siteName),
    risLine('TI', input.title),
    // Zotero reads M3 of a web page as its type, which styles show as APA's bracketed description.
    risLine('M3', describeDocument(input)),
    risLine('PY', input.lastReviewed.slice(0, 4)),
    risLine('DA', risDate(input.lastReviewed)),
    // The access date twice: Y2 is where Zotero and Mendeley read it, M1 where the 2011 RIS
    // specification (EndNote, citation-js) puts it for a web page.
    risLine('Y2', risDate(input.accessed)),
    risLine('M1', risDate(input.accessed)),
    risLine('UR', input.url),
    'ER  - ',
  ].join('\n');
}

/** The entry as a CSL-JSON item of type "webpage", with issued and accessed as date-parts. */
export function cslItem(input: CitationInput): CslItem {
  return {
    id: input.id,
    type: 'webpage',
    title: input.title,
    genre: describeDocument(input),
    author: [{ literal: input.siteName }],
    issued: { 'date-parts': [dayParts(input.lastReviewed)] },
    accessed: { 'date-parts': [dayParts(input.accessed)] },
    URL: input.url,
  };
}

/** CSL-JSON as a reference manager imports it: an array holding the one item, one field a line. */
export function cslJson(input: CitationInput): string {
  // One field a line, each value compact, so the dates' nested arrays do not take a dozen lines.
  const fields = Object.entries(cslItem(input)).map(
    ([name, value]) => `    ${JSON.stringify(name)}: ${JSON.stringify(value)}`,
  );
  return `[\n  {\n${fields.join(',\n')}\n  }\n]`;
}

/** Every format, by the key that names its box on the page (`#cite-apa`): the build and the page's script share it. */
export const CITATION_FORMATS = { apa, chicago, bibtex, ris, csl: cslJson } as const;
/** The name of one of CITATION_FORMATS. */
export type CitationFormat = keyof typeof CITATION_FORMATS;
