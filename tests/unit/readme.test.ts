/**
 * README's "How to add an agreement" example is the first thing a new maintainer copies, so it must be valid
 * as it stands: YAML as Astro reads frontmatter, the real agreement schema, references to entries that exist,
 * and comments that list every value each enumerated field accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CONFIDENCE_LEVELS, DOCUMENT_TYPES, STATUSES, UPDATE_KINDS } from '../../src/lib/schema';
import { readContent, withPlainIds } from '../support/content';
import { projectRoot } from '../../scripts/lib/project-root';
import { schemas } from '../support/schemas';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const section = readme.split('## How to add an agreement')[1] ?? '';
const example = /```mdx\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(example)?.[1] ?? '';

/** The values a comment lists after `key:` in the example, e.g. `# confirmed | single-source | uncertain`. */
function listedValues(key: string): string[] {
  const line = frontmatter.split('\n').find((l) => l.trimStart().startsWith(`${key}:`)) ?? '';
  const comment = line.split('#')[1] ?? '';
  return [...comment.matchAll(/([a-z-]+)\s*(?:\||$|\()/g)].map((m) => m[1] ?? '');
}

describe("README's example agreement", () => {
  it('is in the section, with frontmatter and a body', () => {
    expect(frontmatter).toContain('title:');
    expect(example.split('---')[2]?.trim()).toMatch(/^## /);
  });

  it('parses as YAML, as Astro reads frontmatter, and passes the agreement schema', () => {
    const parsed = schemas.agreement.safeParse(load(frontmatter));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('names only actors, themes, an event and sources that exist in content/', () => {
    const content = readContent();
    const data = withPlainIds(schemas.agreement.parse(load(frontmatter))) as {
      event: string;
      malaysianParties: string[];
      chineseParties: string[];
      signatories: string[];
      themes: string[];
      sources: { source: string }[];
      related: string[];
    };
    const ids = (entries: { id: string }[]) => entries.map((e) => e.id);
    expect(ids(content.events)).toContain(data.event);
    for (const actor of [...data.malaysianParties, ...data.chineseParties, ...data.signatories]) {
      expect(ids(content.actors)).toContain(actor);
    }
    for (const theme of data.themes) expect(ids(content.themes)).toContain(theme);
    for (const { source } of data.sources) expect(ids(content.sources)).toContain(source);
    for (const related of data.related) expect(ids(content.agreements)).toContain(related);
  });

  it.each([
    ['type', DOCUMENT_TYPES],
    ['status', STATUSES],
    ['confidence', CONFIDENCE_LEVELS],
    ['kind', UPDATE_KINDS],
  ])('lists every value %s accepts in its comment', (key, values) => {
    expect(listedValues(key)).toEqual([...values]);
  });
});
