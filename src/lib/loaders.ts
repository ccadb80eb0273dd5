/**
 * Astro's glob() and file() loaders, made strict: where they would warn and carry on (a repeated id,
 * an unreadable or id-less data file), these fail the build with the file, the field and the value.
 */
import { readFile } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { file, glob } from 'astro/loaders';
import type { ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parseDataFile, type DataItem } from './data-file';
import { findMarkup } from './plain-body';

/** The id an entry file stands for: its name without extension, lower-cased, spaces and underscores as hyphens. */
function idFromFileName(entry: string): string {
  return basename(entry)
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/**
 * Fails when an entry's body holds markup or expressions, which MDX would run as code. The files are read
 * synchronously: the content sync waits for this check anyway, and 3,000 awaited reads one after another
 * took 0.5 s against 0.1 s.
 */
function requirePlainBodies(base: string): void {
  const files = readdirSync(base).filter((name) => name.endsWith('.mdx'));
  for (const name of files) {
    const [first] = findMarkup(readFileSync(join(base, name), 'utf8'));
    if (first) {
      throw new Error(
        `${base}/${name}:${first.line}: field "body" value "${first.text}" is markup; bodies are plain Markdown (put code in backticks, or escape < and { with a backslash)`,
      );
    }
  }
}

/**
 * The entry types glob() sees, with `.mdx` rendered to HTML during content sync by Astro's Markdown
 * processor (Sätteri, with the options the MDX integration uses). Left to the MDX integration, every entry
 * becomes a module that Vite compiles and bundles on every build: 15 s and over a gigabyte at 3,000
 * agreements. Bodies here are the Markdown subset of MDX (requirePlainBodies rejects markup and expressions),
 * which both read alike; rendered HTML is kept in the data store, so an unchanged entry is not rendered again.
 */
function renderedAtSync(context: LoaderContext): LoaderContext {
  // Astro passes its entry types to loaders (glob() reads them) without listing them in the public type.
  const { entryTypes } = context as LoaderContext & { entryTypes?: Map<string, ContentEntryType> };
  const mdx = entryTypes?.get('.mdx');
  const markdown = entryTypes?.get('.md');
  if (!entryTypes || !mdx || !markdown?.getRenderFunction) {
    throw new Error('strictGlob: Astro’s loader context has no .mdx and .md entry types; see renderedAtSync');
  }
  // Without contentModuleTypes, glob() renders the entry with getRenderFunction instead of deferring it to a module.
  const { contentModuleTypes: _module, ...entryInfo } = mdx;
  const types = new Map(entryTypes).set('.mdx', { ...entryInfo, getRenderFunction: markdown.getRenderFunction });
  return { ...context, entryTypes: types } as LoaderContext;
}

/** glob() over `*.mdx` in `base`, failing when two files give the same id or a body holds markup. */
export function strictGlob(base: string): Loader {
  const owners = new Map<string, string>();
  const inner = glob({
    pattern: '*.mdx',
    base,
    // Pages show the rendered HTML; the raw body would only double the data store (37 MB at 3,000).
    retainBody: false,
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
      requirePlainBodies(base);
      return inner.load(renderedAtSync(context));
    },
  };
}

/** file() over a YAML list, failing (not warning) on a missing file, a parse error, or a missing or repeated id. */
export function strictDataFile(path: string): Loader {
  const shown = path.replace(/^\.\//, '');
  /** The text checked before file() reads it, and its items: YAML parsing is the slow part (0.4 s at 3,000). */
  let checked: { text: string; items: DataItem[] } | undefined;
  const inner = file(path, {
    parser: (text) => (text === checked?.text ? checked.items : parseDataFile(shown, text)),
  });
  return {
    name: 'strict-data-file',
    load: async (context) => {
      if (!existsSync(path)) throw new Error(`${shown}: data file not found`);
      // Parsed here first because file() catches parser errors and leaves the collection empty.
      const text = await readFile(path, 'utf8');
      checked = { text, items: parseDataFile(shown, text) };
      try {
        return await inner.load(context);
      } finally {
        checked = undefined;
      }
    },
  };
}
