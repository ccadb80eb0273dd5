/**
 * The benchmark report: how many builds each size's medians come from, how busy the cores were, and how fast
 * the host was before each size.
 */
import { describe, expect, it } from 'vitest';
import { describeCpu, describeHostChecks, describeRuns } from '../../scripts/bench/report.ts';
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

describe('describeCpu', () => {
  const timed = (n: number, wallMs: number, cpuMs: number | undefined) => ({
    size: n,
    cold: { runs: [], median: { wallMs, cpuMs, reused: 0 } as never },
  });

  it('gives each size its CPU time, the cores it kept busy and the least time that work could take', () => {
    expect(describeCpu([timed(300, 8_000, 10_000), timed(3000, 57_700, 81_600)], 2)).toBe(
      'CPU time of the cold builds (medians of user and system time over all the build’s processes, `time -v`): ' +
        '300: 10 s of CPU in 8 s, 1.25 of 2 cores busy on average, so at least 5 s; ' +
        '3,000: 81.6 s of CPU in 57.7 s, 1.41 of 2 cores busy on average, so at least 40.8 s.',
    );
  });

  it('leaves out sizes built without GNU time, and says nothing when none had it', () => {
    expect(describeCpu([timed(30, 3_000, undefined), timed(300, 8_000, 16_000)], 4)).toBe(
      'CPU time of the cold builds (medians of user and system time over all the build’s processes, `time -v`): ' +
        '300: 16 s of CPU in 8 s, 2 of 4 cores busy on average, so at least 4 s.',
    );
    expect(describeCpu([timed(30, 3_000, undefined)], 2)).toBeUndefined();
  });
});

describe('describeHostChecks', () => {
  it('gives the host check of each size that has one, leaving out results from before it existed', () => {
    expect(
      describeHostChecks([{ size: 30 }, { size: 300, hostCheckMs: 281.4 }, { size: 3000, hostCheckMs: 330.6 }]),
    ).toBe(
      'Host check before each size’s builds (`scripts/bench/host-check.ts`: the same fixed work on one thread; on one ' +
        'host, more time means a slower host, not slower code): 300: 281 ms; 3,000: 331 ms.',
    );
    expect(describeHostChecks([{ size: 30 }])).toBeUndefined();
  });
});
