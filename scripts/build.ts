/**
 * `astro build` with the memory settings of build-env.ts, for `npm run build`, `npm start` and `npm test`.
 * Arguments are passed to Astro (`node scripts/build.ts --force`); the exit code is Astro's.
 */
import { spawnSync } from 'node:child_process';
import { ASTRO_CLI, buildEnv, deployNotices } from './build-env.ts';

const result = spawnSync(process.execPath, [ASTRO_CLI, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: buildEnv(process.env),
});
if (result.error) throw result.error;
// Fine for a local build; a deployment that forgot them would ship readers a dead address.
if (result.status === 0) for (const notice of deployNotices(process.env)) console.warn(`Note: ${notice}`);
process.exitCode = result.status ?? 1;
