/**
 * Parser for the YAML data files (actors, sources, figures). Astro's `file()` loader skips an item
 * without an id and only warns on a repeated one; this parser fails instead, naming file, item and value.
 */
import { CORE_SCHEMA, load } from 'js-yaml';

/**
 * A YAML text's value, by YAML 1.2's core schema: a date stays the string it is written as. js-yaml, the
 * parser Astro reads frontmatter with, took 14–71 ms on the data files of 3,000 generated agreements, where
 * the `yaml` package took 300–750 ms of the content sync's single thread, for the same values.
 */
export function readYaml(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA });
}

/** An item of a data file: any record, keyed by its `id`. */
export type DataItem = Record<string, unknown> & { id: string };

/** Parses a YAML list of items, each with a unique `id`, or throws naming the file, the field and the value. */
export function parseDataFile(fileName: string, text: string): DataItem[] {
  let data: unknown;
  try {
    data = readYaml(text);
  } catch (error) {
    throw new Error(`${fileName}: invalid YAML: ${(error as Error).message}`, { cause: error });
  }
  if (!Array.isArray(data)) {
    throw new Error(`${fileName}: expected a YAML list of items, each with an "id"`);
  }
  const firstSeen = new Map<string, number>();
  return data.map((item: unknown, index) => {
    const where = `${fileName}: item ${index + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new Error(`${where}: expected a mapping of fields, received ${JSON.stringify(item)}`);
    }
    const id: unknown = (item as Record<string, unknown>)['id'];
    if (typeof id !== 'string' || id.trim() === '') {
      throw new Error(`${where}: field "id" must be a non-empty string, received ${JSON.stringify(id)}`);
    }
    const previous = firstSeen.get(id);
    if (previous !== undefined) {
      throw new Error(`${where}: field "id" value "${id}" duplicates the id of item ${previous}`);
    }
    firstSeen.set(id, index + 1);
    return item as DataItem;
  });
}
