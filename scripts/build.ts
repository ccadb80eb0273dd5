/**
 * `astro build` with the allocator settings of build-env.ts, for `npm run build`, `npm start` and `npm test`.
 * Arguments are passed to Astro (`node scripts/build.ts --force`); the exit code is Astro's.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildEnv } from './build-env.ts';

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const result = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: buildEnv(process.env),
});
if (result.error) throw result.error;
process.exitCode = result.status ?? 1;
