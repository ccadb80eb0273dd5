/**
 * Compares the cold build of this working tree with that of another revision, in alternated pairs on the same
 * generated content. This host's speed drifts by more than most changes within minutes (docs/benchmarks.md:
 * the same code built 3,000 agreements in 47 to 61 s), and the drift moves both builds of a pair alike, so
 * each pair's difference measures the code where medians taken minutes apart cannot.
 *
 * Usage: node scripts/bench-compare.ts --base <revision> [--size 3000] [--pairs 3] [--seed 1]
 *
 * Only the code differs between the two copies (src/, public/, astro.config.mjs, tsconfig.json, CITATION.cff):
 * both build with this checkout's node_modules, so a revision that needs other dependencies cannot be compared
 * this way.
 * The exit code is non-zero only when a build fails.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './lib/project-root.ts';
import { copyProject, PROJECT_CODE, writeFiles } from './lib/project-copy.ts';
import { clearCaches, runBuild, type BuildMeasurement } from './bench/build.ts';
import { comparePairs, describeComparison, firstOfPair, type BuildPair } from './bench/compare.ts';
import { generateContent } from './bench/generate.ts';
import { hostCheckMs } from './bench/host-check.ts';
import { readProseCorpus } from './bench/prose.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    size: { type: 'string', default: '3000' },
    pairs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
  },
});
const size = Number(values.size);
const pairs = Number(values.pairs);
const seed = Number(values.seed);
if (!values.base || ![size, pairs, seed].every(Number.isInteger) || size < 1 || pairs < 1) {
  console.error('Usage: node scripts/bench-compare.ts --base <revision> [--size 3000] [--pairs 3] [--seed 1]');
  process.exit(2);
}

/** What the two copies differ in: all a copy takes from the project but package.json, as node_modules is shared. */
const CODE = PROJECT_CODE.filter((item) => item !== 'package.json');

/** The commit the revision names, or the end of the run with a message saying it names none. */
function commitOf(revision: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], {
      cwd: projectRoot,
      encoding: 'utf8',
    }).trim();
  } catch {
    console.error(`--base "${revision}" names no commit of this repository`);
    process.exit(2);
  }
}
const base = commitOf(values.base);
const log = (message: string) => console.log(`[compare ${new Date().toISOString().slice(11, 19)}] ${message}`);

log(`${size} agreements (seed ${seed}): ${base.slice(0, 7)} (${values.base}) against the working tree`);
const contentDir = join(projectRoot, '.tmp', 'compare-content');
writeFiles(contentDir, generateContent(size, readProseCorpus(join(projectRoot, 'content')), seed).files);
const copies = { base: copyProject('compare-base', contentDir), new: copyProject('compare-new', contentDir) };
rmSync(contentDir, { recursive: true, force: true });
for (const item of CODE) rmSync(join(copies.base, item), { recursive: true, force: true });
// The base revision's code in place of the working tree's, from git's own archive of it.
execFileSync('tar', ['-x', '-C', copies.base], {
  input: execFileSync('git', ['archive', base, '--', ...CODE], { cwd: projectRoot, maxBuffer: 1 << 30 }),
});

/** One cold build of a copy, or the end of the comparison when it fails. */
async function coldBuild(side: 'base' | 'new'): Promise<BuildMeasurement> {
  clearCaches(copies[side]);
  const build = await runBuild(copies[side]);
  if (!build.ok) {
    console.error(build.errorTail);
    throw new Error(`The ${side} copy's build failed (${copies[side]})`);
  }
  return build;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
const measured: BuildPair[] = [];
for (let index = 0; index < pairs; index++) {
  const first = firstOfPair(index);
  const second = first === 'base' ? 'new' : 'base';
  const host = hostCheckMs();
  const builds = { [first]: await coldBuild(first), [second]: await coldBuild(second) } as Record<
    'base' | 'new',
    BuildMeasurement
  >;
  log(
    `pair ${index + 1} (${first} first, host check ${Math.round(host)} ms): ` +
      `base ${seconds(builds.base.wallMs)}, new ${seconds(builds.new.wallMs)}; ` +
      `CPU ${seconds(builds.base.cpuMs)} and ${seconds(builds.new.cpuMs)}; ` +
      `pages ${builds.base.pages ?? '–'} and ${builds.new.pages ?? '–'}`,
  );
  measured.push({
    baseMs: builds.base.wallMs,
    newMs: builds.new.wallMs,
    baseCpuMs: builds.base.cpuMs,
    newCpuMs: builds.new.cpuMs,
  });
}
log(describeComparison(comparePairs(measured)));
for (const dir of Object.values(copies)) rmSync(dir, { recursive: true, force: true });
