/**
 * The search index written over the last build's: CBOR as RFC 8949 encodes it, and a bundle written by
 * real Pagefind over an older one ends up as the bundle Pagefind writes into an empty folder.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { close, createIndex } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCbor, liveFiles, writeBundle } from '../../src/integrations/pagefind-bundle';

const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));

describe('decodeCbor', () => {
  // Examples from RFC 8949, appendix A.
  it.each([
    ['00', 0],
    ['17', 23],
    ['1818', 24],
    ['1903e8', 1000],
    ['1a000f4240', 1000000],
    ['1b0000000100000000', 4294967296],
    ['20', -1],
    ['3903e7', -1000],
    ['f93e00', 1.5],
    ['fb3ff199999999999a', 1.1],
    ['f4', false],
    ['f5', true],
    ['f6', null],
    ['6161', 'a'],
    ['62c3bc', 'ü'],
    ['7f657374726561646d696e67ff', 'streaming'],
    ['8301820203820405', [1, [2, 3], [4, 5]]],
    ['9f018202039f0405ffff', [1, [2, 3], [4, 5]]],
    ['c074323031332d30332d32315432303a30343a30305a', '2013-03-21T20:04:00Z'],
  ])('decodes %s', (bytes, value) => {
    expect(decodeCbor(hex(bytes))).toEqual(value);
  });
  it('decodes byte strings and maps', () => {
    expect(decodeCbor(hex('4401020304'))).toEqual(hex('01020304'));
    expect(decodeCbor(hex('a26161016162820203'))).toEqual(
      new Map<unknown, unknown>([
        ['a', 1],
        ['b', [2, 3]],
      ]),
    );
  });
  it('refuses data that ends early or runs on', () => {
    expect(() => decodeCbor(hex('8301'))).toThrow(/ends early/);
    expect(() => decodeCbor(hex('0000'))).toThrow(/trailing/);
  });
});

describe('writeBundle', () => {
  const root = mkdtempSync(join(tmpdir(), 'pagefind-bundle-'));
  afterAll(async () => {
    await close();
    rmSync(root, { recursive: true, force: true });
  });

  /** A site of pages, by path, each with a searchable body. */
  function site(name: string, pages: Record<string, string>): string {
    const dir = join(root, name);
    for (const [path, body] of Object.entries(pages)) {
      mkdirSync(join(dir, path), { recursive: true });
      writeFileSync(
        join(dir, path, 'index.html'),
        `<!doctype html><html lang="en-GB"><head><title>${path}</title></head><body>` +
          `<main data-pagefind-body><h1>${path}</h1><p>${body}</p></main></body></html>`,
      );
    }
    return dir;
  }

  /** Indexes `dir` and writes the bundle into `bundle` as the build does, leaving `others` alone. */
  async function index(dir: string, bundle: string, others: string[] = []) {
    const { index } = await createIndex({});
    if (!index) throw new Error('Pagefind did not start');
    await index.addDirectory({ path: dir });
    return writeBundle(index, bundle, others);
  }

  /** Every file of a bundle, and a digest of its bytes. */
  function files(bundle: string): Map<string, string> {
    return new Map(
      readdirSync(bundle, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const path = join(entry.parentPath, entry.name);
          return [relative(bundle, path), createHash('sha256').update(readFileSync(path)).digest('hex')] as const;
        })
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  }

  /** Dates every file of a bundle a minute back, as a last build's are by the time the next one writes. */
  function age(bundle: string) {
    const then = new Date(Date.now() - 60_000);
    for (const file of files(bundle).keys()) utimesSync(join(bundle, file), then, then);
  }

  const before = { a: 'Ports and railways.', b: 'Durian exports to China.', c: 'Scholarships for students.' };
  const after = { ...before, b: 'Durian and palm oil exports to China.' };

  it('keeps the unchanged pages’ files and leaves the bundle as one written from scratch', async () => {
    const kept = join(root, 'kept');
    expect(await index(site('before', before), kept)).toEqual({ reused: 0, removed: 0 });
    const aged = (bundle: string) =>
      readdirSync(join(bundle, 'fragment')).filter(
        (f) => statSync(join(bundle, 'fragment', f)).mtimeMs < Date.now() - 30_000,
      );

    // A file of the site's own in the folder, from the last build, which it writes again after Pagefind.
    writeFileSync(join(kept, 'date-order.json.gz'), 'the site’s');
    age(kept);

    const edited = site('after', after);
    const written = await index(edited, kept, ['date-order.json.gz']);
    const fresh = join(root, 'fresh');
    await index(edited, fresh);

    expect(readFileSync(join(kept, 'date-order.json.gz'), 'utf8')).toBe('the site’s');
    rmSync(join(kept, 'date-order.json.gz'));
    expect(files(kept)).toEqual(files(fresh));
    // The two unchanged pages' fragments were left as they were, not written again; the edited page's old
    // fragment, and the metadata and index chunk that listed it, were removed.
    expect(aged(kept)).toHaveLength(2);
    expect(written).toEqual({ reused: expect.any(Number) as unknown, removed: 3 });
    expect((written as { reused: number }).reused).toBeGreaterThanOrEqual(2);
  });

  it('names every file the search loads as live, and nothing else', async () => {
    const bundle = join(root, 'live');
    await index(site('live-site', before), bundle);
    const live = liveFiles(bundle);
    const hashed = [...files(bundle).keys()].filter((f) => /\.pf_(fragment|index|filter|meta)$/.test(f));
    expect(new Set(hashed)).toEqual(live);
  });

  it('writes the whole bundle again when the kept metadata cannot be read', async () => {
    const bundle = join(root, 'damaged');
    const dir = site('damaged-site', before);
    await index(dir, bundle);
    const meta = readdirSync(bundle).find((f) => f.endsWith('.pf_meta')) as string;
    writeFileSync(join(bundle, meta), 'not Pagefind data');
    age(bundle);
    // The same pages give the same metadata name, which Pagefind then leaves as it finds it.
    const written = await index(dir, bundle);
    expect(written).toEqual({ rewritten: expect.stringContaining(meta) as unknown });
    const fresh = join(root, 'damaged-fresh');
    await index(dir, fresh);
    expect(files(bundle)).toEqual(files(fresh));
  });
});
