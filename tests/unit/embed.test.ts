import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  embedOrder,
  embedRow,
  embedSelection,
  fromEmbedRow,
  iframeCode,
  summarize,
  type EmbedItem,
  type SummaryWords,
} from '../../src/lib/embed';
import { precisionOf } from '../../src/lib/dates';
import { emptyCriteria, facetRow, fromFacetRow, type FacetValues } from '../../src/lib/filter';

const words: SummaryWords = {
  count: '{n} agreements',
  one: '1 agreement',
  facets: {
    theme: 'theme: {values}',
    type: 'type: {values}',
    year: '{values}',
    my: 'MY: {values}',
    cn: 'CN: {values}',
  },
  or: ' or ',
  separator: ' · ',
};
const labels: Record<string, string> = { ai: 'AI', 'digital-economy': 'Digital economy', mou: 'MoU', ndrc: 'NDRC' };
const label = (_facet: string, value: string) => labels[value] ?? value;

describe('summarize', () => {
  it('states only the count when nothing is chosen', () => {
    expect(summarize(22, emptyCriteria(), label, words)).toBe('22 agreements');
  });

  it('says "1 agreement" for one, and "0 agreements" for none', () => {
    expect(summarize(1, emptyCriteria(), label, words)).toBe('1 agreement');
    expect(summarize(0, { ...emptyCriteria(), year: ['2031'] }, label, words)).toBe('0 agreements · 2031');
  });

  it('lists chosen facets in the panel’s order, with labels, values of one facet joined by "or"', () => {
    const criteria = { ...emptyCriteria(), year: ['2025'], cn: ['ndrc'], theme: ['ai', 'digital-economy'] };
    expect(summarize(3, criteria, label, words)).toBe('3 agreements · theme: AI or Digital economy · 2025 · CN: NDRC');
  });
});

describe('iframeCode', () => {
  it('is an iframe with the absolute src, a title, full width and a height', () => {
    expect(iframeCode('https://example.org/embed/timeline/', 'Timeline', 600)).toBe(
      '<iframe src="https://example.org/embed/timeline/" title="Timeline" width="100%" height="600" loading="lazy"></iframe>',
    );
  });

  it('escapes ampersands and quotes, so the query survives pasting into HTML', () => {
    const code = iframeCode('https://example.org/embed/timeline/?theme=ai&year=2025', 'A "quoted" <title>', 400);
    expect(code).toContain('src="https://example.org/embed/timeline/?theme=ai&amp;year=2025"');
    expect(code).toContain('title="A &quot;quoted&quot; &lt;title&gt;"');
    const frame = parse(code).querySelector('iframe');
    expect(frame?.getAttribute('src')).toBe('https://example.org/embed/timeline/?theme=ai&year=2025');
    expect(frame?.getAttribute('title')).toBe('A "quoted" <title>');
  });
});

describe('embed rows', () => {
  const items: EmbedItem[] = [
    { id: 'ai-mou', type: 'mou', date: { value: '2025-04-16', precision: 'day' }, shortTitle: 'AI MoU' },
    { id: 'crime', type: 'agreement', date: { value: '2024-06', precision: 'month' }, shortTitle: 'Crime, "joint"' },
    { id: 'expo', type: 'other', date: { value: '2019', precision: 'year' }, shortTitle: 'Expo note' },
  ];

  it('keeps id, type, date value and short title, and reads the precision back from the value', () => {
    expect(embedRow(items[0] as EmbedItem)).toEqual(['ai-mou', 'mou', '2025-04-16', 'AI MoU']);
    for (const item of items) expect(fromEmbedRow(JSON.parse(JSON.stringify(embedRow(item))))).toEqual(item);
  });

  it('refuses a row whose date has no known shape', () => {
    expect(() => fromEmbedRow(['x', 'mou', '16 April 2025', 'X'])).toThrow(/x: "16 April 2025" is not a date/);
  });
});

describe('embedSelection', () => {
  const values = (theme: string[], year: string, type = 'mou'): FacetValues => ({
    theme,
    type: [type],
    year: [year],
    my: ['miti'],
    cn: [],
  });
  // The facet index as the timeline serves it: rows, in timeline order (newest year first).
  const index = [
    facetRow('a25', values(['ai'], '2025')),
    facetRow('b25', values(['trade'], '2025')),
    facetRow('c24', values(['ai'], '2024', 'protocol')),
    facetRow('d24', values(['ai', 'trade'], '2024')),
    facetRow('e19', values(['ai'], '2019')),
    facetRow('f19', values(['trade'], '2019')),
    facetRow('g18', values(['trade'], '2018')),
  ].map(fromFacetRow);
  // The page holds 2025 and the newest of 2024.
  const onPage = new Set(['a25', 'b25', 'd24']);

  it('selects every match of the whole record in timeline order, and the years holding those the page lacks', () => {
    const ai = { ...emptyCriteria(), theme: ['ai'] };
    expect(embedSelection(index, ai, onPage)).toEqual({ ids: ['a25', 'c24', 'd24', 'e19'], years: ['2024', '2019'] });
  });

  it('loads no year when every match is on the page, and only an old year for that year', () => {
    expect(embedSelection(index, { ...emptyCriteria(), year: ['2025'] }, onPage)).toEqual({
      ids: ['a25', 'b25'],
      years: [],
    });
    expect(embedSelection(index, { ...emptyCriteria(), year: ['2018'] }, onPage)).toEqual({
      ids: ['g18'],
      years: ['2018'],
    });
  });

  it('combines facets as the timeline does: any value of a facet, every facet', () => {
    const criteria = { ...emptyCriteria(), theme: ['ai', 'trade'], type: ['mou'], year: ['2024', '2019'] };
    expect(embedSelection(index, criteria, onPage)).toEqual({ ids: ['d24', 'e19', 'f19'], years: ['2019'] });
  });

  it('selects nothing, and loads nothing, when nothing matches', () => {
    const criteria = { ...emptyCriteria(), type: ['protocol'], year: ['2018'] };
    expect(embedSelection(index, criteria, onPage)).toEqual({ ids: [], years: [] });
  });
});

describe('embedOrder', () => {
  const item = (id: string, value: string) => ({ id, date: { value, precision: precisionOf(value) ?? 'year' } });
  // As the timeline gives them: 2025 first, then 2024, each year oldest first, a month after its days.
  const timeline = [
    item('apr16', '2025-04-16'),
    item('apr', '2025-04'),
    item('jun19', '2024-06-19'),
    item('jun20a', '2024-06-20'),
    item('jun20b', '2024-06-20'),
    item('y2024', '2024'),
  ];

  it('lists newest first across and within years, a month or year before the days it holds', () => {
    expect(embedOrder(timeline).map((i) => i.id)).toEqual(['apr', 'apr16', 'y2024', 'jun20a', 'jun20b', 'jun19']);
  });

  it('keeps items of one date in the order they came, and leaves its input alone', () => {
    const swapped = [timeline[4], timeline[3]].filter((i) => i !== undefined);
    expect(embedOrder(swapped).map((i) => i.id)).toEqual(['jun20b', 'jun20a']);
    expect(timeline[0]?.id).toBe('apr16');
  });
});
