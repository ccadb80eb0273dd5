/**
 * Every agreement in content/ reaches the reader: its own page, the timeline, the search index and
 * every data download; the full dataset also holds every other entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { useBuiltSite, watchedPage } from '../support/browser';
import { rawDataFile } from '../support/content';
import { contentIds, distDir, htmlPages, readPage } from '../support/dist';

const ids = contentIds('agreements');
const site = useBuiltSite();

describe('the set of agreements is the same everywhere', () => {
  it('has agreements to compare', () => {
    expect(ids.length).toBeGreaterThanOrEqual(5);
  });

  it('has exactly one page per agreement', () => {
    const pages = htmlPages()
      .filter((p) => /^\/agreements\/[^/]+\/$/.test(p))
      .map((p) => p.split('/')[2]);
    expect(pages.sort()).toEqual(ids);
  });

  it('shows exactly the agreements on the timeline, each once', () => {
    const onTimeline = readPage('/')
      .querySelectorAll('[data-entry-id]')
      .map((el) => el.getAttribute('data-entry-id'));
    expect([...onTimeline].sort()).toEqual(ids);
  });

  it('lists every agreement page in the sitemap, and nothing that is not built', () => {
    const sitemap = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
    const listed = [...sitemap.matchAll(/<loc>[^<]*\/agreements\/([^/<]+)\/<\/loc>/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(ids);
  });

  it('finds every agreement by searching its exact title in the browser', async () => {
    const { page } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}search/`);
    const titles = Object.fromEntries(
      ids.map((id) => [id, readPage(`/agreements/${id}/`).querySelector('h1')?.text.trim() ?? '']),
    );
    const misses: string[] = await page.evaluate(`(async () => {
      const pagefind = await import('${site.server.root}pagefind/pagefind.js');
      const titles = ${JSON.stringify(titles)};
      const misses = [];
      for (const [id, title] of Object.entries(titles)) {
        const search = await pagefind.search(title);
        const urls = await Promise.all(search.results.slice(0, 10).map((r) => r.data().then((d) => d.url)));
        if (!urls.includes('/agreements/' + id + '/')) misses.push(id + ': ' + title);
      }
      return misses;
    })()`);
    expect(misses).toEqual([]);
  });

  it('indexes exactly the agreement pages in Pagefind', async () => {
    const { page, problems } = await watchedPage(site.browser);
    await page.goto(`${site.server.root}search/`);
    // A string, so the test runner's module transform leaves the browser's own import() alone.
    const urls: string[] = await page.evaluate(`(async () => {
      const pagefind = await import('${site.server.root}pagefind/pagefind.js');
      const search = await pagefind.search(null, { filters: { kind: 'agreement' } });
      const data = await Promise.all(search.results.map((r) => r.data()));
      return data.map((d) => d.url);
    })()`);
    const indexed = urls.map((u) => u.replace(/^\/agreements\/([^/]+)\/$/, '$1'));
    expect(indexed.sort()).toEqual(ids);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });
});

describe('the data downloads hold the whole record', () => {
  const download = (name: string) => readFileSync(join(distDir, 'data', name), 'utf8');
  const idsIn = (name: string, collection: string) =>
    (JSON.parse(download(name)) as Record<string, { id: string }[]>)[collection]?.map((e) => e.id).sort();
  /** Ids of a YAML data file, straight from the file. */
  const dataFileIds = (file: string) =>
    rawDataFile(file)
      .map((e) => String(e['id']))
      .sort();

  it('lists every agreement in agreements.json, agreements.csv and dataset.json', () => {
    expect(idsIn('agreements.json', 'agreements')).toEqual(ids);
    expect(idsIn('dataset.json', 'agreements')).toEqual(ids);
    const rows = parseCsv(download('agreements.csv'), { bom: true, columns: true }) as { id: string }[];
    expect(rows.map((r) => r.id).sort()).toEqual(ids);
  });

  it('lists every theme, event, actor, source and figure in dataset.json', () => {
    expect(idsIn('dataset.json', 'themes')).toEqual(contentIds('themes'));
    expect(idsIn('dataset.json', 'events')).toEqual(contentIds('events'));
    expect(idsIn('dataset.json', 'actors')).toEqual(dataFileIds('actors.yaml'));
    expect(idsIn('dataset.json', 'sources')).toEqual(dataFileIds('sources.yaml'));
    expect(idsIn('dataset.json', 'figures')).toEqual(dataFileIds('figures.yaml'));
  });
});
