/** The benchmark's statistics: median, percentiles, the seeded generator and the power-law fit. */
import { describe, expect, it } from 'vitest';
import { fitPowerLaw, median, percentile, seededRandom } from '../../scripts/bench/stats.ts';

describe('median and percentile', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  it('interpolates percentiles between ranks', () => {
    expect(percentile([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(percentile([1, 2, 3, 4, 5], 100)).toBe(5);
    expect(percentile([10, 20], 95)).toBeCloseTo(19.5);
  });
  it('refuses an empty list and an out-of-range percentile', () => {
    expect(() => median([])).toThrow();
    expect(() => percentile([1], 101)).toThrow();
  });
});

describe('fitPowerLaw', () => {
  it('recovers a and b exactly from points on a power law', () => {
    const points = [30, 300, 3000, 10000].map((x) => ({ x, y: 0.02 * x ** 1.3 }));
    const fit = fitPowerLaw(points);
    expect(fit.b).toBeCloseTo(1.3, 10);
    expect(fit.a).toBeCloseTo(0.02, 10);
    expect(fit.r2).toBeCloseTo(1, 10);
  });
  it('gives b = 0 for a constant time, and b = 1 for linear time', () => {
    expect(
      fitPowerLaw([
        { x: 10, y: 5 },
        { x: 100, y: 5 },
      ]).b,
    ).toBeCloseTo(0, 10);
    expect(
      fitPowerLaw([
        { x: 10, y: 1 },
        { x: 1000, y: 100 },
      ]).b,
    ).toBeCloseTo(1, 10);
  });
  it('is the least-squares line on log–log for noisy points', () => {
    // log10 x = 1, 2, 3; log10 y = 0, 1.2, 1.8 → slope of the least-squares line = 0.9
    const fit = fitPowerLaw([
      { x: 10, y: 1 },
      { x: 100, y: 10 ** 1.2 },
      { x: 1000, y: 10 ** 1.8 },
    ]);
    expect(fit.b).toBeCloseTo(0.9, 10);
    expect(fit.r2).toBeLessThan(1);
  });
  it('needs two distinct sizes', () => {
    expect(() => fitPowerLaw([{ x: 10, y: 1 }])).toThrow(/two or more/);
    expect(() =>
      fitPowerLaw([
        { x: 10, y: 1 },
        { x: 10, y: 2 },
      ]),
    ).toThrow(/two or more/);
  });
});

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds, within [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(first);
    expect(Array.from({ length: 100 }, () => c())).not.toEqual(first);
    expect(first.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
