/**
 * The content-store integration: in a build, the module for Astro's content data reads the store file when
 * it loads, with the same default export; where Astro keeps the store otherwise, Astro's own module is kept
 * and the build log says why.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import contentStore from '../../src/integrations/content-store';

const STORE_MODULE = '\0astro:data-layer-content';
const dir = mkdtempSync(join(tmpdir(), 'content-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Hooks = AstroIntegration['hooks'];
type SetupOptions = Parameters<NonNullable<Hooks['astro:config:setup']>>[0];
type DoneOptions = Parameters<NonNullable<Hooks['astro:build:done']>>[0];
type LoadHandler = (id: string) => { code: string } | null;

/** Sets the integration up for a cache folder, and returns its Vite load handler and its build-end log. */
function setUp(cacheDir: string, collectionStorage?: string) {
  const integration = contentStore();
  let handler: LoadHandler | undefined;
  const options = {
    // Astro resolves cacheDir to a folder URL, ending in a slash.
    config: { cacheDir: pathToFileURL(`${cacheDir}/`), experimental: { collectionStorage } },
    updateConfig: (update: { vite: { plugins: { load: { handler: LoadHandler } }[] } }) => {
      handler = update.vite.plugins[0]?.load.handler;
    },
  };
  void integration.hooks['astro:config:setup']?.(options as unknown as SetupOptions);
  if (!handler) throw new Error('the integration added no load handler');
  const log = (): string[] => {
    const lines: string[] = [];
    const logger = { info: (m: string) => lines.push(`info: ${m}`), warn: (m: string) => lines.push(`warn: ${m}`) };
    void integration.hooks['astro:build:done']?.({ logger } as unknown as DoneOptions);
    return lines;
  };
  return { load: handler, log };
}

describe('the content data module in a build', () => {
  it('has the store file as its default export, read when it loads', async () => {
    const cache = mkdtempSync(join(dir, 'cache-'));
    const store = [['Map', 1], 'agreements', { title: 'Memorandum – “quoted” 数字经济' }];
    writeFileSync(join(cache, 'data-store.json'), JSON.stringify(store));
    const { load, log } = setUp(cache);

    const module = load(STORE_MODULE);
    expect(module).not.toBeNull();
    // The file is read when the module loads, not when it is made.
    const edited = [...store, 'added after the module was made'];
    writeFileSync(join(cache, 'data-store.json'), JSON.stringify(edited));
    const file = join(dir, 'module.mjs');
    writeFileSync(file, module?.code ?? '');
    const loaded = (await import(pathToFileURL(file).href)) as { default: unknown };
    expect(loaded.default).toEqual(edited);
    expect(module?.code).not.toContain('数字经济');
    expect(log()).toEqual([expect.stringMatching(/^info: Content data \(0\.0 MB\) read from its file, not bundled$/)]);
  });

  it('leaves other modules to their plugins', () => {
    const { load, log } = setUp(mkdtempSync(join(dir, 'cache-')));
    expect(load('\0astro:content')).toBeNull();
    expect(log()).toEqual([]);
  });

  it('keeps Astro’s module, and says so, when the store is not in that file', () => {
    const missing = setUp(join(dir, 'no-such-cache'));
    expect(missing.load(STORE_MODULE)).toBeNull();
    expect(missing.log()).toEqual([expect.stringMatching(/^warn: .*no-such-cache\/data-store\.json does not exist$/)]);

    const cache = mkdtempSync(join(dir, 'cache-'));
    writeFileSync(join(cache, 'data-store.json'), '[]');
    const chunked = setUp(cache, 'chunked');
    expect(chunked.load(STORE_MODULE)).toBeNull();
    expect(chunked.log()).toEqual(['warn: Content data bundled by Astro: experimental.collectionStorage is "chunked"']);
  });
});
