/**
 * Broken content fails the build with a message naming the file, the field and the value.
 * Each case is the valid fixture in tests/fixtures/minimal with one thing broken, built in isolation.
 */
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/project-root';
import { copyProject, runAstro } from '../../scripts/lib/project-copy';

const fixture = join(projectRoot, 'tests/fixtures/minimal/content');

/** Rewrites a file of the copied content with a string replacement, failing loudly if the text is absent. */
function edit(content: string, file: string, from: string, to: string): void {
  const path = join(content, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`Fixture ${file} no longer contains ${JSON.stringify(from)}`);
  writeFileSync(path, text.replace(from, to));
}

interface BadCase {
  name: string;
  breakIt(content: string): void;
  /** Strings the build's output must contain: the file, the field and the value. */
  expected: string[];
}

const AGREEMENT = 'agreements/ai-mou.mdx';
const cases: BadCase[] = [
  {
    name: 'missing title',
    breakIt: (c) => edit(c, AGREEMENT, 'title: Memorandum of Understanding on Artificial Intelligence\n', ''),
    // Astro's own wording was "**title**: **title**: Required".
    expected: ['ai-mou', 'title: required, but missing'],
  },
  {
    name: 'an unquoted date, which YAML reads as a date rather than text',
    breakIt: (c) => edit(c, AGREEMENT, 'lastReviewed: "2026-11-23"', 'lastReviewed: 2026-11-23'),
    expected: ['ai-mou', 'lastReviewed: expected text, received an unquoted date: write it in quotes, "2026-11-23"'],
  },
  {
    name: 'one id where a list is expected',
    breakIt: (c) => edit(c, AGREEMENT, 'chineseParties: [ndrc]', 'chineseParties: ndrc'),
    expected: ['ai-mou', 'chineseParties: expected a list, received "ndrc"'],
  },
  {
    name: 'impossible date 2024-02-30',
    breakIt: (c) => edit(c, AGREEMENT, '"2025-04-16"', '"2024-02-30"'),
    expected: ['ai-mou', 'date.value', '2024-02-30'],
  },
  {
    name: 'date precision contradicting the date',
    breakIt: (c) =>
      edit(
        c,
        AGREEMENT,
        'date: { value: "2025-04-16", precision: day }',
        'date: { value: "2025-04-16", precision: month }',
      ),
    expected: ['ai-mou', 'date.precision', 'month'],
  },
  {
    name: 'unknown document type',
    breakIt: (c) => edit(c, AGREEMENT, 'type: mou', 'type: treaty-ish'),
    expected: ['ai-mou', 'type', 'treaty-ish'],
  },
  {
    name: 'no source',
    breakIt: (c) =>
      edit(c, AGREEMENT, 'sources:\n  - source: fixture-report\n    supports: date and parties\n', 'sources: []\n'),
    expected: ['ai-mou', 'sources', 'needs at least one source'],
  },
  {
    name: 'source URL that is not https',
    breakIt: (c) => edit(c, 'sources.yaml', 'https://example.org/fixture-report', 'http://example.org/fixture-report'),
    expected: ['fixture-report', 'url', 'http://example.org/fixture-report'],
  },
  {
    name: 'reference to a missing theme',
    breakIt: (c) => edit(c, AGREEMENT, 'themes: [ai]', 'themes: [quantum]'),
    expected: ['content/agreements/ai-mou.mdx', 'themes.0', 'quantum'],
  },
  {
    name: 'reference to a missing actor',
    breakIt: (c) => edit(c, AGREEMENT, 'chineseParties: [ndrc]', 'chineseParties: [mofcom]'),
    expected: ['content/agreements/ai-mou.mdx', 'chineseParties.0', 'mofcom'],
  },
  {
    name: 'reference to a missing event',
    breakIt: (c) => edit(c, AGREEMENT, 'event: state-visit', 'event: moon-landing'),
    expected: ['content/agreements/ai-mou.mdx', 'event', 'moon-landing'],
  },
  {
    name: 'reference to a missing source',
    breakIt: (c) => edit(c, AGREEMENT, '  - source: fixture-report', '  - source: rumour-mill'),
    expected: ['content/agreements/ai-mou.mdx', 'sources.0.source', 'rumour-mill'],
  },
  {
    name: 'duplicate id across files',
    breakIt: (c) => writeFileSync(join(c, 'agreements/AI-MOU.mdx'), readFileSync(join(c, AGREEMENT))),
    expected: ['ai-mou', 'AI-MOU.mdx', 'ai-mou.mdx'],
  },
  {
    name: 'duplicate id inside a data file',
    breakIt: (c) =>
      appendFileSync(join(c, 'actors.yaml'), '- id: ndrc\n  name: Again\n  country: CN\n  kind: agency\n'),
    expected: ['content/actors.yaml', 'item 3', 'field "id" value "ndrc"'],
  },
  {
    name: 'body with no source for what its entry says',
    breakIt: (c) =>
      appendFileSync(join(c, 'actors.yaml'), '- id: some-office\n  name: Some Office\n  country: MY\n  kind: agency\n'),
    expected: ['content/actors.yaml', 'some-office', 'sources: required, but missing'],
  },
  {
    name: 'event that ends before it starts',
    breakIt: (c) => edit(c, 'events/state-visit.mdx', 'end: { value: "2025-04-17"', 'end: { value: "2025-04-14"'),
    expected: ['state-visit', 'end.value', '2025-04-14'],
  },
  {
    name: 'updates out of order',
    breakIt: (c) =>
      edit(
        c,
        AGREEMENT,
        'added: "2026-11-23"',
        'added: "2026-11-23"\nupdates:\n  - { date: "2026-11-30", kind: correction, note: Later. }\n  - { date: "2026-11-25", kind: status, note: Earlier. }',
      ),
    expected: ['ai-mou', 'updates.1.date', '2026-11-25'],
  },
  {
    name: 'empty summary',
    breakIt: (c) => edit(c, AGREEMENT, 'summary: A fixture agreement used by the build tests.', 'summary: ""'),
    expected: ['ai-mou', 'summary', 'must not be empty'],
  },
  {
    name: 'invalid MDX',
    breakIt: (c) => edit(c, AGREEMENT, 'A fixture body.', 'A fixture body with <unclosed and {broken'),
    expected: ['ai-mou.mdx'],
  },
  {
    name: 'markup in a body, which MDX would run',
    breakIt: (c) => edit(c, AGREEMENT, 'A fixture body.', 'A fixture body.\n\n<img src="x" onerror="alert(1)" />'),
    expected: ['ai-mou.mdx:', 'body', '<img src="x"'],
  },
  {
    name: 'javascript: link in a body',
    breakIt: (c) => edit(c, AGREEMENT, 'A fixture body.', 'A fixture body with [a link](javascript:alert(1)).'),
    expected: ['ai-mou.mdx:', 'body', '](javascript:'],
  },
  {
    name: 'agreement dated outside its event',
    breakIt: (c) => edit(c, AGREEMENT, '"2025-04-16"', '"2025-05-16"'),
    expected: ['content/agreements/ai-mou.mdx', 'date.value', '2025-05-16', 'state-visit'],
  },
  {
    name: 'document counted separately from an event it is not part of',
    breakIt: (c) => {
      edit(c, AGREEMENT, 'event: state-visit\n', '');
      edit(c, 'events/state-visit.mdx', '{ count: 31 }', '{ count: 31, countedSeparately: [ai-mou] }');
    },
    expected: ['content/events/state-visit.mdx', 'documentsReported.countedSeparately.0', 'ai-mou'],
  },
  {
    name: 'source that no entry cites',
    breakIt: (c) =>
      appendFileSync(
        join(c, 'sources.yaml'),
        '- id: orphan\n  publisher: Nobody\n  url: https://example.org/orphan\n  kind: news-report\n',
      ),
    expected: ['content/sources.yaml', 'id', 'orphan', 'cited by no entry'],
  },
  {
    name: 'missing data file',
    breakIt: (c) => rmSync(join(c, 'figures.yaml')),
    expected: ['figures.yaml', 'not found'],
  },
  {
    name: 'empty data file',
    breakIt: (c) => writeFileSync(join(c, 'figures.yaml'), ''),
    expected: ['figures.yaml', 'expected a YAML list'],
  },
];

describe('the valid fixture', () => {
  it('builds, so each failure below is caused by its one change', async () => {
    const dir = copyProject('valid-fixture', fixture);
    const result = await runAstro(dir, ['build']);
    expect(result.output).toContain('Indexed');
    expect(result.code).toBe(0);
  });
});

describe(`${cases.length} kinds of broken content each fail the build, naming file, field and value`, () => {
  it.concurrent.each(cases)('$name', async ({ name, breakIt, expected }) => {
    const dir = copyProject(`bad-${name.replace(/\W+/g, '-')}`, fixture);
    breakIt(join(dir, 'content'));
    const result = await runAstro(dir, ['build']);
    expect(result.code, result.output).not.toBe(0);
    for (const text of expected) expect(result.output).toContain(text);
    // Where Astro names a location, it is the content file, not its own code, which led a maintainer off.
    expect(result.output).not.toMatch(/Location:\s+\S*node_modules/);
  });
});
