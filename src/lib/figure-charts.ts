/**
 * The charts on /figures/, worked out from the record's figures: which charts can be drawn, their bars, the
 * values the site derives for them, and where their figures come from. The page only lays them out.
 */
import { LOCALE } from '../i18n/locale';
import { t } from '../i18n/ui';
import { change, impliedPrevious, type BarDatum } from './charts';
import { withUnit } from './quantity';
import type { CONFIDENCE_LEVELS } from './schema';

/** What a chart reads of a figure; a figure entry of the record has all of it. */
export interface ChartFigure {
  id: string;
  data: {
    value: number;
    unit: string;
    year: number;
    confidence: { level: (typeof CONFIDENCE_LEVELS)[number] };
    sources: readonly { source: { id: string } }[];
  };
}

/** A value shown beside a chart: a quoted figure, or one the site derived, marked as such. */
export interface ChartNote {
  term: string;
  value: string;
  derived: boolean;
}

/** One chart: its title and text alternative, its bars with their printed values, notes and figures. */
export interface FigureChart<F extends ChartFigure> {
  id: string;
  title: string;
  description: string;
  bars: (BarDatum & { valueText: string })[];
  notes: ChartNote[];
  /** The figures the chart draws on, for its sources, years and data rows. */
  figures: F[];
}

const number = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const signed = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const signedPercent = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });

/** A figure's value as the figures table and the charts quote it: "RM484.12 billion", "16.8%". */
export function quotedValue(figure: ChartFigure): string {
  return withUnit(number.format(figure.data.value), figure.data.unit);
}

/** Total trade, two years side by side, with the change between them that the site works out. */
function tradeChart<F extends ChartFigure>(from: F, to: F, reportedGrowth: F | undefined): FigureChart<F> {
  const delta = change(from.data.value, to.data.value);
  const changeText = withUnit(signed.format(delta.absolute), to.data.unit);
  const percentText = `${signedPercent.format(delta.percent)}%`;
  return {
    id: 'chart-trade',
    title: t('charts.trade.title'),
    description: t('charts.trade.desc', {
      a: quotedValue(from),
      b: quotedValue(to),
      change: changeText,
      percent: percentText,
    }),
    bars: [from, to].map((f) => ({
      label: String(f.data.year),
      value: f.data.value,
      valueText: number.format(f.data.value),
    })),
    notes: [
      { term: t('charts.change'), value: `${changeText} (${percentText})`, derived: true },
      // A growth rate a report gives, beside the site's own, so a reader sees where the two differ.
      ...(reportedGrowth ? [{ term: t('charts.growth'), value: quotedValue(reportedGrowth), derived: false }] : []),
    ],
    figures: [from, to, ...(reportedGrowth ? [reportedGrowth] : [])],
  };
}

/** Services trade in one year, and the year before as its reported growth implies it (a derived bar). */
function servicesChart<F extends ChartFigure>(services: F, growth: F): FigureChart<F> {
  const implied = impliedPrevious(services.data.value, growth.data.value);
  const impliedText = t('charts.about', { value: oneDecimal.format(implied) });
  const impliedAmount = t('charts.about', { value: withUnit(oneDecimal.format(implied), services.data.unit) });
  return {
    id: 'chart-services',
    title: t('charts.services.title'),
    description: t('charts.services.desc', {
      value: quotedValue(services),
      growth: `${number.format(growth.data.value)}%`,
      implied: impliedAmount,
    }),
    bars: [
      {
        label: t('charts.derivedLabel', { year: services.data.year - 1 }),
        value: implied,
        derived: true,
        valueText: impliedText,
      },
      { label: String(services.data.year), value: services.data.value, valueText: number.format(services.data.value) },
    ],
    notes: [
      { term: t('charts.growth'), value: quotedValue(growth), derived: false },
      { term: t('charts.implied'), value: impliedAmount, derived: true },
    ],
    figures: [services, growth],
  };
}

/**
 * The charts the record's figures allow, in page order. A chart whose figures are not all in the record is
 * left out rather than drawn with a gap.
 */
export function figureCharts<F extends ChartFigure>(figures: readonly F[]): FigureChart<F>[] {
  const byId = (id: string) => figures.find((f) => f.id === id);
  const trade2023 = byId('bilateral-trade-2023');
  const trade2024 = byId('bilateral-trade-2024');
  const services = byId('services-trade-2024');
  const servicesGrowth = byId('services-trade-growth-2024');
  return [
    ...(trade2023 && trade2024 ? [tradeChart(trade2023, trade2024, byId('bilateral-trade-growth-2024'))] : []),
    ...(services && servicesGrowth ? [servicesChart(services, servicesGrowth)] : []),
  ];
}

/** The sources of a chart's figures, grouped by the year the figures refer to, oldest first, each id once. */
export function chartSources(figures: readonly ChartFigure[]): { year: number; ids: string[] }[] {
  return [...new Set(figures.map((f) => f.data.year))]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      ids: [
        ...new Set(figures.filter((f) => f.data.year === year).flatMap((f) => f.data.sources.map((c) => c.source.id))),
      ],
    }));
}

/** The confidence levels of a chart's figures, each once, in the order the figures come. */
export function chartConfidence(figures: readonly ChartFigure[]): ChartFigure['data']['confidence']['level'][] {
  return [...new Set(figures.map((f) => f.data.confidence.level))];
}
