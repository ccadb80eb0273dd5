import { describe, expect, it } from 'vitest';
import { collectRefs, findProblems, formatProblems, type CheckedEntry } from '../../src/lib/integrity';

const source = (id: string): CheckedEntry => ({
  collection: 'sources',
  id,
  filePath: 'content/sources.yaml',
  refs: [],
});
const agreement = (over: Partial<CheckedEntry> = {}): CheckedEntry => ({
  collection: 'agreements',
  id: 'ai-mou',
  filePath: 'content/agreements/ai-mou.mdx',
  refs: [
    { field: 'themes.0', ref: { collection: 'themes', id: 'ai' } },
    { field: 'sources.0.source', ref: { collection: 'sources', id: 'star' } },
    { field: 'event', ref: { collection: 'events', id: 'xi-visit' } },
  ],
  date: { value: '2025-04-16', precision: 'day' },
  event: 'xi-visit',
  ...over,
});
const theme: CheckedEntry = { collection: 'themes', id: 'ai', filePath: 'content/themes/ai.mdx', refs: [] };
const event: CheckedEntry = {
  collection: 'events',
  id: 'xi-visit',
  filePath: 'content/events/xi-visit.mdx',
  refs: [],
  span: { start: { value: '2025-04-15', precision: 'day' }, end: { value: '2025-04-17', precision: 'day' } },
};

describe('findProblems', () => {
  it('accepts a record that holds together', () => {
    expect(findProblems([agreement(), theme, event, source('star')])).toEqual([]);
  });

  it('reports a reference to a missing entry with file, field and value', () => {
    const problems = findProblems([agreement(), event, source('star')]);
    expect(problems).toEqual([
      expect.objectContaining({ filePath: 'content/agreements/ai-mou.mdx', field: 'themes.0', value: 'ai' }),
    ]);
    expect(formatProblems(problems)).toContain('content/agreements/ai-mou.mdx: field "themes.0" value "ai"');
  });

  it('reports an agreement dated outside its event', () => {
    const late = agreement({ date: { value: '2025-05-01', precision: 'day' } });
    expect(findProblems([late, theme, event, source('star')])).toEqual([
      expect.objectContaining({ field: 'date.value', value: '2025-05-01' }),
    ]);
  });

  it('accepts a month-precise date that overlaps its event', () => {
    const vague = agreement({ date: { value: '2025-04', precision: 'month' } });
    expect(findProblems([vague, theme, event, source('star')])).toEqual([]);
  });

  it('accepts a document counted separately from its own event, and reports one of another event', () => {
    const separate = { ...event, countedSeparately: ['ai-mou'] };
    expect(findProblems([agreement(), theme, separate, source('star')])).toEqual([]);
    const elsewhere = agreement({ event: 'li-visit', date: { value: '2025-04-16', precision: 'day' } });
    const problems = findProblems([elsewhere, theme, separate, source('star')]);
    expect(problems).toEqual([
      expect.objectContaining({
        filePath: 'content/events/xi-visit.mdx',
        field: 'documentsReported.countedSeparately.0',
        value: 'ai-mou',
      }),
    ]);
    expect(problems[0]?.message).toContain('"li-visit"');
  });

  it('reports a source that nothing cites', () => {
    expect(findProblems([agreement(), theme, event, source('star'), source('orphan')])).toEqual([
      expect.objectContaining({ filePath: 'content/sources.yaml', field: 'id', value: 'orphan' }),
    ]);
  });
});

describe('collectRefs', () => {
  it('finds references at any depth, with their field paths', () => {
    const data = {
      title: 'x',
      event: { collection: 'events', id: 'e' },
      sources: [{ source: { collection: 'sources', id: 's' }, supports: 'date' }],
      themes: [
        { collection: 'themes', id: 'a' },
        { collection: 'themes', id: 'b' },
      ],
    };
    expect(collectRefs(data).map((r) => `${r.field}=${r.ref.collection}/${r.ref.id}`)).toEqual([
      'event=events/e',
      'sources.0.source=sources/s',
      'themes.0=themes/a',
      'themes.1=themes/b',
    ]);
  });
});
