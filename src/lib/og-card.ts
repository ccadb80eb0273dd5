/**
 * What a social card (the 1200×630 Open Graph image) says, and how its text is fitted: pure logic, no
 * rendering. Text is wrapped and clamped here, from estimated glyph widths, so a long title shrinks and
 * then ends in an ellipsis instead of running off the card; og-render.ts draws the result.
 */
import { countDocuments, t } from '../i18n/ui';
import { shortName, type ActorNames } from './actor-name';
import { formatDate, formatDateRange, type PartialDate } from './dates';
import type { DOCUMENT_TYPES, EVENT_KINDS } from './schema';

/** Card size in pixels, as Open Graph and X (Twitter) expect for large images. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Width available to text: the card less its padding and accent stripe (see og-render.ts). */
export const TEXT_WIDTH = 1020;

/** Text wrapped into lines at a font size. */
export interface FittedText {
  lines: string[];
  fontSize: number;
  /** Whether the text was cut short (its last line ends in "…"). */
  clamped: boolean;
}

/** One labelled fact under the title, e.g. "Date" · "June 2024". */
export interface CardFact {
  label: string;
  value: string;
}

/** Everything a card shows, ready to draw. */
export interface CardModel {
  /** The kind of page: the document type, "Theme", the kind of event; empty on the site card. */
  kicker: string;
  title: FittedText;
  /** A theme's one-line summary, under its title. */
  summary?: FittedText;
  facts: CardFact[];
}

/** A font size and how many lines the text may take at it. */
export interface FitStep {
  fontSize: number;
  maxLines: number;
}

/** Title sizes, largest first: a short title is big, a long one smaller and on more lines. */
export const TITLE_STEPS: readonly FitStep[] = [
  { fontSize: 64, maxLines: 3 },
  { fontSize: 54, maxLines: 3 },
  { fontSize: 46, maxLines: 4 },
];
/** Title sizes when a summary shares the space. */
const SHORT_TITLE_STEPS: readonly FitStep[] = [
  { fontSize: 64, maxLines: 2 },
  { fontSize: 52, maxLines: 2 },
];
/** The summary line of themes and the site card. */
const SUMMARY_STEPS: readonly FitStep[] = [{ fontSize: 32, maxLines: 3 }];
/** Facts take one line each, in a column right of their labels. */
export const FACT_SIZE = 30;
export const FACT_LABEL_WIDTH = 200;

/**
 * Characters the bundled font (Inter, latin subset) has glyphs for, from the subset's unicode-range in
 * @fontsource/inter. Anything else would render as an empty box, so it is left out of card text.
 */
export const COVERED_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x00ff],
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x0304, 0x0304],
  [0x0308, 0x0308],
  [0x0329, 0x0329],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
];

function covered(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return COVERED_RANGES.some(([from, to]) => code >= from && code <= to);
}

/**
 * Text the font can draw: characters outside its subset (e.g. Chinese names) are dropped, with any
 * brackets or spaces they leave empty, so a card never shows a box for a missing glyph.
 */
export function drawableText(text: string): string {
  return [...text]
    .filter(covered)
    .join('')
    .replace(/\(\s*\)|\[\s*\]|（\s*）/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:)])/g, '$1')
    .trim();
}

/**
 * Advance widths in em of Inter Bold (latin), measured from the font's layout of each character, rounded up
 * and grouped by width. Titles and facts are bold; regular text (summaries) is narrower, so these widths are safe for it.
 */
const ADVANCES: readonly (readonly [string, number])[] = [
  [' ', 0.24],
  ['ijl', 0.28],
  ['I', 0.29],
  ['’‘', 0.31],
  [".,:!'·", 0.34],
  [';', 0.35],
  ['ft', 0.36],
  ['()[]', 0.38],
  ['/', 0.39],
  ['r', 0.42],
  ['1', 0.44],
  ['-', 0.47],
  ['–', 0.5],
  ['“”', 0.54],
  ['s?"', 0.56],
  ['L', 0.57],
  ['akxz', 0.58],
  ['cFJ', 0.59],
  ['7ev', 0.6],
  ['yE', 0.61],
  ['o', 0.62],
  ['25bdghnpqu', 0.63],
  ['3689P', 0.65],
  ['RS', 0.66],
  ['BTZ', 0.67],
  ['04&', 0.68],
  ['K', 0.72],
  ['DY', 0.73],
  ['CUX', 0.74],
  ['GH', 0.75],
  ['AV', 0.76],
  ['NO', 0.77],
  ['Q', 0.78],
  ['w', 0.85],
  ['m', 0.92],
  ['M', 0.94],
  ['—', 1.0],
  ['…', 1.01],
  ['%', 1.02],
  ['W', 1.06],
];
const ADVANCE = new Map(ADVANCES.flatMap(([chars, em]) => [...chars].map((c) => [c, em] as const)));

/** A glyph's advance in em: measured, or its base letter's (é as e), or a generous 1 em for the rest. */
function glyphWidth(char: string): number {
  return ADVANCE.get(char) ?? ADVANCE.get(char.normalize('NFD').charAt(0)) ?? 1;
}

/** The width of a line of bold text in pixels at a font size (kerning ignored, so slightly over). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += glyphWidth(char);
  return em * fontSize;
}

/** Greedy word wrap; a word wider than the line is cut at the line's end. */
function wrap(text: string, fontSize: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (textWidth(line, fontSize) > width) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(line.slice(0, cut), fontSize) > width) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The first `maxLines` lines, the last shortened at a word boundary to end in "…". */
function clamp(lines: string[], maxLines: number, fontSize: number, width: number): string[] {
  const kept = lines.slice(0, maxLines);
  const words = (kept.pop() ?? '').split(' ');
  const fits = (ws: string[]) => textWidth(`${ws.join(' ')}…`, fontSize) <= width;
  while (words.length > 1 && !fits(words)) words.pop();
  // Trailing punctuation before the ellipsis reads as a typo ("cooperation,…").
  let last = words.join(' ').replace(/[\s,;:.–—-]+$/, '');
  // One word wider than the line (no space to cut at) is cut within the word.
  while (last.length > 1 && textWidth(`${last}…`, fontSize) > width) last = last.slice(0, -1);
  return [...kept, `${last}…`];
}

/**
 * Wraps text at the largest step it fits whole; when it fits at none, clamps it at the last step.
 * `width` is the line width in pixels.
 */
export function fitText(text: string, steps: readonly FitStep[], width = TEXT_WIDTH): FittedText {
  const clean = drawableText(text);
  for (const { fontSize, maxLines } of steps) {
    const lines = wrap(clean, fontSize, width);
    if (lines.length <= maxLines) return { lines, fontSize, clamped: false };
  }
  const last = steps.at(-1) ?? { fontSize: 40, maxLines: 4 };
  const lines = wrap(clean, last.fontSize, width);
  return { lines: clamp(lines, last.maxLines, last.fontSize, width), fontSize: last.fontSize, clamped: true };
}

// A card names each party by its abbreviation, or its name when it has none.
const partyList = (parties: ActorNames[]) => parties.map(shortName).join(', ');

/** A fact on one line, clamped with an ellipsis when it is longer than its column. */
function fact(label: string, value: string): CardFact {
  const fitted = fitText(value, [{ fontSize: FACT_SIZE, maxLines: 1 }], TEXT_WIDTH - FACT_LABEL_WIDTH);
  return { label, value: fitted.lines[0] ?? '' };
}

/** The facts of an agreement that a card shows. */
export interface AgreementCardInput {
  title: string;
  shortTitle: string;
  type: (typeof DOCUMENT_TYPES)[number];
  date: PartialDate;
  malaysian: ActorNames[];
  chinese: ActorNames[];
}

/**
 * An agreement's card: its full title when that fits, else its short title when that fits, else the full
 * title clamped; the date at its precision; the type; the parties on each side.
 */
export function agreementCard(a: AgreementCardInput): CardModel {
  const full = fitText(a.title, TITLE_STEPS);
  const short = full.clamped ? fitText(a.shortTitle, TITLE_STEPS) : full;
  return {
    kicker: t(`type.${a.type}`),
    title: short.clamped ? full : short,
    facts: [
      fact(t('agreement.date'), formatDate(a.date)),
      fact(t('agreement.malaysia'), partyList(a.malaysian)),
      fact(t('agreement.china'), a.chinese.length > 0 ? partyList(a.chinese) : t('og.counterpartUnstated')),
    ],
  };
}

/** A theme's card: its title, its one-line summary and how many agreements in the record serve it. */
export function themeCard(theme: { title: string; summary: string; agreements: number }): CardModel {
  return {
    kicker: t('og.theme'),
    title: fitText(theme.title, SHORT_TITLE_STEPS),
    summary: fitText(theme.summary, SUMMARY_STEPS),
    facts: [fact(t('og.inRecord'), countDocuments(theme.agreements))],
  };
}

/** The facts of an event that a card shows. */
export interface EventCardInput {
  title: string;
  kind: (typeof EVENT_KINDS)[number];
  start: PartialDate;
  end?: PartialDate | undefined;
  place?: string | undefined;
  documentsReported?: number | undefined;
}

/** An event's card: title, date range, place and the number of documents the sources report. */
export function eventCard(e: EventCardInput): CardModel {
  return {
    kicker: t(`eventKind.${e.kind}`),
    title: fitText(e.title, TITLE_STEPS),
    facts: [
      fact(t('event.dates'), formatDateRange(e.start, e.end)),
      fact(t('event.place'), e.place ?? t('agreement.notStated')),
      fact(
        t('og.reported'),
        e.documentsReported === undefined ? t('agreement.notStated') : countDocuments(e.documentsReported),
      ),
    ],
  };
}

/** The card of every other page: the site's tagline (its name heads every card) and the record's size. */
export function siteCard(counts: { agreements: number; themes: number; events: number }): CardModel {
  return {
    kicker: '',
    title: fitText(t('site.tagline'), TITLE_STEPS),
    facts: [fact(t('og.inRecord'), t('og.siteCounts', { a: counts.agreements, t: counts.themes, e: counts.events }))],
  };
}
