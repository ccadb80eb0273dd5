/**
 * Chart geometry for the small build-time SVG charts on /figures/: pure functions from numbers to
 * coordinates, so the drawing component only places shapes. Bars always start at zero.
 */

/** One bar: a category label and a non-negative value; `derived` marks a value this site computed. */
export interface BarDatum {
  label: string;
  value: number;
  derived?: boolean;
}

/** Space around the plot, in SVG user units. */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The chart's size in SVG user units (its viewBox). */
export interface ChartSize {
  width: number;
  height: number;
}

/** Layout choices; every one has a default. */
export interface BarChartOptions {
  /** Room for value labels above the bars and category labels below the baseline. */
  padding?: Partial<Padding>;
  /** The share of each bar's slot left empty between bars, from 0 (touching) to below 1. */
  gap?: number;
  /** The value of a bar of full plot height; defaults to the largest value. */
  max?: number;
}

/** A bar placed in the chart: the datum with its rectangle and the x of its centre. */
export interface PlacedBar extends BarDatum {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Horizontal centre, where the bar's labels go. */
  centre: number;
}

/** A vertical bar chart laid out in a `width` × `height` viewBox. */
export interface BarChartLayout {
  width: number;
  height: number;
  /** The y of the zero line, at the bottom of the plot. */
  baseline: number;
  /** The plot's left and right edges, for drawing the baseline. */
  plotLeft: number;
  plotRight: number;
  /** The value a full-height bar stands for. */
  max: number;
  bars: PlacedBar[];
}

const DEFAULT_PADDING: Padding = { top: 28, right: 8, bottom: 32, left: 8 };
const DEFAULT_GAP = 0.4;

/** Rounds to hundredths, so the SVG carries short numbers. */
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Lays out vertical bars left to right in equal slots across the plot, each bar centred in its slot,
 * with heights proportional to value from a zero baseline. Throws on a negative or non-finite value,
 * on a `max` below the largest value, and on a size that leaves no room to plot.
 */
export function barChart(data: readonly BarDatum[], size: ChartSize, options: BarChartOptions = {}): BarChartLayout {
  const padding = { ...DEFAULT_PADDING, ...options.padding };
  const gap = options.gap ?? DEFAULT_GAP;
  if (!(gap >= 0 && gap < 1)) throw new RangeError(`gap must be from 0 to below 1, received ${gap}`);
  for (const d of data) {
    if (!Number.isFinite(d.value) || d.value < 0) {
      throw new RangeError(`bar "${d.label}" has value ${d.value}; bars need a finite value of zero or more`);
    }
  }
  const largest = Math.max(0, ...data.map((d) => d.value));
  const max = options.max ?? largest;
  if (!(max >= largest)) throw new RangeError(`max ${max} is below the largest value ${largest}`);
  const plotWidth = size.width - padding.left - padding.right;
  const plotHeight = size.height - padding.top - padding.bottom;
  if (!(plotWidth > 0 && plotHeight > 0)) {
    throw new RangeError(`a ${size.width} × ${size.height} chart leaves no room to plot inside its padding`);
  }
  const baseline = padding.top + plotHeight;
  const slot = data.length > 0 ? plotWidth / data.length : 0;
  const barWidth = slot * (1 - gap);
  const bars = data.map((d, i): PlacedBar => {
    const height = max > 0 ? (d.value / max) * plotHeight : 0;
    const x = padding.left + i * slot + (slot - barWidth) / 2;
    return {
      ...d,
      x: round(x),
      y: round(baseline - height),
      width: round(barWidth),
      height: round(height),
      centre: round(x + barWidth / 2),
    };
  });
  return {
    width: size.width,
    height: size.height,
    baseline: round(baseline),
    plotLeft: padding.left,
    plotRight: round(padding.left + plotWidth),
    max,
    bars,
  };
}

/** The change from one value to another: the difference, and the difference as a percentage of the first. */
export interface Change {
  absolute: number;
  percent: number;
}

/** The change from `from` to `to`; throws when `from` is zero, where a percentage means nothing. */
export function change(from: number, to: number): Change {
  if (from === 0) throw new RangeError('no percentage change from zero');
  return { absolute: to - from, percent: ((to - from) / from) * 100 };
}

/**
 * The previous period's value implied by this period's value and its growth in per cent:
 * 44.42 after growth of 57.2% implies 44.42 / 1.572 ≈ 28.26 the year before.
 */
export function impliedPrevious(value: number, growthPercent: number): number {
  if (!(growthPercent > -100)) throw new RangeError(`growth of ${growthPercent}% implies no previous value`);
  return value / (1 + growthPercent / 100);
}
