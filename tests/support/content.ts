/**
 * The record read straight from content/ (YAML frontmatter and data files, through the real schemas),
 * independently of the site's query layer and export code, so tests can compare their output with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../scripts/lib/project-root';
import { schemas } from './schemas';

/** An entry as a collection holds it: its id and its parsed data. */
export interface ContentEntry {
  id: string;
  data: Record<string, unknown>;
}

const contentDir = join(projectRoot, 'content');

/** The collections written as one MDX file per entry. */
type EntryFolder = 'agreements' | 'events' | 'themes';

/** An entry's frontmatter as its file has it, before any schema: what its author wrote. */
export function rawFrontmatter(collection: EntryFolder, id: string): Record<string, unknown> {
  const text = readFileSync(join(contentDir, collection, `${id}.mdx`), 'utf8');
  return parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '') as Record<string, unknown>;
}

/** A YAML data file of content/ (e.g. "actors.yaml") as written, before any schema. */
export function rawDataFile(name: string): Record<string, unknown>[] {
  return parse(readFileSync(join(contentDir, name), 'utf8')) as Record<string, unknown>[];
}

function folder(name: EntryFolder, schema: { parse(value: unknown): unknown }): ContentEntry[] {
  return readdirSync(join(contentDir, name))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.mdx$/, '');
      return { id, data: schema.parse(rawFrontmatter(name, id)) as Record<string, unknown> };
    });
}

function dataFile(name: string, schema: { parse(value: unknown): unknown }): ContentEntry[] {
  return rawDataFile(name).map((item) => ({
    id: String(item['id']),
    data: schema.parse(item) as Record<string, unknown>,
  }));
}

/** Every collection of content/, entries in file order. */
export function readContent() {
  return {
    agreements: folder('agreements', schemas.agreement),
    events: folder('events', schemas.event),
    themes: folder('themes', schemas.theme),
    actors: dataFile('actors.yaml', schemas.actor),
    sources: dataFile('sources.yaml', schemas.source),
    figures: dataFile('figures.yaml', schemas.figure),
  };
}

/** A value with every reference (`{ collection, id }`) replaced by its id, as the data downloads give them. */
export function withPlainIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withPlainIds);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 2 && typeof record['collection'] === 'string' && typeof record['id'] === 'string') {
    return record['id'];
  }
  return Object.fromEntries(keys.map((k) => [k, withPlainIds(record[k])]));
}
