/**
 * Keeps the pages of the last build in the output folder, so that Astro's incremental build leaves an
 * unchanged page where it is instead of emptying the folder and copying every page back (the config turns
 * `vite.build.emptyOutDir` off), and removes everything this build did not make, so that a deleted entry's
 * page is never left published.
 *
 * - Before the build, it reads the list of pages and other route outputs the last build finished with (a
 *   build record in Astro's cacheDir: build-record.ts) and deletes everything else in the folder: scripts,
 *   public files, headers, all of which the build writes again. Folders named in `reuse` are kept whole for
 *   the integration that writes them, which removes what it no longer uses (the search index:
 *   pagefind-bundle.ts). Without a list it can trust (a first build, another output folder, or a last build
 *   that failed) it empties the folder, as Astro would.
 * - After the build, before the other integrations look at the folder, it deletes the last build's route
 *   outputs that this build did not make; once they have all finished, it records this build's.
 */
import { existsSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildRecord, isTextList, type BuildRecord } from './build-record';

/** The list of a finished build's route outputs (relative to the output folder, '/'-separated), in cacheDir. */
const LIST_FILE = 'route-outputs.json';

/** The route outputs of a build, relative to the output folder, from the `assets` of `astro:build:done`. */
export function routeOutputs(assets: ReadonlyMap<string, readonly URL[]>, outDir: string): string[] {
  const files = new Set<string>();
  for (const urls of assets.values()) {
    for (const url of urls) {
      const path = relative(outDir, fileURLToPath(url));
      if (path && !path.startsWith('..')) files.add(path.split(sep).join('/'));
    }
  }
  return [...files].sort();
}

/** Whether a path relative to the output folder is in a `.git` folder there, which Astro too leaves alone. */
const inGit = (path: string) => path === '.git' || path.startsWith(`.git${sep}`);

/** Every entry under `dir` but a `.git` folder's, as its path relative to `dir`, and whether it is a folder. */
function entriesUnder(dir: string): { path: string; folder: boolean }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => ({ path: relative(dir, join(entry.parentPath, entry.name)), folder: entry.isDirectory() }))
    .filter((entry) => !inGit(entry.path));
}

/** Removes those of `folders` (relative to `dir`) that are empty, deepest first. */
function removeEmptyFolders(dir: string, folders: Iterable<string>): void {
  const deepestFirst = [...folders].map((folder) => join(dir, folder)).sort((a, b) => b.length - a.length);
  for (const folder of deepestFirst) if (readdirSync(folder).length === 0) rmdirSync(folder);
}

/**
 * Deletes every file under `outDir` that `keep` does not list and that is not in one of `keepFolders` (nor in
 * a `.git` folder); returns how many it kept.
 */
export function emptyExcept(outDir: string, keep: ReadonlySet<string>, keepFolders: readonly string[] = []): number {
  if (!existsSync(outDir)) return 0;
  let kept = 0;
  const folders: string[] = [];
  for (const { path, folder } of entriesUnder(outDir)) {
    const file = path.split(sep).join('/');
    if (folder) folders.push(path);
    else if (keep.has(file) || keepFolders.some((f) => file.startsWith(`${f}/`))) kept += 1;
    else rmSync(join(outDir, path), { force: true });
  }
  removeEmptyFolders(outDir, folders);
  return kept;
}

/** The folders that hold `file` (a path relative to the output folder), innermost first. */
function foldersOf(file: string): string[] {
  const parts = file.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('/'));
}

/**
 * Deletes the files of `previous` that `current` does not list and that were not written since `since`
 * (a public file copied over a page that is gone stays); returns them.
 */
export function pruneStale(
  outDir: string,
  previous: ReadonlySet<string>,
  current: ReadonlySet<string>,
  since: number,
): string[] {
  const removed: string[] = [];
  for (const file of previous) {
    if (current.has(file)) continue;
    const path = join(outDir, file);
    if (!existsSync(path) || statSync(path).mtimeMs >= since) continue;
    rmSync(path);
    removed.push(file);
  }
  // Only the folders that held a removed file can have been emptied.
  removeEmptyFolders(outDir, new Set(removed.flatMap(foldersOf)));
  return removed;
}

/**
 * The two halves of the integration: `keep` goes first in the config's integrations, so that it prunes the
 * output folder before the others read it; `record` goes last, so that the list is written only once every
 * integration has finished the build without an error. `reuse` names folders of the output folder (relative
 * to it, '/'-separated) that a finished build leaves whole for the next; `outputs` gives the files that the
 * build makes outside Astro's routes (the social cards: og-cards.ts), which count as route outputs.
 */
export default function outputDir({
  reuse = [],
  outputs = () => [],
}: { reuse?: readonly string[]; outputs?: () => readonly string[] } = {}): {
  keep: AstroIntegration;
  record: AstroIntegration;
} {
  let outDir = '';
  let list: BuildRecord<string[]>;
  let previous = new Set<string>();
  let current: string[] = [];
  let started = 0;
  const keep: AstroIntegration = {
    name: 'tracker:output-dir',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        list = buildRecord(fileURLToPath(new URL(LIST_FILE, config.cacheDir)), outDir, isTextList);
      },
      'astro:build:start': ({ logger }) => {
        // The kernel stamps files from a coarser clock than Date.now(), a few milliseconds behind at most.
        started = Date.now() - 100;
        const trusted = list.take();
        previous = new Set(trusted);
        // Only a finished build's folders are whole: a failed build may have stopped while writing one.
        const kept = emptyExcept(outDir, previous, trusted ? reuse : []);
        logger.info(
          trusted
            ? `Kept ${kept} pages and files of the last build in the output folder; removed the rest`
            : 'Emptied the output folder (no finished build to keep pages from)',
        );
      },
      'astro:build:done': ({ assets, logger }) => {
        current = [...new Set([...routeOutputs(assets, outDir), ...outputs()])].sort();
        const removed = pruneStale(outDir, previous, new Set(current), started);
        if (removed.length > 0) logger.info(`Removed ${removed.length} pages and files the build no longer makes`);
      },
    },
  };
  const record: AstroIntegration = {
    name: 'tracker:output-dir-record',
    hooks: {
      'astro:build:done': () => {
        list.keep(current);
      },
    },
  };
  return { keep, record };
}
