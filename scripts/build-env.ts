/**
 * Settings for the native memory allocators of an `astro build`, which they read when the process starts
 * (so astro.config.mjs is too late to set them). Measured on cold builds of 3,000 generated agreements
 * (docs/benchmarks.md): peak memory 1.20 GB with neither, 1.09 GB with the first, 1.16 GB with the second,
 * 0.96 GB with both, at the same build time.
 */
export const BUILD_ENV: Readonly<Record<string, string>> = {
  // Rolldown's mimalloc otherwise commits its 1 GiB arena eagerly, and memory it frees there stays resident.
  MIMALLOC_ARENA_EAGER_COMMIT: '0',
  // glibc otherwise keeps up to 8 arenas a core for the build's threads, each holding on to freed memory.
  MALLOC_ARENA_MAX: '2',
};

/** The environment a build runs with: BUILD_ENV under whatever the caller sets itself. */
export function buildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...BUILD_ENV, ...env };
}
