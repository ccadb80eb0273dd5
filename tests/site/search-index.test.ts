/**
 * The search index as a reader's browser downloads it: split into small chunks, so that a query fetches a
 * few kilobytes of index for its words rather than a quarter of the index.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleResults, INDEX_CHUNK_SIZE, SEARCHABLE_FOLDERS } from '../../src/integrations/pagefind';
import { decodeCbor, readPagefindData } from '../../src/integrations/pagefind-bundle';
import { SEARCH_FOLDER } from '../../src/lib/search-config';
import { HTMLElement, type Node } from 'node-html-parser';
import { distDir, htmlPages, readPage, requireBuild } from '../support/dist';

requireBuild();
const bundle = join(distDir, SEARCH_FOLDER);

/** The search-term lists that close an entry's indexed text (searchTermLabels). */
const LISTS = '.aliases, .search-aliases';

/** The text Pagefind indexes after the first search-term list of `body`, other than the lists' own. */
function textAfterLists(body: HTMLElement): string[] {
  const first = body.querySelector(LISTS);
  const found: string[] = [];
  let after = false;
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (!(child instanceof HTMLElement)) {
        if (after && child.text.trim() !== '') found.push(child.text.trim());
      } else if (child === first) after = true;
      else if (
        !child.hasAttribute('data-pagefind-ignore') &&
        !['script', 'style', 'template'].includes(child.localName) &&
        !(after && child.matches(LISTS))
      ) {
        walk(child);
      }
    }
  };
  if (first) walk(body);
  return found;
}

/** Each index chunk the metadata names: its words' places (each location, each weight, one per page). */
function chunks(): { name: string; places: number[] }[] {
  const metaName = readdirSync(bundle).find((file) => file.endsWith('.pf_meta'));
  if (!metaName) throw new Error(`No Pagefind metadata in ${bundle}`);
  // Pagefind 1.x metadata: [version, pages, index chunks [from, to, hash], …]; a chunk: [words [word, pages
  // [page, locations, metadata locations]]].
  const meta = decodeCbor(readPagefindData(join(bundle, metaName))) as [string, unknown, [string, string, string][]];
  return meta[2].map(([from, to, hash]) => {
    const [words] = decodeCbor(readPagefindData(join(bundle, 'index', `${hash}.pf_index`))) as [
      [string, [number, unknown[], unknown[] | null][]][],
    ];
    const places = words.map(([, pages]) =>
      pages.reduce((sum, [, locations, metaLocations]) => sum + locations.length + (metaLocations?.length ?? 0) + 1, 0),
    );
    return { name: `${from}…${to} (${hash})`, places };
  });
}

describe('the search index', () => {
  it(`closes each chunk once it holds ${INDEX_CHUNK_SIZE} word places, so a query downloads a small part of it`, () => {
    const all = chunks();
    expect(all.length).toBeGreaterThan(1);
    for (const { name, places } of all) {
      // Only the word that fills a chunk may take it past the size: a word is never split.
      const beforeLast = places.slice(0, -1).reduce((a, b) => a + b, 0);
      expect(beforeLast, name).toBeLessThan(INDEX_CHUNK_SIZE);
    }
  });

  it('holds every page whose main content is marked for search, and no other page', () => {
    const marked = htmlPages().filter((path) => readPage(path).querySelector('main[data-pagefind-body]') !== null);
    expect(marked.length).toBeGreaterThan(20);
    // Pagefind reads only these folders, so a searchable page elsewhere would be missing from the index.
    const outside = marked.filter((path) => !SEARCHABLE_FOLDERS.some((folder) => path.startsWith(`/${folder}/`)));
    expect(outside, 'searchable pages outside SEARCHABLE_FOLDERS').toEqual([]);
    const indexed = bundleResults(bundle).map((result) => result.url);
    expect(indexed.sort()).toEqual(marked.sort());
  });

  it('ends each page’s indexed text with its search-term lists, which a result found by a term reads to the end', () => {
    const pages = htmlPages().flatMap((path) => {
      const body = readPage(path).querySelector('main[data-pagefind-body]');
      return body?.querySelector(LISTS) ? [{ path, late: textAfterLists(body) }] : [];
    });
    expect(pages.length).toBeGreaterThan(20);
    expect(pages.filter(({ late }) => late.length > 0)).toEqual([]);
  });
});
