/** The benchmark report's header: how many builds each size's medians come from. */
import { describe, expect, it } from 'vitest';
import { describeRuns } from '../../scripts/bench/report.ts';
import type { BuildMeasurement } from '../../scripts/bench/build.ts';

const size = (n: number, runs: number) => ({
  size: n,
  cold: { runs: Array.from({ length: runs }, () => ({}) as BuildMeasurement), median: {} as never },
});

describe('describeRuns', () => {
  it('names the runs of each size, as sizes appended with fewer runs have them', () => {
    expect(describeRuns([size(30, 3), size(300, 3), size(3000, 3), size(10000, 1)])).toBe(
      '3 runs at 30, 300 and 3,000; 1 run at 10,000',
    );
  });
  it('reads one size, and one run, in the singular', () => {
    expect(describeRuns([size(300, 1)])).toBe('1 run at 300');
    expect(describeRuns([size(300, 2), size(3000, 2)])).toBe('2 runs at 300 and 3,000');
  });
});
