/** The charts of /figures/, from small hand-made figures whose changes and implied values are worked out by hand. */
import { describe, expect, it } from 'vitest';
import {
  chartConfidence,
  chartSources,
  figureCharts,
  quotedValue,
  type ChartFigure,
} from '../../src/lib/figure-charts';

const fig = (
  id: string,
  value: number,
  unit: string,
  year: number,
  sources: string[] = ['matrade'],
  level: ChartFigure['data']['confidence']['level'] = 'confirmed',
): ChartFigure => ({
  id,
  data: { value, unit, year, confidence: { level }, sources: sources.map((source) => ({ source: { id: source } })) },
});

const trade2023 = fig('bilateral-trade-2023', 450.84, 'RM billion', 2023);
const trade2024 = fig('bilateral-trade-2024', 484.12, 'RM billion', 2024);
const tradeGrowth = fig('bilateral-trade-growth-2024', 7.4, '%', 2024, ['bernama'], 'single-source');
const services = fig('services-trade-2024', 44.42, 'RM billion', 2024);
const servicesGrowth = fig('services-trade-growth-2024', 57.2, '%', 2024);
const unrelated = fig('malaysia-share-of-trade-2024', 16.8, '%', 2024);

describe('figureCharts', () => {
  it('draws the trade chart, then the services chart, when all their figures are in the record', () => {
    const charts = figureCharts([unrelated, servicesGrowth, trade2024, services, trade2023, tradeGrowth]);
    expect(charts.map((c) => c.id)).toEqual(['chart-trade', 'chart-services']);
  });

  it('puts the two years of trade side by side, oldest first, with the change the site works out', () => {
    const [trade] = figureCharts([trade2024, trade2023, tradeGrowth]);
    expect(trade?.bars).toEqual([
      { label: '2023', value: 450.84, valueText: '450.84' },
      { label: '2024', value: 484.12, valueText: '484.12' },
    ]);
    // 484.12 − 450.84 = 33.28, and 33.28 / 450.84 = 7.38%.
    expect(trade?.notes).toEqual([
      { term: 'Change from 2023 to 2024', value: '+RM33.28 billion (+7.4%)', derived: true },
      { term: 'Growth in 2024, as reported', value: '7.4%', derived: false },
    ]);
    expect(trade?.description).toContain('2023: RM450.84 billion. 2024: RM484.12 billion.');
    expect(trade?.description).toContain('+RM33.28 billion (+7.4%)');
    expect(trade?.figures).toEqual([trade2023, trade2024, tradeGrowth]);
  });

  it('draws the trade chart without a reported growth rate, and quotes none', () => {
    const [trade] = figureCharts([trade2023, trade2024]);
    expect(trade?.notes.map((n) => n.term)).toEqual(['Change from 2023 to 2024']);
    expect(trade?.figures).toEqual([trade2023, trade2024]);
  });

  it('gives the services chart a derived bar for the year before, implied by the reported growth', () => {
    const [chart] = figureCharts([services, servicesGrowth]);
    // 44.42 / 1.572 = 28.26.
    expect(chart?.bars[0]).toMatchObject({ label: '2023, derived', derived: true, valueText: 'about 28.3' });
    expect(chart?.bars[0]?.value).toBeCloseTo(28.257, 3);
    expect(chart?.bars[1]).toEqual({ label: '2024', value: 44.42, valueText: '44.42' });
    expect(chart?.notes).toEqual([
      { term: 'Growth in 2024, as reported', value: '57.2%', derived: false },
      { term: 'Implied 2023 value', value: 'about RM28.3 billion', derived: true },
    ]);
    expect(chart?.description).toContain('stands for about RM28.3 billion');
  });

  it('leaves out a chart one of whose figures is missing, rather than drawing it with a gap', () => {
    expect(figureCharts([trade2024, services, servicesGrowth]).map((c) => c.id)).toEqual(['chart-services']);
    expect(figureCharts([trade2023, trade2024, services]).map((c) => c.id)).toEqual(['chart-trade']);
    expect(figureCharts([unrelated])).toEqual([]);
  });
});

describe('chartSources and chartConfidence', () => {
  it('groups the sources by the year their figures refer to, oldest first, each source once a year', () => {
    const a = fig('a', 1, 'RM billion', 2024, ['matrade', 'bernama']);
    const b = fig('b', 2, 'RM billion', 2023, ['matrade']);
    const c = fig('c', 3, '%', 2024, ['bernama', 'the-star']);
    expect(chartSources([a, b, c])).toEqual([
      { year: 2023, ids: ['matrade'] },
      { year: 2024, ids: ['matrade', 'bernama', 'the-star'] },
    ]);
  });

  it('names each confidence level once, in the order of the figures', () => {
    expect(chartConfidence([trade2023, tradeGrowth, trade2024])).toEqual(['confirmed', 'single-source']);
  });
});

describe('quotedValue', () => {
  it('writes ringgit before the number and a percent sign against it', () => {
    expect(quotedValue(trade2024)).toBe('RM484.12 billion');
    expect(quotedValue(servicesGrowth)).toBe('57.2%');
    expect(quotedValue(fig('x', 1234.5, 'tonnes', 2024))).toBe('1,234.5 tonnes');
  });
});
