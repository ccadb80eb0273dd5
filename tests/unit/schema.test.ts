import { describe, expect, it } from 'vitest';
import { schemas, validAgreement, validEvent, validSource } from '../support/schemas';

/** The dotted paths of the issues a parse reports, or [] when it succeeds. */
function failingPaths(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  return result.success ? [] : (result.error?.issues ?? []).map((i) => i.path.join('.'));
}

describe('agreement schema', () => {
  it('accepts a complete agreement and turns ids into references', () => {
    const parsed = schemas.agreement.parse(validAgreement());
    expect(parsed.themes).toEqual([{ collection: 'themes', id: 'artificial-intelligence' }]);
    expect(parsed.sources[0]?.source).toEqual({ collection: 'sources', id: 'broadsheet-asia-2025-04-17' });
  });

  it.each([
    ['title', { title: undefined }, 'title'],
    ['empty summary', { summary: '   ' }, 'summary'],
    ['unknown document type', { type: 'treaty-ish' }, 'type'],
    ['impossible date', { date: { value: '2024-02-30', precision: 'day' } }, 'date.value'],
    ['precision contradicting the date', { date: { value: '2024-06-19', precision: 'month' } }, 'date.precision'],
    ['no source', { sources: [] }, 'sources'],
    ['no theme', { themes: [] }, 'themes'],
    ['no Malaysian party', { malaysianParties: [] }, 'malaysianParties'],
    ['unknown status', { status: { value: 'ratified-ish', checked: '2026-11-23' } }, 'status.value'],
    ['status checked on a non-day', { status: { value: 'exchanged', checked: '2026-11' } }, 'status.checked'],
    ['lastReviewed not a date', { lastReviewed: 'yesterday' }, 'lastReviewed'],
    ['unknown confidence', { confidence: { level: 'sure' } }, 'confidence.level'],
  ])('rejects %s at its field path', (_name, change, path) => {
    expect(failingPaths(schemas.agreement, { ...validAgreement(), ...change })).toContain(path);
  });

  it('names the value in the message for an impossible date and a contradicting precision', () => {
    const impossible = schemas.agreement.safeParse({
      ...validAgreement(),
      date: { value: '2024-02-30', precision: 'day' },
    });
    expect(impossible.error?.issues[0]?.message).toContain('2024-02-30');
    const contradicting = schemas.agreement.safeParse({
      ...validAgreement(),
      date: { value: '2024-06-19', precision: 'year' },
    });
    expect(contradicting.error?.issues[0]?.message).toContain('"year" contradicts the date "2024-06-19"');
  });
});

describe('messages for a missing field or a value of the wrong kind', () => {
  it.each([
    ['a missing summary', { summary: undefined }, 'summary', 'required, but missing'],
    [
      'one id where a list is expected',
      { chineseParties: 'mofcom' },
      'chineseParties',
      'expected a list, received "mofcom"',
    ],
    [
      'a "key: value" line in a list of text',
      { unknowns: [{ Everything: 'a test entry.' }] },
      'unknowns.0',
      'expected text, received {"Everything":"a test entry."}',
    ],
    ['a date written as a number', { lastReviewed: 20261123 }, 'lastReviewed', 'expected text, received 20261123'],
    [
      // js-yaml, as Astro reads frontmatter, turns an unquoted 2026-11-23 into a Date.
      'an unquoted date',
      { lastReviewed: new Date('2026-11-23T00:00:00Z') },
      'lastReviewed',
      'expected text, received an unquoted date: write it in quotes, "2026-11-23"',
    ],
    [
      'a missing document type',
      { type: undefined },
      'type',
      'required, but missing: one of "agreement", "protocol", "programme", "joint-statement", "mou", "letter-of-intent", "other"',
    ],
  ])('names %s and the value received', (_name, change, path, message) => {
    const parsed = schemas.agreement.safeParse({ ...validAgreement(), ...change });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([[path, message]]);
  });

  it('leaves the other messages as they were', () => {
    const parsed = schemas.agreement.safeParse({ ...validAgreement(), themes: [] });
    expect(parsed.error?.issues[0]?.message).toBe('needs at least one theme');
  });
});

describe('event schema', () => {
  it('accepts a valid event', () => {
    expect(failingPaths(schemas.event, validEvent())).toEqual([]);
  });
  it('rejects an event that ends before it starts, at end.value', () => {
    const backwards = { ...validEvent(), end: { value: '2025-04-14', precision: 'day' } };
    expect(failingPaths(schemas.event, backwards)).toEqual(['end.value']);
  });
  it('accepts a one-day event with no end and an event known only by year', () => {
    expect(failingPaths(schemas.event, { ...validEvent(), end: undefined })).toEqual([]);
    expect(
      failingPaths(schemas.event, { ...validEvent(), start: { value: '2025', precision: 'year' }, end: undefined }),
    ).toEqual([]);
  });
});

describe('actor schema', () => {
  const person = {
    id: 'someone',
    name: 'Some One',
    country: 'MY',
    kind: 'person',
    role: 'Minister',
    sources: [{ source: 's', supports: 'office' }],
  };
  it('accepts a person or a body that cites a source', () => {
    expect(failingPaths(schemas.actor, person)).toEqual([]);
    expect(failingPaths(schemas.actor, { ...person, kind: 'ministry', role: undefined })).toEqual([]);
  });
  it.each(['person', 'ministry'])('rejects a %s with no source, at sources', (kind) => {
    for (const sources of [[], undefined]) {
      const parsed = schemas.actor.safeParse({ ...person, kind, sources });
      expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['sources']);
    }
    const parsed = schemas.actor.safeParse({ ...person, kind, sources: [] });
    expect(parsed.error?.issues[0]?.message).toBe('needs at least one source');
  });
});

describe('source schema', () => {
  it('accepts an https source without a known date', () => {
    expect(failingPaths(schemas.source, { ...validSource(), published: undefined })).toEqual([]);
  });
  it('rejects a URL that is not https, naming the value', () => {
    const result = schemas.source.safeParse({ ...validSource(), url: 'http://en.people.cn/n3/2024/0619/x.html' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['url']);
    expect(result.error?.issues[0]?.message).toContain('http://en.people.cn');
  });
  it('rejects an id that cannot be a URL segment', () => {
    expect(failingPaths(schemas.source, { ...validSource(), id: 'The Star!' })).toEqual(['id']);
  });
});
