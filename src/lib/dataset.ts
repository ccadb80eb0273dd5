/**
 * The open-data downloads: JSON, CSV and their schemas, built from the same collections as the pages.
 * The export schemas are the content schemas of `schema.ts` with references kept as plain ids, plus the
 * entry's id and page address; every exported entry is parsed through them, and the JSON Schemas are
 * generated from them, so the files and their schemas cannot drift apart.
 */
import { z } from 'astro/zod';
import { t } from '../i18n/ui';
import { fullName, type ActorNames } from './actor-name';
import { BUILT_AT, LICENCE, VERSION } from './build-info';
import { joinList, LIST_SEPARATOR, toCsv } from './csv';
import schemaSource from './schema.ts?raw';
import { createSchemas, httpsUrl, isoDay, partialDate, type CollectionName, type ReferenceFactory } from './schema';
import { describedSchema, objectDocs, type JsonSchemaNode } from './schema-docs';

/** The collections in the full dataset, in the order the files list them. */
export const EXPORT_COLLECTIONS = ['agreements', 'events', 'themes', 'actors', 'sources', 'figures'] as const;

/** A collection in the full dataset. */
export type ExportCollection = (typeof EXPORT_COLLECTIONS)[number];

/** The files of /data/, by name. */
export const DATA_FILES = [
  'agreements.json',
  'agreements.csv',
  'dataset.json',
  'agreements.schema.json',
  'dataset.schema.json',
  'agreements.csv-metadata.json',
] as const;

/** The name of a file of /data/. */
export type DataFileName = (typeof DATA_FILES)[number];

/** An entry as a collection holds it: its id and its validated data (references as `{ collection, id }`). */
export interface EntryLike {
  id: string;
  data: object;
}

/** What the downloads are built from: every entry of every exported collection. */
export type DatasetInput = Record<ExportCollection, readonly EntryLike[]>;

/** Absolute addresses the downloads point at; the pages pass the site's own (base-aware) ones. */
export interface DataLinks {
  /** The site's home page. */
  home: string;
  /** The page that shows an entry (for sources and figures, an anchor on their list page). */
  page(collection: ExportCollection, id: string): string;
  /** A file of /data/, or the citation file. */
  file(name: DataFileName | 'CITATION.cff'): string;
}

/** A JSON value as the exports hold it. */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A reference as Astro's `reference()` returns it. */
const isRef = (value: unknown): value is { id: string } =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';

/** Ids as the content schemas write them (lower-case words joined by hyphens). */
const idSchema = createSchemas((() => z.string()) as unknown as ReferenceFactory).actor.shape.id;

/** A stand-in for `reference()` that keeps a reference as its plain id in the export. */
const plainReference = ((collection: CollectionName) =>
  z.preprocess(
    (value) => (isRef(value) ? value.id : value),
    idSchema.describe(`An id in ${collection}.`),
  )) as unknown as ReferenceFactory;

const content = createSchemas(plainReference);
const page = z.url().describe('The address of its page on this site.');
const ownId = idSchema.describe('Its id: the name of its file in content/, and the last part of its page address.');

/** A data-file entry's fields with its page address added after its own id. */
const withPage = <S extends { id: z.ZodType }>({ id, ...rest }: S) => ({ id, page, ...rest });

/** The schema of each exported entry: its content schema, with its id and page address first. */
const entrySchemas = {
  agreements: z.object({ id: ownId, page, ...content.agreement.shape }),
  events: z.object({ id: ownId, page, ...content.event.shape }),
  themes: z.object({ id: ownId, page, ...content.theme.shape }),
  actors: z.object(withPage(content.actor.shape)),
  sources: z.object(withPage(content.source.shape)),
  figures: z.object(withPage(content.figure.shape)),
} satisfies Record<ExportCollection, z.ZodObject>;

/** What every JSON file says about itself before its data. */
const metadata = {
  $schema: z.url().describe('The address of the JSON Schema this file follows.'),
  title: z.string().describe('What the file holds.'),
  version: z.string().describe("The dataset's version, which is the project's version number."),
  builtAt: z.iso.datetime().describe('When the site and this file were built (UTC).'),
  license: z
    .object({
      id: z.string().describe('The SPDX identifier of the licence.'),
      name: z.string().describe('The name of the licence.'),
      url: z.url().describe('Where to read the licence.'),
    })
    .describe('The licence of the data: reuse is free, with attribution.'),
  citation: z.url().describe('The citation file (CITATION.cff) for citing the dataset as a whole.'),
  site: z.url().describe("The site's home page."),
};

const listOf = (collection: ExportCollection) =>
  z.array(entrySchemas[collection]).describe(t('data.every', { collection }));

/** The schemas of the two JSON files. */
const fileSchemas = {
  'agreements.json': z.object({ ...metadata, agreements: listOf('agreements') }),
  'dataset.json': z.object({
    ...metadata,
    ...Object.fromEntries(EXPORT_COLLECTIONS.map((c) => [c, listOf(c)])),
  } as typeof metadata & Record<ExportCollection, ReturnType<typeof listOf>>),
};

/** JSON Schema keywords for checks Zod cannot express, keyed by the content schemas they belong to. */
function addKeywords(ctx: { zodSchema: unknown; jsonSchema: JsonSchemaNode }): void {
  if (ctx.zodSchema === isoDay) ctx.jsonSchema['format'] = 'date';
  if (ctx.zodSchema === httpsUrl) Object.assign(ctx.jsonSchema, { format: 'uri', pattern: '^https://' });
  const value = ctx.zodSchema === partialDate ? ctx.jsonSchema.properties?.['value'] : undefined;
  if (value) value['pattern'] = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';
}

let docs: ReturnType<typeof objectDocs> | undefined;

/** The JSON Schema (draft 2020-12) of a JSON file, every field described from `schema.ts`. */
export function jsonSchemaOf(name: keyof typeof fileSchemas, links: DataLinks): JsonSchemaNode {
  docs ??= objectDocs(schemaSource);
  const generated = z.toJSONSchema(fileSchemas[name], {
    target: 'draft-2020-12',
    io: 'output',
    override: (ctx) => addKeywords(ctx as Parameters<typeof addKeywords>[0]),
  }) as JsonSchemaNode;
  const { $schema, ...rest } = describedSchema(generated, docs);
  const schemaName = name === 'agreements.json' ? 'agreements.schema.json' : 'dataset.schema.json';
  return { $schema, $id: links.file(schemaName), title: t(`data.title.${name}`), ...rest };
}

/** The JSON Schema of one exported entry of a collection, as `dataset.schema.json` describes it. */
export function entrySchemaOf(collection: ExportCollection, links: DataLinks): JsonSchemaNode {
  const schema = jsonSchemaOf('dataset.json', links).properties?.[collection]?.items;
  if (!schema) throw new Error(`dataset.schema.json has no entries for ${collection}`);
  return schema;
}

function header(name: keyof typeof fileSchemas, links: DataLinks) {
  const schemaName = name === 'agreements.json' ? 'agreements.schema.json' : 'dataset.schema.json';
  return {
    $schema: links.file(schemaName),
    title: t(`data.title.${name}`),
    version: VERSION,
    builtAt: BUILT_AT,
    license: { id: LICENCE.id, name: LICENCE.name, url: LICENCE.url },
    citation: links.file('CITATION.cff'),
    site: links.home,
  };
}

/** The contents of `agreements.json` or `dataset.json`, checked against its own schema. */
function jsonFileOf(name: keyof typeof fileSchemas, input: DatasetInput, links: DataLinks): Json {
  const collections = name === 'agreements.json' ? (['agreements'] as const) : EXPORT_COLLECTIONS;
  const entries = (c: ExportCollection) =>
    input[c].map((entry) => ({ ...entry.data, id: entry.id, page: links.page(c, entry.id) }));
  // Parsing through the file's schema turns references into plain ids and proves the file fits its schema.
  return fileSchemas[name].parse({
    ...header(name, links),
    ...Object.fromEntries(collections.map((c) => [c, entries(c)])),
  }) as Json;
}

/** One column of `agreements.csv`, derived from the agreement's JSON Schema. */
export interface CsvColumn {
  /** The column's header: the field's path in snake_case ("date_precision"). */
  name: string;
  /** The field's description, from `schema.ts`. */
  description: string;
  /** The CSV on the Web datatype of its values (a list's items, for a list). */
  datatype: string;
  /** Whether the cell is a list, joined with `LIST_SEPARATOR`. */
  list: boolean;
  /** The cell's values in an exported agreement: one, or the list's items. */
  values(entry: Json): string[];
}

const snake = (parts: string[]) => parts.map((p) => p.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)).join('_');

function scalar(value: Json | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') throw new Error(`CSV cell expected a single value, received ${JSON.stringify(value)}`);
  return String(value);
}

const field = (value: Json | undefined, key: string): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value[key] : undefined;

function datatypeOf(schema: JsonSchemaNode): string {
  if (schema.type === 'integer' || schema.type === 'number' || schema.type === 'boolean') return schema.type;
  if (schema['format'] === 'date') return 'date';
  if (schema['format'] === 'uri') return 'anyURI';
  return 'string';
}

/**
 * The CSV columns of an object schema, in schema order: a nested field is `parent_child` (a nested
 * `value` takes its parent's name, so `date.value` is `date`); a list of values is one list cell; a
 * list of objects is one list cell per field, its items lined up with the other cells of that list.
 */
export function csvColumns(
  schema: JsonSchemaNode,
  prefix: string[] = [],
  read = (e: Json): Json | undefined => e,
): CsvColumn[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]): CsvColumn[] => {
    const name = key === 'value' && prefix.length > 0 ? prefix : [...prefix, key];
    const get = (entry: Json) => field(read(entry), key);
    const description = property.description ?? '';
    if (property.type === 'object') return csvColumns(property, name, get);
    if (property.type !== 'array') {
      return [
        {
          name: snake(name),
          description,
          datatype: datatypeOf(property),
          list: false,
          values: (e) => [scalar(get(e))],
        },
      ];
    }
    const items = property.items ?? {};
    const list = (e: Json) => {
      const value = get(e);
      return Array.isArray(value) ? value : [];
    };
    if (items.type !== 'object') {
      return [
        { name: snake(name), description, datatype: datatypeOf(items), list: true, values: (e) => list(e).map(scalar) },
      ];
    }
    return Object.entries(items.properties ?? {}).map(([sub, inner]) => ({
      name: snake([...name, sub]),
      description: `${inner.description ?? ''} ${t('data.csv.aligned', { list: snake(name) })}`,
      datatype: datatypeOf(inner),
      list: true,
      values: (e: Json) => {
        const cells = list(e).map((item) => scalar(field(item, sub)));
        // A detail none of the items has is an empty cell rather than a row of bare separators.
        return cells.every((c) => c === '') ? [] : cells;
      },
    }));
  });
}

/**
 * Columns a spreadsheet reader can use without looking ids up in dataset.json: the parties' and
 * signatories' names, the themes' and event's titles, and each source's publisher and address, each
 * lined up with the ids of the column it names.
 */
function readableColumns(input: DatasetInput): CsvColumn[] {
  const byId = (collection: ExportCollection) =>
    new Map(input[collection].map((entry) => [entry.id, entry.data as Record<string, unknown>]));
  const [actors, themes, events, sources] = (['actors', 'themes', 'events', 'sources'] as const).map(byId);
  const ids = (entry: Json, key: string): string[] => {
    const value = field(entry, key);
    if (Array.isArray(value))
      return value.map((item) => scalar(typeof item === 'object' ? field(item, 'source') : item));
    return typeof value === 'string' ? [value] : [];
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const column = (
    name: string,
    what: 'names' | 'titles' | 'titleOne' | 'publishers' | 'urls',
    of: string,
    list: boolean,
    values: (entry: Json) => string[],
  ): CsvColumn => ({
    name,
    description: t(`data.csv.${what}`, { of }),
    datatype: name.endsWith('_url') ? 'anyURI' : 'string',
    list,
    values,
  });
  const names = (key: string) => (entry: Json) =>
    ids(entry, key).map((id) => fullName((actors?.get(id) ?? { name: id }) as unknown as ActorNames));
  return [
    column('malaysian_party_names', 'names', 'malaysian_parties', true, names('malaysianParties')),
    column('chinese_party_names', 'names', 'chinese_parties', true, names('chineseParties')),
    column('signatory_names', 'names', 'signatories', true, names('signatories')),
    column('theme_titles', 'titles', 'themes', true, (e) =>
      ids(e, 'themes').map((id) => text(themes?.get(id)?.['title'])),
    ),
    column('event_title', 'titleOne', 'event', false, (e) =>
      ids(e, 'event').map((id) => text(events?.get(id)?.['title'])),
    ),
    column('sources_publisher', 'publishers', 'sources_source', true, (e) =>
      ids(e, 'sources').map((id) => text(sources?.get(id)?.['publisher'])),
    ),
    column('sources_url', 'urls', 'sources_source', true, (e) =>
      ids(e, 'sources').map((id) => text(sources?.get(id)?.['url'])),
    ),
  ];
}

/** Every column of `agreements.csv`: the agreement's fields, then the readable columns. */
export function agreementsCsvColumns(input: DatasetInput, links: DataLinks): CsvColumn[] {
  return [...csvColumns(entrySchemaOf('agreements', links)), ...readableColumns(input)];
}

/** The contents of `agreements.csv`: a header row, then one row per agreement. */
function agreementsCsv(agreements: readonly Json[], columns: readonly CsvColumn[]): string {
  const names = columns.map((c) => c.name);
  if (new Set(names).size !== names.length) throw new Error(`CSV columns repeat a name: ${names.join(', ')}`);
  const rows = agreements.map((a) => columns.map((c) => (c.list ? joinList(c.values(a)) : (c.values(a)[0] ?? ''))));
  return toCsv([names, ...rows]);
}

/** The CSV on the Web (W3C) metadata of `agreements.csv`: its licence, version, build date and columns. */
function csvMetadata(columns: readonly CsvColumn[], links: DataLinks): Json {
  return {
    '@context': 'http://www.w3.org/ns/csvw',
    url: links.file('agreements.csv'),
    'dc:title': t('data.title.agreements.csv'),
    'dc:license': { '@id': LICENCE.url },
    'dc:modified': { '@value': BUILT_AT, '@type': 'xsd:dateTime' },
    'schema:version': VERSION,
    'schema:citation': { '@id': links.file('CITATION.cff') },
    // Cells such as a list's empty items begin or end with a space that lines the lists up; keep it.
    dialect: { encoding: 'utf-8', header: true, lineTerminators: ['\r\n'], doubleQuote: true, trim: false },
    tableSchema: {
      columns: columns.map((c) => ({
        name: c.name,
        titles: c.name,
        'dc:description': c.description,
        datatype: c.datatype,
        ...(c.list ? { separator: LIST_SEPARATOR } : {}),
      })),
      primaryKey: 'id',
    },
  };
}

/** Every file of /data/ with its contents, built once per call from the same export. */
export function dataFiles(input: DatasetInput, links: DataLinks): Record<DataFileName, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const agreementsFile = jsonFileOf('agreements.json', input, links);
  const columns = agreementsCsvColumns(input, links);
  const agreements = field(agreementsFile, 'agreements');
  return {
    'agreements.json': json(agreementsFile),
    'agreements.csv': agreementsCsv(Array.isArray(agreements) ? agreements : [], columns),
    'dataset.json': json(jsonFileOf('dataset.json', input, links)),
    'agreements.schema.json': json(jsonSchemaOf('agreements.json', links)),
    'dataset.schema.json': json(jsonSchemaOf('dataset.json', links)),
    'agreements.csv-metadata.json': json(csvMetadata(columns, links)),
  };
}
