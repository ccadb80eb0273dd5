/**
 * Astro's glob() and file() loaders, made strict: where they would warn and carry on (a repeated id,
 * an unreadable or id-less data file), these fail the build with the file, the field and the value.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { file, glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { parseDataFile } from './data-file';
import { findMarkup } from './plain-body';

/** The id an entry file stands for: its name without extension, lower-cased, spaces and underscores as hyphens. */
export function idFromFileName(entry: string): string {
  return basename(entry)
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** Fails when an entry's body holds markup or expressions, which MDX would run as code. */
async function requirePlainBodies(base: string): Promise<void> {
  const files = (await readdir(base)).filter((name) => name.endsWith('.mdx'));
  for (const name of files) {
    const [first] = findMarkup(await readFile(join(base, name), 'utf8'));
    if (first) {
      throw new Error(
        `${base}/${name}:${first.line}: field "body" value "${first.text}" is markup; bodies are plain Markdown (put code in backticks, or escape < and { with a backslash)`,
      );
    }
  }
}

/** glob() over `*.mdx` in `base`, failing when two files give the same id or a body holds markup. */
export function strictGlob(base: string): Loader {
  const owners = new Map<string, string>();
  const inner = glob({
    pattern: '*.mdx',
    base,
    generateId: ({ entry }) => {
      const id = idFromFileName(entry);
      const owner = owners.get(id);
      if (owner !== undefined && owner !== entry) {
        throw new Error(
          `${base}/${entry}: field "id" value "${id}" is also the id of ${base}/${owner}; rename one file`,
        );
      }
      owners.set(id, entry);
      return id;
    },
  });
  return {
    name: 'strict-glob',
    load: async (context) => {
      owners.clear();
      await requirePlainBodies(base);
      return inner.load(context);
    },
  };
}

/** file() over a YAML list, failing (not warning) on a missing file, a parse error, or a missing or repeated id. */
export function strictDataFile(path: string): Loader {
  const shown = path.replace(/^\.\//, '');
  const inner = file(path, { parser: (text) => parseDataFile(shown, text) });
  return {
    name: 'strict-data-file',
    load: async (context) => {
      if (!existsSync(path)) throw new Error(`${shown}: data file not found`);
      // Parsed here first because file() catches parser errors and leaves the collection empty.
      parseDataFile(shown, await readFile(path, 'utf8'));
      return inner.load(context);
    },
  };
}
