/**
 * The benchmark's synthetic content is deterministic and valid against the real content model: every entry
 * passes its schema, references resolve, sources are all cited, dates fall within their events, bodies are plain.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { join } from 'node:path';
import { generateContent } from '../../scripts/bench/generate.ts';
import { readProseCorpus } from '../../scripts/bench/prose.ts';
import { collectRefs, findProblems, type CheckedEntry } from '../../src/lib/integrity';
import { findMarkup } from '../../src/lib/plain-body';
import { createSchemas, type ReferenceFactory } from '../../src/lib/schema';
import { z } from 'astro/zod';
import { projectRoot } from '../../scripts/lib/project-root';

const corpus = readProseCorpus(join(projectRoot, 'content'));

const reference = ((collection: string) =>
  z.string().transform((id) => ({ collection, id }))) as unknown as ReferenceFactory;
const schemas = createSchemas(reference);

function frontmatter(text: string): { data: unknown; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('no frontmatter');
  return { data: parse(match[1] ?? ''), body: match[2] ?? '' };
}

function validate(size: number) {
  const generated = generateContent(size, corpus, 7);
  const entries: CheckedEntry[] = [];
  const words: number[] = [];
  const collections = {
    agreements: schemas.agreement,
    themes: schemas.theme,
    events: schemas.event,
  } as const;
  for (const [path, text] of generated.files) {
    const [folder, name] = path.split('/') as [string, string | undefined];
    if (name === undefined) {
      if (path === 'redirects.yaml') continue;
      const key = path.replace('.yaml', '') as 'actors' | 'sources' | 'figures';
      const schema = { actors: schemas.actor, sources: schemas.source, figures: schemas.figure }[key];
      for (const item of parse(text) as unknown[]) {
        const data = schema.parse(item) as { id: string };
        entries.push({ collection: key, id: data.id, filePath: path, refs: collectRefs(data) });
      }
      continue;
    }
    const { data: raw, body } = frontmatter(text);
    expect(findMarkup(text), path).toEqual([]);
    expect(body).not.toMatch(/[<{}]/);
    const id = name.replace(/\.mdx$/, '');
    const data = collections[folder as keyof typeof collections].parse(raw) as unknown as Record<string, unknown>;
    const entry: CheckedEntry = { collection: folder, id, filePath: path, refs: collectRefs(data) };
    if (folder === 'agreements') {
      const d = data as unknown as { date: { value: string; precision: 'day' }; event?: { id: string } };
      entry.date = d.date;
      entry.event = d.event?.id;
      words.push(body.split(/\s+/).filter((w) => /\w/.test(w) && !w.startsWith('#')).length);
    }
    if (folder === 'events') {
      const d = data as unknown as {
        start: { value: string; precision: 'day' };
        end?: { value: string; precision: 'day' };
      };
      entry.span = { start: d.start, end: d.end ?? d.start };
    }
    entries.push(entry);
  }
  return { generated, entries, words };
}

describe('generateContent', () => {
  it.each([1, 30, 300])('makes a valid record of %i agreements', (size) => {
    const { generated, entries, words } = validate(size);
    expect(findProblems(entries)).toEqual([]);
    expect(entries.filter((e) => e.collection === 'agreements')).toHaveLength(size);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(300);
    expect(Math.max(...words)).toBeLessThanOrEqual(820);
    expect(generated.counts.agreements).toBe(size);
    const bodies = [...generated.files].filter(([p]) => p.startsWith('agreements/')).map(([, t]) => t);
    expect(bodies.filter((t) => t.includes(generated.rareWord))).toHaveLength(1);
    expect(bodies.filter((t) => t.includes(generated.commonWord)).length).toBe(size);
    expect(generated.files.has(`agreements/${generated.agreementId}.mdx`)).toBe(true);
    expect(generated.files.has(`themes/${generated.themeId}.mdx`)).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateContent(50, corpus, 3);
    const b = generateContent(50, corpus, 3);
    const c = generateContent(50, corpus, 4);
    expect([...a.files]).toEqual([...b.files]);
    expect([...a.files]).not.toEqual([...c.files]);
  });

  it('writes bodies with the words of the real record at its rates, not every word on every page', () => {
    const bodies = [...generateContent(300, corpus, 7).files]
      .filter(([p]) => p.startsWith('agreements/'))
      .map(
        ([, text]) =>
          frontmatter(text)
            .body.replace(/^#.*$/gm, '')
            .toLowerCase()
            .match(/[\p{L}\p{N}]+/gu) ?? ([] as string[]),
      );
    const counts = new Map<string, number>();
    for (const words of bodies) for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    const total = [...counts.values()].reduce((x, y) => x + y, 0);
    const ranked = [...counts].sort((x, y) => y[1] - x[1]);
    // As in any English prose, "the" leads; the evenly drawn list of 190 words had nothing like it.
    expect(ranked[0]?.[0]).toBe('the');
    expect(counts.size).toBeGreaterThan(600);
    // One sentence a page names "cooperation"; the rest of the text uses it about as often as the real bodies.
    expect(((counts.get('cooperation') ?? 0) - bodies.length) / total).toBeLessThan(0.008);
    // A topical word is on some pages, not all of them.
    const withDurian = bodies.filter((words) => words.includes('durian')).length;
    expect(withDurian).toBeGreaterThan(0);
    expect(withDurian).toBeLessThan(bodies.length / 2);
  });

  it('refuses a corpus that holds the rare word', () => {
    expect(() => generateContent(3, [...corpus, ['the', 'Zorvelantix', 'plan']])).toThrow(/zorvelantix/);
  });
});
