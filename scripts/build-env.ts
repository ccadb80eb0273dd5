/**
 * How a build is started, the same way by `scripts/build.ts`, the benchmark and the fixture builds: Astro's
 * command line, with settings for the memory of an `astro build`, which the native allocators and V8 read
 * when the process starts (so astro.config.mjs is too late to set them). Measured on cold builds of 3,000
 * generated agreements (docs/benchmarks.md, "The night of 4 December"): peak memory 1,176–1,223 MB with
 * none of them, 959–1,006 MB with the two allocator settings, 891–966 MB with all three, at the same build
 * time or less.
 */
import { fileURLToPath } from 'node:url';
import { PLACEHOLDER_SITE_URL } from '../src/lib/build-info.ts';

/** Astro's command-line entry, run with the Node that runs the caller. */
export const ASTRO_CLI = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

/** The memory settings, by environment variable. */
export const BUILD_ENV: Readonly<Record<string, string>> = {
  // Rolldown's mimalloc otherwise commits its 1 GiB arena eagerly, and memory it frees there stays resident.
  MIMALLOC_ARENA_EAGER_COMMIT: '0',
  // glibc otherwise keeps up to 8 arenas a core for the build's threads, each holding on to freed memory.
  MALLOC_ARENA_MAX: '2',
  // Pagefind's indexer, a program of its own that inherits this environment, allocates with jemalloc, which
  // otherwise keeps 4 arenas a core: with one, its peak at 3,000 agreements fell from 917 to 788 MB, in no
  // more time. Giving freed pages back after 1 s (`dirty_decay_ms:1000`) saved 23 MB more but cost 2 to 3 s
  // of Pagefind's writing in every build, so it is left at jemalloc's default (docs/benchmarks.md).
  _RJEM_MALLOC_CONF: 'narenas:1',
  // A smaller young generation (Node picks 16 MB a semi-space here, from the heap limit): less memory and
  // fewer page faults.
  NODE_OPTIONS: '--max-semi-space-size=4',
};

/**
 * The environment a build runs with: BUILD_ENV under whatever the caller sets itself, except that Node
 * options add up (the caller's last, so they win where both set the same option).
 */
export function buildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const own = env['NODE_OPTIONS'];
  return {
    ...BUILD_ENV,
    ...env,
    NODE_OPTIONS: own ? `${BUILD_ENV['NODE_OPTIONS']} ${own}` : BUILD_ENV['NODE_OPTIONS'],
  };
}

/**
 * What a build without its deployment settings ships, said once it has finished (README, "Deploying"):
 * citations, feeds and the embed code name a placeholder address without SITE_URL, and /about/ cannot link
 * readers to the repository for corrections without REPOSITORY_URL. Empty when both are set.
 */
export function deployNotices(env: NodeJS.ProcessEnv): string[] {
  const notices: string[] = [];
  if (!env['SITE_URL']) {
    notices.push(
      `SITE_URL is not set: citations, feeds, the sitemap and the embed code name the placeholder ${PLACEHOLDER_SITE_URL}.`,
    );
  }
  if (!env['REPOSITORY_URL']) {
    notices.push('REPOSITORY_URL is not set: /about/ names the repository for corrections without a link to it.');
  }
  return notices;
}
