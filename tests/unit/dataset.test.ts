/** The data downloads built from content/: they fit their generated schemas and hold the record unchanged. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import schemaSource from '../../src/lib/schema.ts?raw';
import { csvColumns, dataFiles, EXPORT_COLLECTIONS, type DataLinks } from '../../src/lib/dataset';
import { describedSchema, fieldRows, objectDocs, type JsonSchemaNode } from '../../src/lib/schema-docs';
import { readContent, withPlainIds } from '../support/content';

const links: DataLinks = {
  home: 'https://example.test/',
  page: (collection, id) => `https://example.test/${collection}/${id}/`,
  file: (name) => `https://example.test/data/${name}`,
};
const content = readContent();
const files = dataFiles(content, links);
const json = (name: keyof typeof files) => JSON.parse(files[name]) as Record<string, unknown>;

function validator(schemaName: 'agreements.schema.json' | 'dataset.schema.json') {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv.compile(json(schemaName));
}

describe('the JSON files and their schemas', () => {
  it('validate against the generated JSON Schemas (draft 2020-12)', () => {
    const agreements = validator('agreements.schema.json');
    const dataset = validator('dataset.schema.json');
    expect(agreements(json('agreements.json')), JSON.stringify(agreements.errors)).toBe(true);
    expect(dataset(json('dataset.json')), JSON.stringify(dataset.errors)).toBe(true);
    expect(json('dataset.schema.json')['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('reject a file with a missing field, a wrong value, an extra field or a reference left as an object', () => {
    const validate = validator('agreements.schema.json');
    const good = json('agreements.json');
    const first = (good['agreements'] as Record<string, unknown>[])[0] ?? {};
    const corrupt = (change: Record<string, unknown>, drop?: string) => {
      const entry: Record<string, unknown> = { ...first, ...change };
      if (drop) delete entry[drop];
      return { ...good, agreements: [entry] };
    };
    expect(validate(corrupt({}, 'title'))).toBe(false);
    expect(validate(corrupt({ type: 'treaty' }))).toBe(false);
    expect(validate(corrupt({ date: { value: '16 April 2025', precision: 'day' } }))).toBe(false);
    expect(validate(corrupt({ lastReviewed: '2025-02-30' }))).toBe(false);
    expect(validate(corrupt({ secret: 'x' }))).toBe(false);
    expect(validate(corrupt({ themes: [{ collection: 'themes', id: 'x' }] }))).toBe(false);
    const { version: _, ...withoutVersion } = good;
    expect(validate(withoutVersion)).toBe(false);
  });

  it('give the version, build time and licence at the top of each file', () => {
    for (const name of ['agreements.json', 'dataset.json'] as const) {
      const file = json(name);
      expect(file['version']).toBe(pkg.version);
      expect(Date.parse(String(file['builtAt']))).not.toBeNaN();
      expect(file['license']).toMatchObject({ id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
      expect(file['$schema']).toBe(`https://example.test/data/${name.replace('.json', '.schema.json')}`);
    }
  });

  it('hold every entry of every collection exactly as content/ has it, references as plain ids', () => {
    const dataset = json('dataset.json');
    for (const collection of EXPORT_COLLECTIONS) {
      const expected = content[collection].map((e) => ({
        ...(withPlainIds(e.data) as object),
        id: e.id,
        page: `https://example.test/${collection}/${e.id}/`,
      }));
      expect(dataset[collection], collection).toEqual(expected);
    }
    expect(json('agreements.json')['agreements']).toEqual(dataset['agreements']);
  });
});

describe('field descriptions', () => {
  const everyField = (schema: JsonSchemaNode) => fieldRows(schema).map((r) => [r.path, r.schema.description]);

  it('describe every field of both schemas', () => {
    for (const name of ['agreements.schema.json', 'dataset.schema.json'] as const) {
      const missing = everyField(json(name) as JsonSchemaNode).filter(([, d]) => !d);
      expect(missing, name).toEqual([]);
    }
  });

  it('come from the JSDoc lines of schema.ts, shorthand fields included', () => {
    const agreement = (json('dataset.schema.json') as JsonSchemaNode).properties?.['agreements']?.items;
    const described = Object.fromEntries(everyField(agreement ?? {}));
    const jsDoc = (field: string) =>
      new RegExp(`/\\*\\* ([^*]+) \\*/\\s+${field}[:,]`).exec(schemaSource)?.[1] ?? 'not found in schema.ts';
    expect(described['title']).toBe(jsDoc('title'));
    expect(described['confidence']).toBe(jsDoc('confidence'));
    expect(described['date.precision']).toBe(jsDoc('precision'));
    expect(described['event']).toBe(`${jsDoc('event')} An id in events.`);
  });

  it('fail on a field with no JSDoc line, rather than ship it unexplained', () => {
    const docs = objectDocs(`z.object({\n  /** Documented. */\n  a: z.string(),\n  b: z.string(),\n})`);
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } };
    expect(() => describedSchema(schema, docs)).toThrow(/no JSDoc line in the schema for "b"/);
  });

  it('read multi-line JSDoc and leave the schema passed in unchanged', () => {
    const docs = objectDocs(`z.object({\n  /**\n   * Two\n   * lines.\n   */\n  a: z.string(),\n})`);
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    expect(describedSchema(schema, docs).properties.a).toEqual({ type: 'string', description: 'Two lines.' });
    expect(schema.properties.a).toEqual({ type: 'string' });
  });
});

describe('agreements.csv', () => {
  const rows = parseCsv(files['agreements.csv'], { bom: true, columns: true }) as Record<string, string>[];

  it('has one row per agreement, dates with their precision in their own column', () => {
    expect(rows.map((r) => r['id'])).toEqual(content.agreements.map((a) => a.id));
    for (const [i, a] of content.agreements.entries()) {
      const date = a.data['date'] as { value: string; precision: string };
      expect([rows[i]?.['date'], rows[i]?.['date_precision']]).toEqual([date.value, date.precision]);
    }
  });

  it('lines up the details of each source with the list of sources', () => {
    const columns = csvColumns({
      type: 'object',
      properties: {
        sources: {
          type: 'array',
          items: { type: 'object', properties: { source: { type: 'string' }, note: { type: 'string' } } },
        },
      },
    });
    expect(columns.map((c) => c.name)).toEqual(['sources_source', 'sources_note']);
    const entry = { sources: [{ source: 'a' }, { source: 'b', note: 'p. 2' }] };
    expect(columns.map((c) => c.values(entry))).toEqual([
      ['a', 'b'],
      ['', 'p. 2'],
    ]);
    expect(columns[1]?.values({ sources: [{ source: 'a' }, { source: 'b' }] })).toEqual([]);
  });

  it('is described column by column, with the list separator, in its CSV on the Web metadata', () => {
    const metadata = json('agreements.csv-metadata.json') as {
      url: string;
      tableSchema: { columns: { name: string; separator?: string; 'dc:description': string }[] };
    };
    const header = Object.keys(rows[0] ?? {});
    expect(metadata.url).toBe('https://example.test/data/agreements.csv');
    expect(metadata.tableSchema.columns.map((c) => c.name)).toEqual(header);
    expect(metadata.tableSchema.columns.find((c) => c.name === 'themes')?.separator).toBe(' | ');
    expect(metadata.tableSchema.columns.find((c) => c.name === 'title')?.separator).toBeUndefined();
    expect(metadata.tableSchema.columns.filter((c) => !c['dc:description'])).toEqual([]);
    // Only a list lines its items up with another list; a single value has no order to keep.
    const single = metadata.tableSchema.columns.filter((c) => !c.separator);
    expect(single.filter((c) => /same order|each entry/.test(c['dc:description'])).map((c) => c.name)).toEqual([]);
  });
});
