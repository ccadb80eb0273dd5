import { defineConfig } from 'vitest/config';

/**
 * How long expect.poll waits for a page to settle (a Pagefind search, a fetched index) before failing: a
 * browser on a 2-core machine running several builds at once can take seconds; Vitest's default is 1 s.
 */
const poll = { timeout: 15_000 };

export default defineConfig({
  test: {
    projects: [
      // Property tests are CPU-bound: a loaded 2-core machine can take several times their usual second.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 } },
      {
        // Against the production build in dist/ (built by `npm test` first), served on loopback.
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          maxConcurrency: 4,
          expect: { poll },
        },
      },
      {
        // Whole builds of fixture projects in temporary folders; slow, so few and in parallel files.
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          maxConcurrency: 3,
          expect: { poll },
        },
      },
    ],
  },
});
