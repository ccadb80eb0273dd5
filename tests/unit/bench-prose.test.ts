/**
 * The benchmark's prose: sentences are read from entry bodies as a reader sees them, and text drawn from
 * them keeps their words, their order and their rates.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProse, proseSentences, readProseCorpus, type Sentence } from '../../scripts/bench/prose.ts';
import { seededRandom } from '../../scripts/bench/stats.ts';
import { projectRoot } from '../../scripts/lib/project-root';

describe('proseSentences', () => {
  it('reads the prose of a body and leaves out its front matter, headings, markers and addresses', () => {
    const mdx = [
      '---',
      'title: Not prose',
      'lastReviewed: "2026-11-23"',
      '---',
      '',
      '## What it covers',
      '',
      "The memorandum covers ports, according to [The Star](https://example.org/a). It was Malaysia's",
      'second one; see https://example.org/b for more.',
      '',
      '- technical exchanges on AI;',
      '1. cross-border payments',
      '',
      '| a | b |',
      '<Aside>skipped</Aside>',
    ].join('\n');
    expect(proseSentences(mdx)).toEqual([
      ['The', 'memorandum', 'covers', 'ports', 'according', 'to', 'The', 'Star'],
      ['It', 'was', "Malaysia's", 'second', 'one'],
      ['see', 'for', 'more'],
      ['technical', 'exchanges', 'on', 'AI'],
      ['cross-border', 'payments'],
    ]);
  });

  it('keeps no character Markdown or MDX would act on', () => {
    const words = proseSentences('A {value} and <b>bold</b> *text* with `code` and _this_ [^1].').flat();
    expect(words.join(' ')).not.toMatch(/[<>{}*_`[\]]/);
    expect(words).toContain('value');
  });
});

describe('createProse', () => {
  const corpus: Sentence[] = [
    ['The', 'two', 'sides', 'signed'],
    ['The', 'sides', 'met'],
  ];

  it('gives exactly the words asked for, in sentences, each pair of neighbours a pair of the corpus', () => {
    const text = createProse(corpus, seededRandom(5)).text(40);
    expect(text.split(' ')).toHaveLength(40);
    expect(text).toMatch(/^The .*\.$/);
    const pairs = new Set(corpus.flatMap((s) => s.slice(1).map((w, i) => `${s[i]} ${w}`)));
    for (const sentence of text.slice(0, -1).split('. ')) {
      const words = sentence.split(' ');
      for (let i = 1; i < words.length; i += 1) expect(pairs).toContain(`${words[i - 1]} ${words[i]}`);
    }
  });

  it('draws each word at its rate in the corpus', () => {
    const weighted: Sentence[] = [...Array.from({ length: 9 }, () => ['ports']), ['durian']];
    const words = createProse(weighted, seededRandom(11)).text(20_000).split(' ');
    const share = words.filter((w) => w === 'Durian.').length / words.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.12);
  });

  it('gives the same text for the same stream, and other text for another', () => {
    const a = createProse(corpus, seededRandom(1)).text(200);
    expect(createProse(corpus, seededRandom(1)).text(200)).toBe(a);
    expect(createProse(corpus, seededRandom(2)).text(200)).not.toBe(a);
  });

  it('refuses a corpus without sentences', () => {
    expect(() => createProse([[]], seededRandom(1))).toThrow(/no sentences/);
  });
});

describe('readProseCorpus', () => {
  it("reads the site's own entry bodies, not their front matter", () => {
    const words = readProseCorpus(join(projectRoot, 'content')).flat();
    expect(words.length).toBeGreaterThan(3_000);
    expect(words).toContain('durian');
    expect(words).not.toContain('lastReviewed');
    expect(words.join(' ')).not.toMatch(/https?\b/);
  });
});
