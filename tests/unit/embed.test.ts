import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { iframeCode, summarize, type SummaryWords } from '../../src/lib/embed';
import { emptyCriteria } from '../../src/lib/filter';

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
