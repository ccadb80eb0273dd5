/**
 * The arithmetic of `npm run bench:compare` (scripts/bench-compare.ts): the order of each pair's builds, and
 * what the pairs say together.
 */

/** One pair of cold builds of the same content: the base revision's code and the working tree's. */
export interface BuildPair {
  baseMs: number;
  newMs: number;
  /** CPU time of all the build's processes (`time -v`), when it was measured. */
  baseCpuMs?: number | undefined;
  newCpuMs?: number | undefined;
}

/**
 * Which copy builds first in pair `index` (from 0): base, new; then new, base; and so on. A host that speeds
 * up or slows down steadily then favours neither side over an even number of pairs.
 */
export function firstOfPair(index: number): 'base' | 'new' {
  return index % 2 === 0 ? 'base' : 'new';
}

/** What a set of pairs says: the new code's time minus the base's, pair by pair, and in how many it won. */
export interface Comparison {
  pairs: number;
  /** new − base in each pair, ms: negative when the new code was faster. */
  differencesMs: number[];
  meanDifferenceMs: number;
  /** The mean difference as a fraction of the base's mean time. */
  meanDifferenceShare: number;
  /** Pairs in which the new code built faster. */
  newFaster: number;
  /** new − base CPU time in each pair where both were measured, ms. */
  cpuDifferencesMs: number[];
}

/** Sums up the pairs; throws on none, since a comparison of nothing says nothing. */
export function comparePairs(pairs: readonly BuildPair[]): Comparison {
  if (pairs.length === 0) throw new Error('No pairs of builds to compare');
  const differencesMs = pairs.map((p) => p.newMs - p.baseMs);
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const meanDifferenceMs = mean(differencesMs);
  const cpuDifferencesMs = pairs.flatMap((p) =>
    p.baseCpuMs === undefined || p.newCpuMs === undefined ? [] : [p.newCpuMs - p.baseCpuMs],
  );
  return {
    pairs: pairs.length,
    differencesMs,
    meanDifferenceMs,
    meanDifferenceShare: meanDifferenceMs / mean(pairs.map((p) => p.baseMs)),
    newFaster: differencesMs.filter((d) => d < 0).length,
    cpuDifferencesMs,
  };
}

/** The comparison in a sentence, e.g. "The new code was faster in 3 of 3 pairs: −2.8 s on average (−5.4 %)". */
export function describeComparison(c: Comparison): string {
  const seconds = (ms: number) => `${ms < 0 ? '−' : '+'}${(Math.abs(ms) / 1000).toFixed(1)} s`;
  const share = `${c.meanDifferenceShare < 0 ? '−' : '+'}${Math.abs(c.meanDifferenceShare * 100).toFixed(1)} %`;
  const range = `pairs: ${c.differencesMs.map(seconds).join(', ')}`;
  const cpu =
    c.cpuDifferencesMs.length > 0 ? `; CPU time, all processes: ${c.cpuDifferencesMs.map(seconds).join(', ')}` : '';
  return `The new code was faster in ${c.newFaster} of ${c.pairs} pairs: ${seconds(c.meanDifferenceMs)} on average (${share}; ${range}${cpu})`;
}
