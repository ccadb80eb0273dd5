/** What the dependency tree may run at install time, and how it is pinned. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  allowScripts: Record<string, boolean>;
  devDependencies: Record<string, string>;
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, { hasInstallScript?: boolean; version?: string }>;
};

describe('install scripts', () => {
  const withScripts = Object.entries(lock.packages)
    .filter(([, entry]) => entry.hasInstallScript)
    .map(([path]) => path.replace(/^.*node_modules\//, ''));

  it('lets only the listed packages run install scripts: the Node runtime and esbuild', () => {
    const allowed = Object.entries(pkg.allowScripts)
      .filter(([, ok]) => ok)
      .map(([name]) => name)
      .sort();
    expect(allowed).toEqual(['esbuild', 'node']);
  });

  it('has a decision (allow or deny) for every dependency that has an install script', () => {
    expect(withScripts.filter((name) => !(name in pkg.allowScripts))).toEqual([]);
  });
});

describe('pinning', () => {
  it('pins Node 24 as a dev dependency, above the engines floor Astro needs', () => {
    expect(pkg.devDependencies['node']).toMatch(/^\^24/);
    expect(pkg.engines.node).toBe('>=22.12.0');
    expect(readFileSync(new URL('.nvmrc', root), 'utf8').trim()).toBe('24');
  });

  it('locks every dependency to one version (lockfile v3)', () => {
    expect(lock.lockfileVersion).toBe(3);
    const unpinned = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !entry.version);
    expect(unpinned.map(([path]) => path)).toEqual([]);
  });
});
