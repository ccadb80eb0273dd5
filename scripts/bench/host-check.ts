/**
 * A fixed piece of CPU work, timed before each size's builds, so that one host's speed at different times can
 * be told apart from a change in the code: on 5 December the same host built 30 agreements in 3.4 s at night
 * and in 4.0 and 4.6 s that morning, with nothing else running and no sign of it in the load average. The work is of the kinds a build does, on one thread: JavaScript
 * making, serialising and parsing text, and zlib compressing it. The fastest of three rounds is kept.
 */
import { deflateSync } from 'node:zlib';

/** Syllables the fixed text's words are made of. */
const SYLLABLES = ['ma', 'lay', 'si', 'chi', 'na', 'co', 'op', 'er', 'ra', 'tion', 'me', 'mo', 'ran', 'dum'];

/** `words` pseudo-random words of one to four syllables, space-separated: the same text on every run. */
export function fixedText(words: number): string {
  let state = 1;
  const next = () => (state = (state * 48_271) % 2_147_483_647);
  const out: string[] = [];
  for (let w = 0; w < words; w++) {
    let word = '';
    for (let s = 1 + (next() % 4); s > 0; s--) word += SYLLABLES[next() % SYLLABLES.length];
    out.push(word);
  }
  return out.join(' ');
}

/** How long the fixed work takes on this host now, in ms (the fastest of `rounds`). */
export function hostCheckMs(rounds = 3): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const text = fixedText(300_000);
    const copy = JSON.parse(JSON.stringify({ text, words: text.split(' ') })) as { text: string };
    deflateSync(Buffer.from(copy.text), { level: 6 });
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}
