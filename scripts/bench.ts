/**
 * Build, output-weight, search and timeline benchmark over seeded synthetic content.
 *
 * Usage: node scripts/bench.ts [--sizes 30,300,3000,10000] [--runs 3] [--out bench/results.json] [--seed 1]
 *        [--md docs/benchmarks.md] [--append] [--keep]
 *   --append  keep the other sizes already in --out (e.g. add 10000 with --runs 1 to an earlier run)
 *   --keep    keep the project copies under .tmp/bench-<size>/ for inspection
 *
 * For each size it writes generated content into a throwaway copy of the project under .tmp/ (never content/),
 * runs cold and warm builds, then measures page weights, search and the timeline filter in Chromium. It writes
 * the JSON results and a Markdown report, comparing against the budgets. Missed budgets are reported, not
 * failures: the exit code is non-zero only when something breaks (a build error, a crash).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import * as prettier from 'prettier';
import { launchBrowser } from './lib/chromium.ts';
import { projectRoot } from './lib/project-root.ts';
import { copyProject, writeFiles } from './lib/project-copy.ts';
import {
  folderSize,
  measureSearch,
  measureTimelineFilter,
  measureWeights,
  serveSite,
  type QuerySpec,
} from './bench/browser.ts';
import { clearCaches, runBuild, type BuildMeasurement } from './bench/build.ts';
import { hostCheckMs } from './bench/host-check.ts';
import { generateContent } from './bench/generate.ts';
import { measureLighthouse } from './bench/lighthouse.ts';
import { readProseCorpus } from './bench/prose.ts';
import {
  evaluateBudgets,
  renderMarkdown,
  type BuildSummary,
  type Machine,
  type Results,
  type SizeResult,
} from './bench/report.ts';
import { fitPowerLaw, median } from './bench/stats.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '30,300,3000,10000' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'bench/results.json' },
    md: { type: 'string', default: 'docs/benchmarks.md' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    append: { type: 'boolean', default: false },
  },
});

const sizes = values.sizes.split(',').map((v) => Number(v.trim()));
const runs = Number(values.runs);
const seed = Number(values.seed);
if (
  sizes.some((n) => !Number.isInteger(n) || n < 1) ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  !Number.isInteger(seed)
) {
  console.error('Usage: node scripts/bench.ts [--sizes 30,300,3000] [--runs 3] [--out bench/results.json] [--seed 1]');
  process.exit(2);
}

/** The site's own entries, whose sentences the synthetic prose is drawn from. */
const corpus = readProseCorpus(join(projectRoot, 'content'));
const corpusWords = corpus.flat();

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

function versionOf(pkg: string): string | undefined {
  try {
    const text = readFileSync(join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8');
    return (JSON.parse(text) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

function summarise(list: BuildMeasurement[]): BuildSummary {
  const med = (pick: (m: BuildMeasurement) => number | undefined) => {
    const values = list.map(pick).filter((v): v is number => v !== undefined);
    return values.length === 0 ? undefined : median(values);
  };
  return {
    wallMs: med((m) => m.wallMs) ?? Number.NaN,
    syncMs: med((m) => m.syncMs),
    bundleMs: med((m) => m.bundleMs),
    renderMs: med((m) => m.renderMs),
    pagefindMs: med((m) => m.pagefindMs),
    cardsMs: med((m) => m.cardsMs),
    pages: med((m) => m.pages),
    reused: med((m) => m.reused) ?? 0,
    pagesPerSecond: med((m) => m.pagesPerSecond),
    peakRssMb: med((m) => m.peakRssMb),
    treePeakMb: med((m) => m.treePeakMb),
    cpuMs: med((m) => m.cpuMs),
  };
}

const notes: string[] = [];
if (!existsSync('/usr/bin/time')) {
  notes.push(
    '/usr/bin/time is missing (Debian package `time`): peak memory was read by polling the build process’s VmHWM in /proc, which misses worker processes.',
  );
}

async function benchSize(size: number, browser: Browser): Promise<SizeResult> {
  log(`size ${size}: generating content (seed ${seed})`);
  const generated = generateContent(size, corpus, seed);
  const contentDir = join(projectRoot, '.tmp', `bench-content-${size}`);
  writeFiles(contentDir, generated.files);
  const dir = copyProject(`bench-${size}`, contentDir);
  rmSync(contentDir, { recursive: true, force: true });

  const result: SizeResult = {
    size,
    hostCheckMs: hostCheckMs(),
    counts: generated.counts,
    cold: { runs: [], median: summarise([]) },
    warm: { runs: [], median: summarise([]) },
    dist: { files: 0, bytes: 0 },
    pagefind: { files: 0, bytes: 0 },
    weights: [],
    search: [],
    filter: undefined,
    lighthouse: [],
    timelineHtmlBytes: 0,
  };
  const fail = (kind: string, m: BuildMeasurement) => {
    result.error = `${kind} build failed:\n${m.errorTail ?? ''}`;
    console.error(result.error);
    return result;
  };

  for (let run = 1; run <= runs; run += 1) {
    clearCaches(dir);
    const m = await runBuild(dir);
    log(
      `size ${size}: cold ${run}/${runs}: ${(m.wallMs / 1000).toFixed(1)} s, ${m.pages ?? '?'} pages, peak ${m.peakRssMb?.toFixed(0) ?? '?'} MB, all processes ${m.treePeakMb?.toFixed(0) ?? '?'} MB`,
    );
    result.cold.runs.push(m);
    if (!m.ok) return fail('cold', m);
  }
  result.cold.median = summarise(result.cold.runs);

  const edited = join(dir, 'content', 'agreements', `${generated.agreementId}.mdx`);
  for (let run = 1; run <= runs; run += 1) {
    appendFileSync(edited, `\nA benchmark edit, number ${run}, to the body of this entry.\n`);
    const m = await runBuild(dir);
    log(`size ${size}: warm ${run}/${runs}: ${(m.wallMs / 1000).toFixed(1)} s`);
    result.warm.runs.push(m);
    if (!m.ok) return fail('warm', m);
  }
  result.warm.median = summarise(result.warm.runs);

  const dist = join(dir, 'dist');
  result.dist = folderSize(dist);
  result.pagefind = folderSize(join(dist, 'pagefind'));
  result.timelineHtmlBytes = readFileSync(join(dist, 'index.html')).length;

  const server = await serveSite(dist);
  try {
    log(`size ${size}: page weights`);
    result.weights = await measureWeights(browser, server, dist, [
      '/',
      `/years/${generated.year}/`,
      `/agreements/${generated.agreementId}/`,
      `/themes/${generated.themeId}/`,
      '/search/',
      '/embed/timeline/',
    ]);
    log(`size ${size}: search`);
    const queries: QuerySpec[] = [
      { name: 'common', query: generated.commonWord, options: {} },
      { name: 'rare', query: generated.rareWord, options: {} },
      { name: 'filtered', query: 'memorandum', options: { filters: { theme: generated.themeTitle } } },
      { name: 'date-sorted', query: 'agreement', options: { sort: { date: 'desc' } } },
    ];
    result.search = await measureSearch(browser, server, dist, queries);
    log(`size ${size}: timeline filter`);
    result.filter = await measureTimelineFilter(browser, server, generated.themeId);
    log(`size ${size}: Lighthouse (mobile)`);
    // Lighthouse drives its own Chromium; if it cannot record a trace, the row says "not measured" and
    // the note says why, instead of losing every other figure of this size.
    // It loads the pages as readers get them from the static hosts the site targets, which gzip text.
    const gzipping = await serveSite(dist, '/', { gzip: true });
    try {
      result.lighthouse = await measureLighthouse(gzipping, [
        '/',
        `/agreements/${generated.agreementId}/`,
        `/themes/${generated.themeId}/`,
        `/search/?q=${generated.commonWord}`,
      ]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log(`size ${size}: Lighthouse not measured: ${reason}`);
      results.notes.push(`Size ${size}: Lighthouse not measured: ${reason}`);
    } finally {
      await gzipping.close();
    }
  } finally {
    await server.close();
  }
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  return result;
}

const browser = await launchBrowser();
const machine: Machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: totalmem() / 1024 ** 3,
  node: process.version,
  os: `${type()} ${release()}`,
  chromium: browser.version(),
  astro: versionOf('astro'),
  pagefind: versionOf('pagefind'),
  date: new Date().toISOString(),
  loadAverageAtStart: loadavg().map((v) => Math.round(v * 100) / 100),
};

const results: Results = {
  machine,
  options: { sizes, runs, seed, prose: { words: corpusWords.length, distinct: new Set(corpusWords).size } },
  sizes: [],
  fit: { cold: undefined, warm: undefined },
  budgets: [],
  budgetSize: undefined,
  notes,
};

/** Everything in the Markdown report from this line on is kept when the report is regenerated. */
const ANALYSIS_MARKER = '<!-- analysis: kept when the benchmark rewrites this file -->';

async function write(): Promise<void> {
  const ok = results.sizes.filter((r) => r.error === undefined);
  const fit = (pick: (r: SizeResult) => number) =>
    new Set(ok.map((r) => r.size)).size >= 2
      ? fitPowerLaw(ok.map((r) => ({ x: r.size, y: pick(r) / 1000 })))
      : undefined;
  results.fit = { cold: fit((r) => r.cold.median.wallMs), warm: fit((r) => r.warm.median.wallMs) };
  const budgets = evaluateBudgets(results.sizes, results.fit.cold);
  results.budgets = budgets.rows;
  results.budgetSize = budgets.at;
  // A hand-written analysis below the marker survives regeneration.
  const previous = existsSync(values.md) ? readFileSync(values.md, 'utf8') : '';
  const marker = previous.indexOf(ANALYSIS_MARKER);
  const analysis = marker === -1 ? '' : `\n${previous.slice(marker)}`;
  for (const [path, text] of [
    [values.out, `${JSON.stringify(results, null, 2)}\n`],
    [values.md, `${renderMarkdown(results)}${analysis}`],
  ] as const) {
    mkdirSync(dirname(path), { recursive: true });
    // Written as Prettier would, so `prettier --check .` passes on the results.
    const config = (await prettier.resolveConfig(path)) ?? {};
    writeFileSync(path, await prettier.format(text, { ...config, filepath: path }));
  }
}

if (values.append && existsSync(values.out)) {
  const previous = JSON.parse(readFileSync(values.out, 'utf8')) as Results;
  results.sizes = previous.sizes.filter((r) => !sizes.includes(r.size));
  results.notes = [...new Set([...previous.notes, ...notes])];
  results.options.sizes = [...new Set([...results.sizes.map((r) => r.size), ...sizes])].sort((a, b) => a - b);
}

let failed = false;
try {
  for (const size of sizes) {
    const r = await benchSize(size, browser);
    results.sizes.push(r);
    results.sizes.sort((a, b) => a.size - b.size);
    if (r.error) failed = true;
    await write();
    log(`size ${size}: done; results in ${values.out} and ${values.md}`);
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
}
await write();
for (const b of results.budgets) {
  log(
    `${b.verdict.padEnd(12)} ${b.name}: ${b.measured === undefined ? '–' : b.measured.toFixed(2)} ${b.unit} (target ${b.atLeast ? '≥' : '≤'} ${b.target} ${b.unit})`,
  );
}
process.exit(failed ? 1 : 0);
