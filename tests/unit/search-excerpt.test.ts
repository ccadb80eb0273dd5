import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseExcerpt, MAX_TERMS, type Excerpt, type ExcerptSource } from '../../src/lib/search-excerpt';

const STOPS = ['Other names and search terms', 'Also searchable as'];

/** A result's data for a page text, with the given words (by place) matched at weight 1. */
function source(text: string, matches: number[] = []): ExcerptSource {
  return {
    raw_content: text,
    locations: matches,
    weighted_locations: matches.map((location) => ({ location, balanced_score: 1 })),
  };
}

/** The excerpt as a reader sees it: highlights in [brackets], cuts as "…". */
function read({ parts, before, after }: Excerpt): string {
  const text = parts.map(({ text, mark }) => (mark ? `[${text}]` : text)).join('');
  return `${before ? '… ' : ''}${text}${after ? ' …' : ''}`;
}

/** "w0 w1 w2 …": a text of `n` numbered words, so an excerpt shows which words it took. */
const numbered = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');

describe('chooseExcerpt', () => {
  it('leaves out the title the page’s text begins with, and begins with the prose after it', () => {
    const text = 'Visa exemption agreement. A visa is permission to enter a country.';
    expect(read(chooseExcerpt(source(text), 'Visa exemption agreement', STOPS, 30))).toBe(
      'A visa is permission to enter a country.',
    );
  });

  it('excerpts the prose around the matches, highlighted, and says where it cut', () => {
    const text = `Title. ${numbered(60)}`;
    // Words are counted from the title's: "w40" is word 41. Of the windows that hold both matches, the middle.
    expect(read(chooseExcerpt(source(text, [41, 43]), 'Title', STOPS, 6))).toBe('… w39 [w40] w41 [w42] w43 w44 …');
  });

  it('prefers the window with the most matches over the first match', () => {
    const text = `Title. ${numbered(80)}`;
    const excerpt = chooseExcerpt(source(text, [3, 50, 52, 54]), 'Title', STOPS, 8);
    expect(excerpt.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['w49', 'w51', 'w53']);
  });

  it('shows the prose’s opening, uncut at its start, when the only match is in the title', () => {
    const text = `Digital economy MoU. ${numbered(40)}`;
    expect(read(chooseExcerpt(source(text, [0]), 'Digital economy MoU', STOPS, 5))).toBe('w0 w1 w2 w3 w4 …');
  });

  it('ends the prose at the search-term lists, so they are never the excerpt of a page with prose', () => {
    const text = `Title. ${numbered(8)}. Other names and search terms: ekonomi digital · 数字经济. Also searchable as: MITI.`;
    // "digital" is the 14th word: a match in the terms only.
    expect(read(chooseExcerpt(source(text, [13]), 'Title', STOPS, 30))).toBe('w0 w1 w2 w3 w4 w5 w6 w7.');
  });

  /** The matched names as a reader sees them: highlights in [brackets], names joined by " · ". */
  const terms = ({ terms: names }: Excerpt) =>
    names.map((name) => name.map(({ text, mark }) => (mark ? `[${text}]` : text)).join('')).join(' · ');

  it('names the search terms a page was found by when its prose shows no match', () => {
    const text = `Title. ${numbered(8)}. Other names and search terms: ekonomi digital · 数字经济. Also searchable as: Zhejiang University · MITI.`;
    // Word 17 is 数字经济, word 21 is Zhejiang: the last name of the first list loses Pagefind's full stop.
    expect(terms(chooseExcerpt(source(text, [17, 21]), 'Title', STOPS, 30))).toBe('[数字经济] · [Zhejiang] University');
  });

  it('names each matched term once, whatever its case, and at most MAX_TERMS of them', () => {
    const text = `Title. ${numbered(3)}. Other names and search terms: AI · ai policy. Also searchable as: AI · A AI · B AI · C AI · D AI.`;
    const words = text.split(' ');
    const matches = words.flatMap((word, i) => (/^ai\b/i.test(word) ? [i] : []));
    const excerpt = chooseExcerpt(source(text, matches), 'Title', STOPS, 30);
    expect(terms(excerpt)).toBe(`[AI] · [ai] policy · A [AI] · B [AI]`);
    expect(excerpt.terms).toHaveLength(MAX_TERMS);
  });

  it('names no search term where the excerpt or the title already shows the match', () => {
    const text = `Digital MoU. ${numbered(8)} digital. Other names and search terms: ekonomi digital.`;
    // "digital" is word 0 (the title), word 10 (the prose) and word 17 (the terms).
    expect(chooseExcerpt(source(text, [10, 17]), 'Digital MoU', STOPS, 30).terms).toEqual([]);
    expect(chooseExcerpt(source(text, [0, 17]), 'Digital MoU', STOPS, 30).terms).toEqual([]);
    expect(terms(chooseExcerpt(source(text, [17]), 'Digital MoU', STOPS, 30))).toBe('ekonomi [digital]');
  });

  it('does not stop at a label’s words without their colon, which are the prose’s own', () => {
    const text = 'Title. It was also searchable as a draft. Also searchable as: X.';
    expect(read(chooseExcerpt(source(text), 'Title', STOPS, 30))).toBe('It was also searchable as a draft.');
  });

  it('excerpts the search terms of a page that has no prose, rather than nothing', () => {
    const text = 'Ministry of Commerce (MOFCOM). Other names and search terms: 商务部 · MOFCOM.';
    expect(read(chooseExcerpt(source(text, [9]), 'Ministry of Commerce (MOFCOM)', STOPS, 30))).toBe(
      'Other names and search terms: [商务部] · MOFCOM.',
    );
  });

  it('keeps a text that does not begin with the title whole, and a title that is only its start', () => {
    expect(read(chooseExcerpt(source('Visas and travel rules.'), 'Visa', STOPS, 30))).toBe('Visas and travel rules.');
    expect(read(chooseExcerpt(source('A preface. Then text.'), 'Title', STOPS, 30))).toBe('A preface. Then text.');
  });

  it('highlights a matched word without the punctuation around it, which stays in the text', () => {
    const text = 'Title. Visas, for all (MITI). A “visa.”';
    expect(read(chooseExcerpt(source(text, [1, 4, 6]), 'Title', STOPS, 30))).toBe(
      '[Visas], for all ([MITI]). A “[visa].”',
    );
    // A word of punctuation alone is highlighted as it is.
    expect(read(chooseExcerpt(source('Title. a – b', [2]), 'Title', STOPS, 30))).toBe('a [–] b');
  });

  it('reads the escaped angle brackets of Pagefind’s text as the characters they are', () => {
    expect(read(chooseExcerpt(source('T. Rates &lt;5% &gt;2%'), 'T', STOPS, 30))).toBe('Rates <5% >2%');
  });

  it('joins words of a text segmented by zero-width spaces without spaces, as Pagefind does', () => {
    const text = ['标题', '人工', '智能', '合作'].join('\u200B');
    expect(read(chooseExcerpt(source(text, [2]), '标题', STOPS, 30))).toBe('人工[智能]合作');
  });

  it('always gives a run of consecutive words of the text, at most `length`, highlighting only matches', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.uniqueArray(fc.nat({ max: 130 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        (size, matches, length) => {
          const text = `Title. ${numbered(size)}`;
          const excerpt = chooseExcerpt(source(text, matches), 'Title', STOPS, length);
          const words = excerpt.parts
            .map((p) => p.text)
            .join('')
            .split(' ');
          const first = Number(words[0]?.slice(1));
          expect(words.length).toBeLessThanOrEqual(length);
          expect(words).toEqual(numbered(words.length, first).split(' '));
          expect(excerpt.before).toBe(first > 0);
          expect(excerpt.after).toBe(first + words.length < size);
          for (const part of excerpt.parts.filter((p) => p.mark)) {
            expect(matches).toContain(Number(part.text.slice(1)) + 1);
          }
        },
      ),
    );
  });
});
