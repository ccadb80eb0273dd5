/**
 * Budgets and the Markdown report. Pure: takes the results object, returns rows and text.
 * Budgets are reported, never asserted: a missed budget does not fail the benchmark.
 */
import type { BuildMeasurement } from './build.ts';
import type { FilterResult, PageWeight, QueryResult } from './browser.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { PowerFit } from './stats.ts';
import { PAGEFIND_OPTIONS, PANEL_RESULTS } from '../../src/lib/search-config.ts';

/** The machine the benchmark ran on. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  chromium: string | undefined;
  astro: string | undefined;
  pagefind: string | undefined;
  date: string;
  /** 1, 5 and 15-minute load averages when the benchmark started. */
  loadAverageAtStart: number[];
}

/** Medians over the runs of one kind of build. */
export type BuildSummary = Omit<
  BuildMeasurement,
  'ok' | 'memorySource' | 'treePeakParts' | 'errorTail' | 'loadAtStart' | 'slowestRoutes' | 'renderByFamily'
>;

/** Everything measured at one size. */
export interface SizeResult {
  size: number;
  /** The host check (host-check.ts) just before this size's builds, in ms; absent from older results. */
  hostCheckMs?: number;
  counts: Record<string, number>;
  cold: { runs: BuildMeasurement[]; median: BuildSummary };
  warm: { runs: BuildMeasurement[]; median: BuildSummary };
  dist: { files: number; bytes: number };
  pagefind: { files: number; bytes: number };
  weights: PageWeight[];
  search: QueryResult[];
  filter: FilterResult | undefined;
  /** Lighthouse mobile performance of the home, agreement, theme and search pages. */
  lighthouse: LighthouseResult[];
  /** The raw HTML size of the timeline page, to show how it grows. */
  timelineHtmlBytes: number;
  error?: string;
}

/** The whole results file. */
export interface Results {
  machine: Machine;
  options: {
    sizes: number[];
    runs: number;
    seed: number;
    /** The corpus the generated prose was drawn from: its words, and how many of them differ. */
    prose?: { words: number; distinct: number };
  };
  sizes: SizeResult[];
  fit: { cold: PowerFit | undefined; warm: PowerFit | undefined };
  budgets: BudgetRow[];
  budgetSize: number | undefined;
  notes: string[];
}

/** One budget: what was measured against its target. */
export interface BudgetRow {
  name: string;
  measured: number | undefined;
  target: number;
  unit: string;
  /** Whether the target is a floor (a score) rather than a ceiling (a cost). */
  atLeast?: boolean;
  /** 'met', 'missed', or 'not measured' when the size or measurement is absent. */
  verdict: 'met' | 'missed' | 'not measured';
}

const KB = 1024;

function row(name: string, measured: number | undefined, target: number, unit: string, atLeast = false): BudgetRow {
  const within = measured !== undefined && (atLeast ? measured >= target : measured <= target);
  return {
    name,
    measured,
    target,
    unit,
    ...(atLeast ? { atLeast } : {}),
    verdict: measured === undefined || Number.isNaN(measured) ? 'not measured' : within ? 'met' : 'missed',
  };
}

/** The budgets, evaluated at `at` (3,000 when run, else the largest size run); b over every size. */
export function evaluateBudgets(
  sizes: readonly SizeResult[],
  fit: PowerFit | undefined,
): { at: number | undefined; rows: BudgetRow[] } {
  const ok = sizes.filter((s) => s.error === undefined);
  const at = ok.find((s) => s.size === 3000) ?? [...ok].sort((a, b) => b.size - a.size)[0];
  const weight = (prefix: string) => at?.weights.find((w) => w.path.startsWith(prefix));
  const agreement = weight('/agreements/');
  const search = at?.search ?? [];
  const firstQuery = search.find((q) => q.name === 'common');
  const maxOf = (values: number[]) => (values.length === 0 ? undefined : Math.max(...values));
  const rows: BudgetRow[] = [
    row('Cold build', at ? at.cold.median.wallMs / 1000 : undefined, 30, 's'),
    row('Cold build scaling exponent b (time ≈ a·N^b)', fit?.b, 1.1, ''),
    row('Peak memory, largest process (cold build, `time -v`)', at?.cold.median.peakRssMb, 1024, 'MB'),
    row(
      'Peak memory, all the build’s processes together (cold build, sampled)',
      at?.cold.median.treePeakMb,
      1024,
      'MB',
    ),
    row('Warm build after one change', at ? at.warm.median.wallMs / 1000 : undefined, 5, 's'),
    row('Agreement page HTML (gzip)', agreement ? agreement.html / KB : undefined, 12, 'KB'),
    row('Agreement page CSS (gzip)', agreement ? agreement.css / KB : undefined, 10, 'KB'),
    row('Agreement page JS before search opens (gzip)', agreement ? agreement.js / KB : undefined, 5, 'KB'),
    row(
      'Search bytes on page load (templates other than /search/)',
      maxOf(at?.weights.filter((w) => w.path !== '/search/').map((w) => w.searchBytes) ?? []),
      0,
      'B',
    ),
    row(
      'First query: bytes at the server (served uncompressed)',
      firstQuery ? firstQuery.coldBytes / KB : undefined,
      130,
      'KB',
    ),
    row(
      'First query: bytes if the host gzips JS/JSON',
      firstQuery ? firstQuery.coldGzipBytes / KB : undefined,
      130,
      'KB',
    ),
    row('First query: requests', firstQuery?.coldRequests, 10, ''),
    row('Later queries: bytes (worst kind)', maxOf(search.map((q) => q.laterBytes / KB)), 30, 'KB'),
    row('Warm query p95 (worst kind)', maxOf(search.map((q) => q.warmP95Ms)), 50, 'ms'),
    row('Timeline filter apply', at?.filter?.medianMs, 16, 'ms'),
    row('Timeline filter clear', at?.filter?.clearMedianMs, 16, 'ms'),
    row(
      'Lighthouse mobile performance (worst of home, agreement, theme, search)',
      at && at.lighthouse.length > 0 && at.lighthouse.every((l) => l.performance !== null)
        ? Math.min(...at.lighthouse.map((l) => l.performance ?? 0))
        : undefined,
      1,
      '',
      true,
    ),
  ];
  return { at: at?.size, rows };
}

const fmt = (value: number | undefined, digits = 1) =>
  value === undefined || Number.isNaN(value)
    ? '–'
    : value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const s = (ms: number | undefined) => (ms === undefined ? '–' : fmt(ms / 1000, 2));
const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : fmt(bytes / KB, 1));

/**
 * How many builds each size's medians come from, e.g. "3 runs at 30, 300 and 3,000; 1 run at 10,000". Read from
 * the builds themselves: after `--append`, sizes from different invocations can differ in runs.
 */
export function describeRuns(sizes: readonly Pick<SizeResult, 'size' | 'cold'>[]): string {
  const sizesByRuns = new Map<number, string[]>();
  for (const { size, cold } of sizes) {
    const runs = cold.runs.length;
    sizesByRuns.set(runs, [...(sizesByRuns.get(runs) ?? []), size.toLocaleString('en-GB')]);
  }
  const and = new Intl.ListFormat('en-GB', { type: 'conjunction' });
  return [...sizesByRuns]
    .map(([runs, names]) => `${runs} ${runs === 1 ? 'run' : 'runs'} at ${and.format(names)}`)
    .join('; ');
}

/**
 * The cold builds' CPU time against their wall time at each size: how busy the cores were, and the least
 * wall time any order of the same work could take on them. Undefined when no build was timed by `time -v`.
 */
export function describeCpu(sizes: readonly Pick<SizeResult, 'size' | 'cold'>[], cores: number): string | undefined {
  const parts = sizes.flatMap(({ size, cold: { median } }) => {
    if (median.cpuMs === undefined || !Number.isFinite(median.wallMs)) return [];
    const busy = median.cpuMs / median.wallMs;
    return [
      `${size.toLocaleString('en-GB')}: ${fmt(median.cpuMs / 1000)} s of CPU in ${fmt(median.wallMs / 1000)} s, ` +
        `${fmt(busy, 2)} of ${cores} cores busy on average, so at least ${fmt(median.cpuMs / cores / 1000)} s`,
    ];
  });
  if (parts.length === 0) return undefined;
  return `CPU time of the cold builds (medians of user and system time over all the build’s processes, \`time -v\`): ${parts.join('; ')}.`;
}

/**
 * The host check before each size's builds, e.g. "30: 281 ms; 3,000: 330 ms": on one host, a larger figure
 * means the host was slower, not the code. Undefined when no size has one.
 */
export function describeHostChecks(sizes: readonly Pick<SizeResult, 'size' | 'hostCheckMs'>[]): string | undefined {
  const parts = sizes.flatMap(({ size, hostCheckMs }) =>
    hostCheckMs === undefined ? [] : [`${size.toLocaleString('en-GB')}: ${fmt(hostCheckMs, 0)} ms`],
  );
  if (parts.length === 0) return undefined;
  return `Host check before each size’s builds (\`scripts/bench/host-check.ts\`: the same fixed work on one thread; on one host, more time means a slower host, not slower code): ${parts.join('; ')}.`;
}

/** The Markdown report. */
export function renderMarkdown(results: Results): string {
  const m = results.machine;
  const out: string[] = [];
  out.push(
    '# Benchmarks',
    '',
    'The tables are generated by `npm run bench` (`node scripts/bench.ts`) from seeded synthetic content; do not edit',
    'them by hand. The analysis after the tables is written by hand, dated, and kept when the benchmark rewrites them.',
    'Raw numbers: `bench/results.json`. Budgets are reported, not asserted.',
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${fmt(m.memoryGb)} GB memory, ${m.os}`,
    `- Node ${m.node}, Astro ${m.astro ?? '?'}, Pagefind ${m.pagefind ?? '?'}, Chromium ${m.chromium ?? '?'}`,
    `- Load average at the start of the last invocation (1/5/15 min): ${m.loadAverageAtStart.join(' / ')} on ${m.cores} cores; each build’s load is in the JSON (\`loadAtStart\`)`,
    `- Date of the last invocation: ${m.date}; seed ${results.options.seed}`,
    ...(results.options.prose
      ? [
          `- Prose drawn from the site’s own entry bodies (\`scripts/bench/prose.ts\`): ${results.options.prose.words.toLocaleString('en-GB')} words, ${results.options.prose.distinct.toLocaleString('en-GB')} of them different`,
        ]
      : []),
    `- Builds per kind (cold, warm), medians taken: ${describeRuns(results.sizes)}`,
    '',
    `## Budgets (at ${results.budgetSize === undefined ? '–' : results.budgetSize.toLocaleString('en-GB')} agreements)`,
    '',
    '| budget | measured | target | verdict |',
    '| --- | ---: | ---: | --- |',
  );
  for (const r of results.budgets) {
    const bound = r.atLeast ? '≥' : '≤';
    out.push(`| ${r.name} | ${fmt(r.measured, 2)} ${r.unit} | ${bound} ${fmt(r.target, 2)} ${r.unit} | ${r.verdict} |`);
  }
  out.push(
    '',
    '## Builds',
    '',
    'Cold: `dist/`, `.astro/`, `node_modules/.vite` and Astro’s cache (with the incremental-build manifest) deleted first.',
    'Warm: one agreement’s body edited, caches kept; “reused” = paths the incremental build kept or copied back instead of rendering.',
    'Phases: sync = start to “Synced content”; bundle = to “generating static routes”; render = Astro’s route',
    'rendering; index = Pagefind’s “Indexed N pages in X ms”; cards = the wait, after Pagefind and the other',
    'integrations, for the social cards the card worker draws alongside them (og-cards.ts). Times in seconds.',
    'Peak RSS = the largest single process (`time -v`); all processes = the build’s processes together, sampled',
    'every 100 ms, which counts Pagefind’s indexer (a separate program) on top of Astro’s process.',
    '',
    '| agreements | pages | cold wall | sync | bundle | render | index | cards | pages/s | peak RSS MB | all processes MB | warm wall | warm render | reused | warm peak MB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results.sizes) {
    const c = r.cold.median;
    const w = r.warm.median;
    out.push(
      `| ${r.size} | ${c.pages ?? '–'} | ${s(c.wallMs)} | ${s(c.syncMs)} | ${s(c.bundleMs)} | ${s(c.renderMs)} | ${s(c.pagefindMs)} | ${s(c.cardsMs)} | ${fmt(c.pagesPerSecond)} | ${fmt(c.peakRssMb, 0)} | ${fmt(c.treePeakMb, 0)} | ${s(w.wallMs)} | ${s(w.renderMs)} | ${fmt(w.reused, 0)} | ${fmt(w.peakRssMb, 0)} |`,
    );
  }
  const peaks = results.sizes.flatMap((r) => {
    const parts = r.cold.runs[0]?.treePeakParts;
    return parts ? [`${r.size.toLocaleString('en-GB')}: ${parts}`] : [];
  });
  if (peaks.length > 0) out.push('', `At the all-process peak (first cold build): ${peaks.join('; ')}.`);
  const cpu = describeCpu(results.sizes, m.cores);
  if (cpu) out.push('', cpu);
  const hostChecks = describeHostChecks(results.sizes);
  if (hostChecks) out.push('', hostChecks);
  const f = results.fit.cold;
  out.push(
    '',
    f
      ? `Cold build fit: time ≈ ${fmt(f.a, 4)} s · N^${fmt(f.b, 3)} (r² ${fmt(f.r2, 3)}, least squares on log–log over the sizes run).`
      : 'Cold build fit: needs two or more sizes.',
  );
  if (results.fit.warm) out.push(`Warm build fit: exponent b = ${fmt(results.fit.warm.b, 3)}.`);
  const withRoutes = [...results.sizes].reverse().find((r) => r.cold.runs[0]?.renderByFamily !== undefined);
  const families = withRoutes?.cold.runs[0]?.renderByFamily;
  if (withRoutes && families) {
    out.push(
      '',
      `### Render time by route family (${withRoutes.size} agreements, first cold build, Astro’s per-route times)`,
      '',
      '| route family | routes | total ms | ms per route |',
      '| --- | ---: | ---: | ---: |',
    );
    for (const [family, v] of Object.entries(families).sort((a, b) => b[1].ms - a[1].ms)) {
      out.push(`| \`${family}\` | ${v.routes} | ${fmt(v.ms, 0)} | ${fmt(v.ms / v.routes, 1)} |`);
    }
    const slowest = withRoutes.cold.runs[0]?.slowestRoutes ?? [];
    if (slowest.length > 0) {
      out.push('', `Slowest routes: ${slowest.map((r) => `\`${r.route}\` ${fmt(r.ms, 0)} ms`).join(', ')}.`);
    }
  }
  out.push(
    '',
    '## Output',
    '',
    '| agreements | dist files | dist MB | pagefind files | pagefind MB | timeline `/` raw HTML KB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results.sizes) {
    out.push(
      `| ${r.size} | ${r.dist.files} | ${fmt(r.dist.bytes / KB / KB, 2)} | ${r.pagefind.files} | ${fmt(r.pagefind.bytes / KB / KB, 2)} | ${kb(r.timelineHtmlBytes)} |`,
    );
  }
  out.push(
    '',
    '## Page weights',
    '',
    'One load per template in a fresh Chromium context; gzip (level 6) of each file the server sent; JS is before search opens.',
    '',
    '| agreements | page | requests | HTML KB | CSS KB | JS KB | other KB | search bytes |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results.sizes) {
    for (const w of r.weights) {
      out.push(
        `| ${r.size} | \`${w.path}\` | ${w.requests} | ${kb(w.html)} | ${kb(w.css)} | ${kb(w.js)} | ${kb(w.other)} | ${w.searchBytes} |`,
      );
    }
  }
  out.push(
    '',
    '## Search',
    '',
    `Pagefind’s JS API in the page, with the site’s options (${JSON.stringify(PAGEFIND_OPTIONS)}): \`pagefind.search\`, then \`data()\` of the first ${PANEL_RESULTS} results, as the header panel does.`,
    'Bytes and requests are counted at the server. Cold: a fresh context (nothing cached), including loading Pagefind;',
    'later: the same query after a different one in the same page; warm: repeats of the same query.',
    '',
    '“gz” columns: the same transfer if the host gzips .js/.json (Pagefind’s chunks and wasm are gzipped already).',
    '',
    '| agreements | query | results | cold KB | cold gz KB | cold req | later KB | later gz KB | later req | cold p50 ms | cold p95 ms | warm p50 ms | warm p95 ms |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results.sizes) {
    for (const q of r.search) {
      out.push(
        `| ${r.size} | ${q.name} (“${q.query}”) | ${q.results} | ${kb(q.coldBytes)} | ${kb(q.coldGzipBytes)} | ${q.coldRequests} | ${kb(q.laterBytes)} | ${kb(q.laterGzipBytes)} | ${q.laterRequests} | ${fmt(q.coldP50Ms)} | ${fmt(q.coldP95Ms)} | ${fmt(q.warmP50Ms)} | ${fmt(q.warmP95Ms)} |`,
      );
    }
  }
  out.push(
    '',
    '## Timeline filter',
    '',
    'On `/`: check one theme box, dispatch `change`, force layout; `performance.now()` around it; median of the runs.',
    '“Clear” unchecks it again the same way, back to the page as built.',
    'The runs are taken once every year the theme needs is on the page. “First” is the first filter after the page',
    'loads, until the timeline is no longer busy: where older years are folded it fetches the facet index and the',
    'year pages with a match (bytes and requests as served).',
    '',
    '| agreements | theme | shown before → after | median ms | runs ms | clear median ms | first ms | first fetched KB | first requests |',
    '| ---: | --- | --- | ---: | --- | ---: | ---: | ---: | ---: |',
  );
  for (const r of results.sizes) {
    if (!r.filter) continue;
    out.push(
      `| ${r.size} | ${r.filter.themeId} | ${r.filter.shownBefore} → ${r.filter.shownAfter} | ${fmt(r.filter.medianMs)} | ${r.filter.runs.map((t) => fmt(t)).join(', ')} | ${fmt(r.filter.clearMedianMs)} | ${fmt(r.filter.firstMs)} | ${kb(r.filter.firstBytes)} | ${r.filter.firstRequests} |`,
    );
  }
  out.push(
    '',
    '## Lighthouse (mobile)',
    '',
    'Lighthouse’s default mobile run (simulated slow 4G, 4× CPU slowdown) on loopback, with HTML, CSS, JS and JSON',
    'sent gzipped as the static hosts the site targets send them (before 2026-12-04 they were sent uncompressed); score 0–1.',
    '',
    '| agreements | page | performance | LCP ms | TBT ms | CLS |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
  );
  for (const r of results.sizes) {
    for (const l of r.lighthouse ?? []) {
      out.push(
        `| ${r.size} | \`${l.path}\` | ${fmt(l.performance ?? undefined, 2)} | ${fmt(l.lcpMs ?? undefined, 0)} | ${fmt(l.tbtMs ?? undefined, 0)} | ${fmt(l.cls ?? undefined, 3)} |`,
      );
    }
  }
  if (results.notes.length > 0) {
    out.push('', '## Notes', '', ...results.notes.map((n) => `- ${n}`));
  }
  return `${out.join('\n')}\n`;
}
