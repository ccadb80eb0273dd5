/**
 * Prose for the benchmark's synthetic entries, learnt from the site's own writing: a word-to-next-word
 * (bigram) chain over the sentences of `content/`'s entry bodies. Text drawn from it has the words of the
 * real record at their real rates (a few very common, most rare), which is what Pagefind's index sizes and
 * chunking depend on; words drawn evenly from a short list put every word on every page, several times.
 * Unit-tested in tests/unit/bench-prose.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A sentence as its words, in order, with their case. */
export type Sentence = readonly string[];

/** A word: letters and digits, joined by apostrophes or hyphens. Nothing Markdown or MDX would act on. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Collections whose bodies are prose written for readers (actors, sources and figures have none). */
const PROSE_COLLECTIONS = ['agreements', 'events', 'themes'];

/** The sentences of one entry's MDX body: headings, list markers, link targets and addresses left out. */
export function proseSentences(mdx: string): Sentence[] {
  const body = mdx.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const close = () => {
    if (paragraph.length > 0) blocks.push(paragraph.join(' '));
    paragraph = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || /^(#|\||<|import\s|export\s|```)/.test(line)) {
      close();
      continue;
    }
    const item = /^(?:[-*+]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      // Each list item is a sentence of its own, as a reader takes it.
      close();
      blocks.push(item[1] ?? '');
      continue;
    }
    paragraph.push(line.replace(/^>\s*/, ''));
  }
  close();
  const sentences: Sentence[] = [];
  for (const block of blocks) {
    const text = block
      .replace(/\[\^[^\]]*\]/g, ' ')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/https?:\/\/\S+/g, ' ');
    for (const part of text.split(/[.!?;:]+(?=\s|$)/)) {
      const words = part.match(WORD);
      if (words) sentences.push(words);
    }
  }
  return sentences;
}

/** Every sentence of the prose collections under `contentDir`, file by file in name order. */
export function readProseCorpus(contentDir: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const collection of PROSE_COLLECTIONS) {
    const dir = join(contentDir, collection);
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.mdx')) sentences.push(...proseSentences(readFileSync(join(dir, name), 'utf8')));
    }
  }
  if (sentences.length === 0) throw new Error(`no prose found in ${PROSE_COLLECTIONS.join(', ')} under ${contentDir}`);
  return sentences;
}

/** Draws text from a corpus. */
export interface Prose {
  /** Exactly `words` words in sentences (each capitalised and ending in a full stop). */
  text(words: number): string;
}

/** Marks the start and the end of a sentence in the chain; no word is empty. */
const EDGE = '';

/** A bigram chain over `sentences`, drawing with `random`: the same corpus and stream give the same text. */
export function createProse(sentences: readonly Sentence[], random: () => number): Prose {
  const next = new Map<string, string[]>();
  const follow = (word: string, successor: string) => {
    const list = next.get(word);
    if (list) list.push(successor);
    else next.set(word, [successor]);
  };
  for (const sentence of sentences) {
    if (sentence.length === 0) continue;
    let previous = EDGE;
    for (const word of sentence) {
      follow(previous, word);
      previous = word;
    }
    follow(previous, EDGE);
  }
  if (!next.has(EDGE)) throw new Error('the prose corpus has no sentences');
  const draw = (word: string) => {
    // Successors are kept with repeats, so an even draw from the list follows the corpus's frequencies.
    const list = next.get(word) as string[];
    return list[Math.floor(random() * list.length)] as string;
  };
  return {
    text(words) {
      const out: string[] = [];
      let previous = EDGE;
      while (out.length < words) {
        const word = draw(previous);
        if (word === EDGE) {
          if (out.length > 0) out[out.length - 1] += '.';
          previous = EDGE;
          continue;
        }
        out.push(previous === EDGE ? `${word.charAt(0).toUpperCase()}${word.slice(1)}` : word);
        previous = word;
      }
      const text = out.join(' ');
      return text === '' || text.endsWith('.') ? text : `${text}.`;
    },
  };
}
