/**
 * A search result's excerpt, chosen from its page's text. Pagefind's own excerpt is a window of the page
 * read from its top, so it often begins with the title (which the result shows above it) and may end up as
 * a few words after it, or as the list of search terms a page closes with; and it never says where it was
 * cut. This one is the densest window of matches in the page's prose, between the title and the search
 * terms, marked with an ellipsis where it was cut. Pure, so it is unit-tested.
 */

import { SEPARATOR } from '../i18n/separator';

/** A run of an excerpt's text, highlighted (`<mark>`) or not. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * An excerpt: its text, and whether the prose goes on before it and after it; and, where the query matched
 * neither the title nor the excerpt, the names in the page's search-term lists that it matched, as runs.
 */
export interface Excerpt {
  parts: ExcerptPart[];
  before: boolean;
  after: boolean;
  terms: ExcerptPart[][];
}

/** A match as Pagefind gives it: the word's place in the page's text, and how much it weighs there. */
export interface WeightedLocation {
  location: number;
  balanced_score: number;
}

/** What an excerpt is chosen from: one result's data as Pagefind returns it. */
export interface ExcerptSource {
  /** The page's text with `<` and `>` escaped, as Pagefind splits it into the words its locations count. */
  raw_content?: string | undefined;
  /** Every matched word's place. */
  locations: readonly number[];
  weighted_locations: readonly WeightedLocation[];
}

/** Written where the excerpt leaves out text before or after it. */
export const ELLIPSIS = '…';

/** The most matched search terms an excerpt names: a common word can match dozens of a page's names. */
export const MAX_TERMS = 4;

/** The separator between the names of a search-term list (NameList), as a word of the page's text. */
const NAME_SEPARATOR = SEPARATOR.trim();

/** Pagefind's word boundary: a zero-width space where the indexer segmented the text, else white space. */
function splitWords(text: string): { words: string[]; joiner: string } {
  return text.includes('\u200B')
    ? { words: text.split('\u200B'), joiner: '' }
    : { words: text.split(/[^\S\uFEFF]+/), joiner: ' ' };
}

/** A word as compared with a title or label: lower case, without the full stop or colon Pagefind adds. */
const bare = (word: string) => word.toLowerCase().replace(/[.:]+$/, '');

/** Whether `words` has `phrase`'s words at `at`, the last one ending as `end` requires. */
function startsWith(words: readonly string[], at: number, phrase: readonly string[], end: RegExp): boolean {
  if (phrase.length === 0 || at + phrase.length > words.length) return false;
  const last = words[at + phrase.length - 1] ?? '';
  return phrase.every((word, i) => bare(words[at + i] ?? '') === word) && end.test(last);
}

const phraseWords = (text: string) => text.trim().split(/\s+/).filter(Boolean).map(bare);

/** A word of Pagefind's text as the page shows it: its escaped angle brackets read as the characters. */
const shown = (word: string) => word.replaceAll('&lt;', '<').replaceAll('&gt;', '>');

/** A word's punctuation before and after its letters and digits: "(MITI)," is "(", "MITI" and "),". */
const PUNCTUATED = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;

/**
 * Words as runs of text: each highlight holds its word alone, without the punctuation Pagefind's words
 * carry ("visa." marks "visa"), and the joins between words go to the plain runs.
 */
function toParts(words: readonly ExcerptPart[], joiner: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const plain = (text: string) => {
    const previous = parts[parts.length - 1];
    if (previous && !previous.mark) previous.text += text;
    else if (text !== '') parts.push({ text, mark: false });
  };
  words.forEach(({ text, mark }, i) => {
    if (i > 0) plain(joiner);
    const [, before = '', core = '', after = ''] = PUNCTUATED.exec(text) ?? [];
    if (!mark) plain(text);
    else if (core === '') parts.push({ text, mark });
    else {
      plain(before);
      parts.push({ text: core, mark });
      plain(after);
    }
  });
  return parts;
}

/**
 * The names of the search-term lists, from `from` to the text's end (the lists close each entry's indexed
 * text, which a site test checks), that hold a matched word: once each, whatever the case, at most
 * MAX_TERMS. A list's label ends at its colon; its names are separated by "·"; its last name loses the full
 * stop Pagefind adds where a block of text ends without one.
 */
function matchedTerms(
  words: readonly string[],
  from: number,
  stops: readonly (readonly string[])[],
  marked: ReadonlySet<number>,
  joiner: string,
): ExcerptPart[][] {
  const found = new Map<string, ExcerptPart[]>();
  let name: ExcerptPart[] = [];
  const close = (listEnds: boolean) => {
    const last = name[name.length - 1];
    if (last && listEnds) last.text = last.text.replace(/\.$/, '');
    const key = name.map((word) => word.text.toLowerCase()).join(joiner);
    if (name.some((word) => word.mark) && !found.has(key)) found.set(key, toParts(name, joiner));
    name = [];
  };
  for (let at = from; at < words.length; at++) {
    const label = stops.find((stop) => startsWith(words, at, stop, /:$/));
    const word = words[at] ?? '';
    if (label) {
      close(true);
      at += label.length - 1;
    } else if (word.trim() === NAME_SEPARATOR) close(false);
    else if (word !== '') name.push({ text: shown(word), mark: marked.has(at) });
  }
  close(true);
  return [...found.values()].slice(0, MAX_TERMS);
}

/**
 * Where the start of the window of `length` words in [from, to) that holds the most match weight lies;
 * of several equal windows in a row, the middle one, so the matches sit in the middle of the excerpt. With
 * no match in the span, its start.
 */
function densestStart(matches: readonly WeightedLocation[], from: number, to: number, length: number): number {
  const last = Math.max(from, to - length);
  const weight = new Map<number, number>();
  for (const { location, balanced_score } of matches) {
    if (location >= from && location < to) weight.set(location, (weight.get(location) ?? 0) + balanced_score);
  }
  if (weight.size === 0) return from;
  let sum = 0;
  for (let i = from; i < from + length && i < to; i++) sum += weight.get(i) ?? 0;
  let best = sum;
  let run = [from];
  for (let start = from + 1; start <= last; start++) {
    sum += (weight.get(start + length - 1) ?? 0) - (weight.get(start - 1) ?? 0);
    if (sum > best) {
      best = sum;
      run = [start];
    } else if (sum === best && run[run.length - 1] === start - 1) run.push(start);
  }
  return run[Math.floor(run.length / 2)] ?? from;
}

/**
 * The excerpt of `length` words for one result. The prose runs from after `title`, where the text begins
 * with it, to the first of `stops` followed by a colon (the labels of the search-term lists that end each
 * entry's indexed text); a page with no prose there is excerpted from after its title to its end.
 */
export function chooseExcerpt(source: ExcerptSource, title: string, stops: readonly string[], length: number): Excerpt {
  const { words, joiner } = splitWords(source.raw_content ?? '');
  const titleWords = phraseWords(title);
  let from = startsWith(words, 0, titleWords, /./) ? titleWords.length : 0;
  let to = words.length;
  const stopWords = stops.map(phraseWords);
  for (let at = from; at < words.length && to === words.length; at++) {
    if (stopWords.some((stop) => startsWith(words, at, stop, /:$/))) to = at;
  }
  if (to <= from) to = words.length;
  // Pagefind's text may begin with white space, which makes an empty first word.
  while (from < to && words[from] === '') from++;
  const start = densestStart(source.weighted_locations, from, to, length);
  const end = Math.min(start + length, to);
  const marked = new Set(source.locations);
  const taken: ExcerptPart[] = [];
  for (let at = start; at < end; at++) taken.push({ text: shown(words[at] ?? ''), mark: marked.has(at) });
  const parts = toParts(taken, joiner);
  // Where neither the title above the excerpt nor the excerpt shows a match, the names the page was found
  // by say why it is a result.
  const seen = parts.some((part) => part.mark) || source.locations.some((at) => at < from);
  const terms = seen ? [] : matchedTerms(words, to, stopWords, marked, joiner);
  return { parts, before: start > from, after: end < to, terms };
}
