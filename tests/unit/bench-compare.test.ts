/** The arithmetic of `npm run bench:compare`: the order of each pair's builds, and what the pairs say. */
import { describe, expect, it } from 'vitest';
import { comparePairs, describeComparison, firstOfPair } from '../../scripts/bench/compare.ts';

describe('firstOfPair', () => {
  it('alternates which copy builds first, so a steadily drifting host favours neither', () => {
    expect([0, 1, 2, 3].map(firstOfPair)).toEqual(['base', 'new', 'base', 'new']);
  });
});

describe('comparePairs and describeComparison', () => {
  // The three pairs of 5 December (docs/benchmarks.md): the host moved by more than the code between pairs.
  const pairs = [
    { baseMs: 48_700, newMs: 45_600, baseCpuMs: 84_100, newCpuMs: 79_400 },
    { baseMs: 53_200, newMs: 51_300, baseCpuMs: 92_000, newCpuMs: 88_600 },
    { baseMs: 59_700, newMs: 56_400 },
  ];

  it('takes each pair’s difference, their mean, and counts the pairs the new code won', () => {
    const c = comparePairs(pairs);
    expect(c.differencesMs).toEqual([-3_100, -1_900, -3_300]);
    expect(c.meanDifferenceMs).toBeCloseTo(-2_766.7, 1);
    expect(c.meanDifferenceShare).toBeCloseTo(-2_766.7 / 53_866.7, 4);
    expect(c.newFaster).toBe(3);
    // CPU time only where both builds of a pair measured it.
    expect(c.cpuDifferencesMs).toEqual([-4_700, -3_400]);
  });

  it('counts a slower or equal pair against the new code', () => {
    const c = comparePairs([
      { baseMs: 10_000, newMs: 10_500 },
      { baseMs: 10_000, newMs: 10_000 },
      { baseMs: 10_000, newMs: 9_000 },
    ]);
    expect(c.newFaster).toBe(1);
    expect(c.meanDifferenceMs).toBeCloseTo(-166.7, 1);
  });

  it('says it in a sentence, with the sign of each difference', () => {
    expect(describeComparison(comparePairs(pairs))).toBe(
      'The new code was faster in 3 of 3 pairs: −2.8 s on average (−5.1 %; pairs: −3.1 s, −1.9 s, −3.3 s; ' +
        'CPU time, all processes: −4.7 s, −3.4 s)',
    );
    expect(describeComparison(comparePairs([{ baseMs: 1_000, newMs: 1_200 }]))).toBe(
      'The new code was faster in 0 of 1 pairs: +0.2 s on average (+20.0 %; pairs: +0.2 s)',
    );
  });

  it('refuses to compare no pairs', () => {
    expect(() => comparePairs([])).toThrow(/No pairs/);
  });
});
