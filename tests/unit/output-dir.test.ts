/**
 * The output folder kept between builds: which files count as the build's pages, which list of them is
 * trusted, and what is deleted before and after a build.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyExcept, pruneStale, routeOutputs } from '../../src/integrations/output-dir';

let outDir = '';
afterEach(() => rmSync(outDir, { recursive: true, force: true }));

/** A fresh output folder holding `files`, each last written `ageMs` ago. */
function folder(files: string[], ageMs = 60_000): string {
  outDir = mkdtempSync(join(tmpdir(), 'output-dir-'));
  const then = new Date(Date.now() - ageMs);
  for (const file of files) {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    writeFileSync(join(outDir, file), file);
    utimesSync(join(outDir, file), then, then);
  }
  return outDir;
}

describe('routeOutputs', () => {
  it('lists each route’s files relative to the output folder, once, leaving out files outside it', () => {
    const dir = folder([]);
    const url = (path: string) => pathToFileURL(join(dir, path));
    const assets = new Map([
      ['/agreements/[id]', [url('agreements/a/index.html'), url('agreements/b/index.html')]],
      ['/og/[collection]/[id].png', [url('og/agreements/a.png')]],
      ['/', [url('index.html'), url('index.html')]],
      ['/elsewhere', [pathToFileURL(join(tmpdir(), 'not-in-dist.html'))]],
    ]);
    expect(routeOutputs(assets, dir)).toEqual([
      'agreements/a/index.html',
      'agreements/b/index.html',
      'index.html',
      'og/agreements/a.png',
    ]);
  });
});

describe('emptyExcept', () => {
  it('deletes every file and folder the list does not keep', () => {
    const dir = folder(['index.html', 'agreements/a/index.html', '_astro/old.js', 'pagefind/index/x.pf_index']);
    expect(emptyExcept(dir, new Set(['index.html', 'agreements/a/index.html']))).toBe(2);
    expect(existsSync(join(dir, 'agreements/a/index.html'))).toBe(true);
    expect(existsSync(join(dir, '_astro'))).toBe(false);
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
  });
  it('keeps whole the folders it is told to, for the integration that writes them', () => {
    const dir = folder(['index.html', 'pagefind/index/x.pf_index', 'pagefind/pagefind.js', 'pagefinder/a.html']);
    expect(emptyExcept(dir, new Set(['index.html']), ['pagefind'])).toBe(3);
    expect(existsSync(join(dir, 'pagefind/index/x.pf_index'))).toBe(true);
    expect(existsSync(join(dir, 'pagefind/pagefind.js'))).toBe(true);
    // A folder whose name only starts the same way is not kept.
    expect(existsSync(join(dir, 'pagefinder'))).toBe(false);
  });
  it('empties the folder with an empty list, but for a .git folder, as Astro does', () => {
    const dir = folder(['index.html', 'agreements/a/index.html', '.git/HEAD']);
    mkdirSync(join(dir, '.git/refs/tags'), { recursive: true });
    expect(emptyExcept(dir, new Set())).toBe(0);
    expect(existsSync(join(dir, 'agreements'))).toBe(false);
    expect(existsSync(join(dir, 'index.html'))).toBe(false);
    expect(existsSync(join(dir, '.git/HEAD'))).toBe(true);
    expect(existsSync(join(dir, '.git/refs/tags'))).toBe(true);
  });
});

describe('pruneStale', () => {
  it('deletes the last build’s pages that this build did not make, with their emptied folders', () => {
    const dir = folder(['agreements/a/index.html', 'agreements/gone/index.html', 'og/agreements/gone.png']);
    const previous = new Set(['agreements/a/index.html', 'agreements/gone/index.html', 'og/agreements/gone.png']);
    const removed = pruneStale(dir, previous, new Set(['agreements/a/index.html']), Date.now() - 1000);
    expect(removed.sort()).toEqual(['agreements/gone/index.html', 'og/agreements/gone.png']);
    expect(existsSync(join(dir, 'agreements/gone'))).toBe(false);
    expect(existsSync(join(dir, 'agreements/a/index.html'))).toBe(true);
  });
  it('keeps a file written during this build at a path that is no longer a page (a public file)', () => {
    const dir = folder(['robots.txt'], 0);
    expect(pruneStale(dir, new Set(['robots.txt']), new Set(), Date.now() - 1000)).toEqual([]);
    expect(existsSync(join(dir, 'robots.txt'))).toBe(true);
  });
});
