/**
 * The open-data downloads of the built site: each file is where /data/ links to it, fits its schema,
 * carries version, build date and licence, and holds the record as content/ has it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import pkg from '../../package.json' with { type: 'json' };
import { readContent, withPlainIds } from '../support/content';
import { projectRoot } from '../../scripts/lib/project-root';
import { distDir, readPage, requireBuild } from '../support/dist';

requireBuild();
const content = readContent();
const file = (name: string) => readFileSync(join(distDir, 'data', name), 'utf8');
const json = (name: string) => JSON.parse(file(name)) as Record<string, unknown>;
const page = readPage('/data/');
const site = new URL(String(json('dataset.json')['site']));

type Row = Record<string, string>;
/** A CSV cell as the spreadsheet user gets it back: without the apostrophe that guards a formula. */
const unguard = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, '');
const list = (cell: string) => (cell === '' ? [] : cell.split(' | ').map(unguard));

describe('the JSON downloads', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);

  it.each(['agreements', 'dataset'])('%s.json validates against %s.schema.json, which it names', (name) => {
    const data = json(`${name}.json`);
    const schema = json(`${name}.schema.json`);
    expect(data['$schema']).toBe(new URL(`data/${name}.schema.json`, site).href);
    expect(schema['$id']).toBe(data['$schema']);
    const validate = ajv.compile(schema);
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('state the version, the build time (the footer’s day) and the licence', () => {
    const builtOn = readPage('/').querySelector('.site-footer time')?.getAttribute('datetime');
    for (const name of ['agreements.json', 'dataset.json']) {
      const data = json(name);
      expect(data['version']).toBe(pkg.version);
      expect(String(data['builtAt']).slice(0, 10)).toBe(builtOn);
      expect(data['license']).toMatchObject({ id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    }
  });

  it('dataset.json holds every entry of content/ unchanged, with its page on this site', () => {
    const data = json('dataset.json');
    for (const [collection, entries] of Object.entries(content)) {
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      const exported = (data[collection] as { id: string; page: string }[]).map(({ page: _, ...rest }) => rest);
      const expected = entries.map((e) => ({ ...(withPlainIds(e.data) as object), id: e.id }));
      expect(exported.sort(byId), collection).toEqual(expected.sort(byId));
    }
    const pages = (data['agreements'] as { id: string; page: string }[]).map((a) => new URL(a.page).pathname);
    for (const path of pages) expect(existsSync(join(distDir, path, 'index.html')), path).toBe(true);
  });
});

describe('agreements.csv', () => {
  const text = file('agreements.csv');
  const rows = parseCsv(text, { bom: true, columns: true }) as Row[];

  it('is UTF-8 with a byte-order mark and CRLF line ends', () => {
    const bytes = readFileSync(join(distDir, 'data', 'agreements.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split('\n')[0]?.endsWith('\r')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('reads back as one row per agreement with the same values as content/', () => {
    expect(rows.map((r) => r['id']).sort()).toEqual(content.agreements.map((a) => a.id).sort());
    for (const a of content.agreements) {
      const row = rows.find((r) => r['id'] === a.id) ?? {};
      const d = withPlainIds(a.data) as Record<string, never> & {
        date: { value: string; precision: string };
        status: { value: string; checked: string; note?: string };
        confidence: { level: string; note?: string };
        sources: { source: string; supports?: string }[];
      };
      const cells = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, unguard(v)]));
      expect(cells, a.id).toMatchObject({
        page: new URL(`agreements/${a.id}/`, site).href,
        title: d['title'],
        short_title: d['shortTitle'],
        type: d['type'],
        date: d.date.value,
        date_precision: d.date.precision,
        event: d['event'] ?? '',
        status: d.status.value,
        status_checked: d.status.checked,
        status_note: d.status.note ?? '',
        summary: d['summary'],
        confidence_level: d.confidence.level,
        confidence_note: d.confidence.note ?? '',
        last_reviewed: d['lastReviewed'],
      });
      for (const [column, field] of [
        ['malaysian_parties', 'malaysianParties'],
        ['chinese_parties', 'chineseParties'],
        ['signatories', 'signatories'],
        ['themes', 'themes'],
        ['unknowns', 'unknowns'],
        ['related', 'related'],
        ['aliases', 'aliases'],
      ] as const) {
        expect(list(row[column] ?? ''), `${a.id} ${column}`).toEqual(d[field]);
      }
      expect(list(row['sources_source'] ?? ''), a.id).toEqual(d.sources.map((s) => s.source));
    }
  });

  it('gives every id of parties, signatories, themes, event and sources by name as well, in the same order', () => {
    const byId = (entries: { id: string; data: Record<string, unknown> }[]) =>
      new Map(entries.map((e) => [e.id, e.data]));
    const [themes, events, sources] = [content.themes, content.events, content.sources].map(byId);
    // As the actor's own page heads it: "Ministry of Commerce … (MOFCOM)".
    const actorName = (id: string) => readPage(`/actors/${id}/`).querySelector('h1')?.text.trim();
    for (const row of rows) {
      const id = row['id'] ?? '';
      for (const [names, ids] of [
        ['malaysian_party_names', 'malaysian_parties'],
        ['chinese_party_names', 'chinese_parties'],
        ['signatory_names', 'signatories'],
      ] as const) {
        expect(list(row[names] ?? ''), `${id} ${names}`).toEqual(list(row[ids] ?? '').map(actorName));
      }
      expect(list(row['theme_titles'] ?? ''), id).toEqual(
        list(row['themes'] ?? '').map((t) => themes?.get(t)?.['title']),
      );
      expect(row['event_title'], id).toBe(row['event'] ? events?.get(row['event'])?.['title'] : '');
      const cited = list(row['sources_source'] ?? '');
      expect(list(row['sources_publisher'] ?? ''), id).toEqual(cited.map((s) => sources?.get(s)?.['publisher']));
      expect(list(row['sources_url'] ?? ''), id).toEqual(cited.map((s) => sources?.get(s)?.['url']));
    }
  });

  it('names its columns, separator and licence in its CSV on the Web metadata file', () => {
    const metadata = json('agreements.csv-metadata.json') as {
      url: string;
      'dc:license': { '@id': string };
      'schema:version': string;
      tableSchema: { columns: { name: string }[] };
    };
    expect(metadata.url).toBe(new URL('data/agreements.csv', site).href);
    expect(metadata['dc:license']['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(metadata['schema:version']).toBe(pkg.version);
    expect(metadata.tableSchema.columns.map((c) => c.name)).toEqual(Object.keys(rows[0] ?? {}));
  });

  it('tells CSV on the Web readers not to trim cells, whose edge spaces line up the items of the sources_ lists', () => {
    const metadata = json('agreements.csv-metadata.json') as { dialect: Record<string, unknown> };
    expect(metadata.dialect).toMatchObject({ header: true, doubleQuote: true, trim: false });
    const cells = rows.flatMap((row) => Object.values(row));
    expect(cells.some((cell) => cell !== cell.trim())).toBe(true);
  });
});

describe('CITATION.cff', () => {
  const repoFile = readFileSync(join(projectRoot, 'CITATION.cff'), 'utf8');

  it('is also on /data/ as an APA reference, the one citeproc writes from the served file', () => {
    const cff = parseYaml(file('CITATION.cff')) as {
      title: string;
      version: string;
      authors: { name: string }[];
      'date-released': string;
    };
    const require = createRequire(import.meta.url);
    const { Cite } = require('@citation-js/core') as {
      Cite: new (item: unknown) => { format(kind: string, options: object): string };
    };
    require('@citation-js/plugin-csl');
    const [year, month, day] = cff['date-released'].split('-').map(Number);
    const citeproc = new Cite({
      id: 'dataset',
      type: 'dataset',
      title: cff.title,
      author: cff.authors.map((a) => ({ literal: a.name })),
      version: cff.version,
      issued: { 'date-parts': [[year, month, day]] },
      URL: new URL('data/', site).href,
    })
      .format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' })
      .trim()
      // citeproc's APA style labels it "[Dataset]"; the APA manual (7th edition, 10.9) writes "[Data set]".
      .replace('[Dataset]', '[Data set]');
    expect(page.querySelector('#cite-dataset-apa')?.text.trim()).toBe(citeproc);
    expect(citeproc).toContain(`(Version ${pkg.version})`);
  });

  it('is served at /data/CITATION.cff as the repository has it, dated by the build of the data beside it', () => {
    const served = file('CITATION.cff');
    // The repository's opening comments are for its maintainers.
    expect(served).not.toMatch(/^#/m);
    expect(served.startsWith(repoFile.replace(/^(?:#.*\n)+/, ''))).toBe(true);
    const cff = parseYaml(served) as Record<string, unknown>;
    expect(cff['date-released']).toBe(String(json('dataset.json')['builtAt']).slice(0, 10));
    expect(parseYaml(repoFile)).toEqual({ ...cff, 'date-released': undefined });
  });

  it('is a CFF 1.2.0 dataset citation with the project’s version and the data’s licence', () => {
    const cff = parseYaml(repoFile) as Record<string, unknown>;
    expect(cff).toMatchObject({ 'cff-version': '1.2.0', type: 'dataset', license: 'CC-BY-4.0', version: pkg.version });
    expect(cff['title']).toBeTruthy();
    expect(cff['message']).toBeTruthy();
    expect(cff['authors']).toEqual([expect.objectContaining({ name: expect.any(String) })]);
    expect(() => new URL(String(cff['url']))).not.toThrow();
  });
});

describe('the /data/ page', () => {
  const text = page.querySelector('main')?.text.replace(/\s+/g, ' ') ?? '';

  it('shows the count of each collection, the version, the build date and the licence', () => {
    const counts = page.querySelectorAll('.data-counts li').map((li) => li.text.trim());
    expect(counts).toEqual([
      `${content.agreements.length} agreements`,
      `${content.events.length} events`,
      `${content.themes.length} themes`,
      `${content.actors.length} bodies and people`,
      `${content.sources.length} sources`,
      `${content.figures.length} key figures`,
    ]);
    expect(text).toContain(pkg.version);
    expect(page.querySelector('main time')?.getAttribute('datetime')).toBe(json('dataset.json')['builtAt']);
    expect(page.querySelector('a[rel="license"]')?.getAttribute('href')).toBe(
      'https://creativecommons.org/licenses/by/4.0/',
    );
  });

  it('warns that a filtered view is not the whole dataset', () => {
    expect(text).toMatch(/filtered view of the timeline.*is not the whole dataset/);
  });

  it('links every download, with its real size', () => {
    const rows = page.querySelectorAll('.data-files tbody tr');
    const names = rows.map((r) => r.querySelector('a')?.text.trim());
    expect(names).toEqual(
      expect.arrayContaining([
        'agreements.json',
        'agreements.csv',
        'dataset.json',
        'agreements.schema.json',
        'dataset.schema.json',
        'CITATION.cff',
      ]),
    );
    for (const row of rows) {
      const href = row.querySelector('a')?.getAttribute('href') ?? '';
      const path = join(distDir, href.replace(/^\//, ''));
      expect(existsSync(path), href).toBe(true);
      const bytes = statSync(path).size;
      const shown = row.querySelector('.data-size')?.text ?? '';
      const expected = bytes < 1000 ? `${bytes} bytes` : `${Math.round(bytes / 100) / 10} kB`;
      expect(shown, href).toBe(expected);
    }
  });

  it('explains every field of every JSON file, in the words of its schema, and every CSV column', () => {
    const schema = json('dataset.schema.json') as {
      properties: Record<string, { items?: { properties: Record<string, { description: string }> } }>;
    };
    for (const collection of Object.keys(content)) {
      const table = page.querySelector(`#fields-${collection}`);
      const shown = new Map(
        (table?.querySelectorAll('tbody tr') ?? []).map((tr) => [
          tr.querySelector('th')?.text.trim(),
          tr.querySelectorAll('td').at(-1)?.text,
        ]),
      );
      for (const [field, { description }] of Object.entries(schema.properties[collection]?.items?.properties ?? {})) {
        expect(shown.get(field), `${collection}.${field}`).toBe(description);
      }
    }
    const columns = Object.keys((parseCsv(file('agreements.csv'), { bom: true, columns: true }) as Row[])[0] ?? {});
    const listed = page.querySelectorAll('#csv-columns-caption ~ tbody th code').map((c) => c.text);
    expect(listed).toEqual(columns);
  });

  it('is linked from the footer of every page and from the about page', () => {
    const dataLink = (path: string) =>
      readPage(path)
        .querySelectorAll('a')
        .some((a) => a.getAttribute('href') === '/data/');
    expect(dataLink('/')).toBe(true);
    expect(
      readPage('/about/')
        .querySelectorAll('main a')
        .some((a) => a.getAttribute('href') === '/data/'),
    ).toBe(true);
  });
});
