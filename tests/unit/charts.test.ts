/** Chart geometry, checked against layouts worked out by hand. */
import { describe, expect, it } from 'vitest';
import { barChart, change, impliedPrevious } from '../../src/lib/charts';

const noPadding = { top: 0, right: 0, bottom: 0, left: 0 };

describe('barChart', () => {
  it('splits the width into equal slots and scales heights from zero to the largest value', () => {
    // 200 wide, two slots of 100; a gap of 0.5 leaves bars 50 wide, centred in their slots.
    const layout = barChart(
      [
        { label: 'a', value: 50 },
        { label: 'b', value: 100 },
      ],
      { width: 200, height: 100 },
      { padding: noPadding, gap: 0.5 },
    );
    expect(layout.baseline).toBe(100);
    expect(layout.max).toBe(100);
    expect(layout.bars.map(({ x, y, width, height, centre }) => ({ x, y, width, height, centre }))).toEqual([
      { x: 25, y: 50, width: 50, height: 50, centre: 50 },
      { x: 125, y: 0, width: 50, height: 100, centre: 150 },
    ]);
  });

  it('keeps labels, values and the derived mark on each bar', () => {
    const [bar] = barChart([{ label: '2023', value: 1, derived: true }], { width: 100, height: 100 }).bars;
    expect(bar).toMatchObject({ label: '2023', value: 1, derived: true });
  });

  it('leaves the default padding around the plot', () => {
    // 320 × 200 less padding 8 + 8 across and 28 + 32 down: a plot 304 wide and 140 high, baseline at 168.
    // One slot of 304; with the default gap of 0.4 the bar is 182.4 wide, starting at 8 + 60.8 = 68.8.
    const layout = barChart([{ label: 'only', value: 10 }], { width: 320, height: 200 });
    expect(layout.baseline).toBe(168);
    expect(layout.plotLeft).toBe(8);
    expect(layout.plotRight).toBe(312);
    expect(layout.bars[0]).toMatchObject({ x: 68.8, y: 28, width: 182.4, height: 140, centre: 160 });
  });

  it('scales to a given max instead of the largest value', () => {
    const [bar] = barChart(
      [{ label: 'a', value: 50 }],
      { width: 100, height: 100 },
      { padding: noPadding, max: 200 },
    ).bars;
    expect(bar?.height).toBe(25);
    expect(bar?.y).toBe(75);
  });

  it('draws zero-height bars on the baseline when every value is zero, and nothing for no data', () => {
    const zero = barChart([{ label: 'a', value: 0 }], { width: 100, height: 100 }, { padding: noPadding });
    expect(zero.bars[0]).toMatchObject({ height: 0, y: 100 });
    expect(barChart([], { width: 100, height: 100 }).bars).toEqual([]);
  });

  it('refuses values and options it cannot draw honestly', () => {
    const size = { width: 100, height: 100 };
    expect(() => barChart([{ label: 'neg', value: -1 }], size)).toThrow('bar "neg" has value -1');
    expect(() => barChart([{ label: 'nan', value: Number.NaN }], size)).toThrow('bar "nan"');
    expect(() => barChart([{ label: 'a', value: 10 }], size, { max: 5 })).toThrow(
      'max 5 is below the largest value 10',
    );
    expect(() => barChart([], { width: 10, height: 10 })).toThrow('no room to plot');
    expect(() => barChart([], size, { gap: 1 })).toThrow('gap must be');
  });
});

describe('change', () => {
  it('gives the difference and the percentage of the first value', () => {
    expect(change(100, 80)).toEqual({ absolute: -20, percent: -20 });
    // Malaysia–China trade: RM450.84 billion to RM484.12 billion is RM33.28 billion, 33.28 / 450.84 ≈ 7.38%.
    const trade = change(450.84, 484.12);
    expect(trade.absolute).toBeCloseTo(33.28, 10);
    expect(trade.percent).toBeCloseTo(7.38, 2);
  });

  it('refuses a percentage change from zero', () => {
    expect(() => change(0, 5)).toThrow('from zero');
  });
});

describe('impliedPrevious', () => {
  it('undoes a percentage growth', () => {
    expect(impliedPrevious(157.2, 57.2)).toBeCloseTo(100, 10);
    expect(impliedPrevious(50, 0)).toBe(50);
    expect(impliedPrevious(50, -50)).toBe(100);
    // Services trade: RM44.42 billion after 57.2% growth implies 44.42 / 1.572 ≈ RM28.26 billion the year before.
    expect(impliedPrevious(44.42, 57.2)).toBeCloseTo(28.257, 3);
  });

  it('refuses a fall of 100% or more, which implies no previous value', () => {
    expect(() => impliedPrevious(1, -100)).toThrow('implies no previous value');
  });
});
