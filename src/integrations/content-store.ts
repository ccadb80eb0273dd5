/**
 * Keeps the content data store out of the server bundle. Astro's own module for the store inlines the whole
 * `data-store.json` as one string literal, made by reading, parsing and re-quoting the file, and the literal
 * is then copied by Rolldown, into the chunk on disk and back into V8 when the chunk loads. At 3,000
 * agreements the store is 24 MB of text, held as two bytes a character: a build had up to ten 48 MB copies
 * at once. Pages are prerendered right after the store is written, on the same machine, so this module reads
 * the file when the chunk loads instead, with the same default export.
 *
 * Only in `astro build` (the dev server watches Astro's module for changes), and only where Astro keeps the
 * store in that one file (not with `experimental.collectionStorage`); otherwise Astro's module is used, and
 * the build log says so.
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The id Astro resolves `astro:data-layer-content` to. */
const STORE_MODULE = '\0astro:data-layer-content';

/** A module whose default export is the store in `file`, parsed when the chunk loads. */
function storeReader(file: string): string {
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
}

/** The Astro integration. */
export default function contentStore(): AstroIntegration {
  /** The store's size when the module read it from the file, or why Astro's module was kept. */
  let outcome: { read: number } | { kept: string } | undefined;
  return {
    name: 'tracker:content-store',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        // Where `astro build` writes the store, named as Astro's content layer names it (cacheDir is a folder URL).
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        const storage = config.experimental.collectionStorage;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'tracker:content-store',
                apply: 'build',
                load: {
                  // Before Astro's own load, which would otherwise read and quote the file first.
                  order: 'pre',
                  filter: { id: /^\0astro:data-layer-content$/ },
                  handler(id) {
                    if (id !== STORE_MODULE) return null;
                    if (storage !== undefined && storage !== 'single-file') {
                      outcome = { kept: `experimental.collectionStorage is ${JSON.stringify(storage)}` };
                      return null;
                    }
                    const size = statSync(file, { throwIfNoEntry: false })?.size;
                    if (size === undefined) {
                      outcome = { kept: `${file} does not exist` };
                      return null;
                    }
                    outcome = { read: size };
                    return { code: storeReader(file), map: { mappings: '' } };
                  },
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ logger }) => {
        if (!outcome) return;
        if ('read' in outcome) {
          logger.info(`Content data (${(outcome.read / 1024 / 1024).toFixed(1)} MB) read from its file, not bundled`);
        } else {
          logger.warn(`Content data bundled by Astro: ${outcome.kept}`);
        }
      },
    },
  };
}
