/**
 * Pure parsing of an `astro build` log (lines with the time each arrived, in ms from the start) into
 * phase durations, page count, and `/usr/bin/time -v`'s peak memory. Unit-tested.
 */

/** A log line and when it arrived, in ms since the build started. */
export interface LogLine {
  at: number;
  text: string;
}

/** What the log says about the build. */
export interface ParsedBuildLog {
  syncMs: number | undefined;
  bundleMs: number | undefined;
  renderMs: number | undefined;
  pagefindMs: number | undefined;
  pagefindPages: number | undefined;
  /** How long the build waited for the social cards after the other integrations (og-cards.ts's line). */
  cardsMs: number | undefined;
  pages: number | undefined;
  /**
   * Paths the incremental build reused from the previous build: left in the output folder ("├─ /path
   * (cached)") or copied back from Astro's cache ("(restored)").
   */
  reused: number;
  maxRssKb: number | undefined;
  /** User and system CPU time of the build and every process it waited for (`time -v`), in ms. */
  cpuMs: number | undefined;
  exitStatus: number | undefined;
  /** The slowest routes Astro reported while rendering ("├─ /path/index.html (+12ms)"), slowest first. */
  slowestRoutes: { route: string; ms: number }[];
  /** Total render time by route family (first path segment), as Astro reported it per route. */
  renderByFamily: Record<string, { routes: number; ms: number }>;
}

/** Per-route render times from Astro's "generating static routes" list. */
export function routeTimes(lines: readonly LogLine[]): { route: string; ms: number }[] {
  const out: { route: string; ms: number }[] = [];
  for (const { text } of lines) {
    const match = /[├└]─ (\S+) \(\+([\d.]+)(ms|s)\)/.exec(text);
    if (match) out.push({ route: match[1] as string, ms: Number(match[2]) * (match[3] === 's' ? 1000 : 1) });
  }
  return out;
}

/** "589ms", "4.52s" or "2m 35s" (as Astro prints durations) in milliseconds. */
export function parseDuration(text: string): number | undefined {
  // From a minute on, Astro writes minutes and seconds ("2m 35s"): every part counts.
  const parts = [...(/^\s*((?:[\d.]+\s*(?:ms|s|m)\b\s*)+)/.exec(text)?.[1] ?? '').matchAll(/([\d.]+)\s*(ms|s|m)\b/g)];
  if (parts.length === 0) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000 } as const;
  return parts.reduce((sum, [, value, name]) => sum + Number(value) * unit[name as keyof typeof unit], 0);
}

/** Phases, pages and memory from a build log. */
export function parseBuildLog(lines: readonly LogLine[]): ParsedBuildLog {
  const find = (pattern: RegExp) => lines.find((l) => pattern.test(l.text));
  const synced = find(/\[content\] Synced content/);
  const routes = find(/generating static routes/);
  let renderMs: number | undefined;
  if (routes) {
    const after = lines.slice(lines.indexOf(routes) + 1).find((l) => /✓ Completed in /.test(l.text));
    renderMs = after ? parseDuration(after.text.split('Completed in')[1] ?? '') : undefined;
  }
  const indexed = find(/Indexed \d+ pages in \d+ ms/);
  const indexedMatch = indexed ? /Indexed (\d+) pages in (\d+) ms/.exec(indexed.text) : null;
  const cards = find(/social cards: .* (\d+) ms of it after the other integrations/);
  const built = find(/\[build\] (\d+) page\(s\) built in/);
  const builtMatch = built ? /(\d+) page\(s\) built in/.exec(built.text) : null;
  const rss = find(/Maximum resident set size \(kbytes\): \d+/);
  const exit = find(/^\s*Exit status: \d+/);
  // GNU time's lines, e.g. "\tUser time (seconds): 62.15".
  const seconds = (label: string) => {
    const pattern = new RegExp(`^\\s*${label} \\(seconds\\): ([\\d.]+)\\s*$`);
    const value = lines.map((l) => pattern.exec(l.text)?.[1]).find((v) => v !== undefined);
    return value === undefined ? undefined : Number(value) * 1000;
  };
  const userMs = seconds('User time');
  const systemMs = seconds('System time');
  const routes_ = routeTimes(lines);
  const renderByFamily: Record<string, { routes: number; ms: number }> = {};
  for (const { route, ms } of routes_) {
    const family = /^\/[^/]+\/[^/]/.test(route) ? `/${route.split('/')[1]}/*` : route;
    const entry = (renderByFamily[family] ??= { routes: 0, ms: 0 });
    entry.routes += 1;
    entry.ms += ms;
  }
  return {
    slowestRoutes: [...routes_].sort((a, b) => b.ms - a.ms).slice(0, 10),
    renderByFamily,
    syncMs: synced?.at,
    bundleMs: synced && routes ? routes.at - synced.at : undefined,
    renderMs,
    pagefindMs: indexedMatch ? Number(indexedMatch[2]) : undefined,
    pagefindPages: indexedMatch ? Number(indexedMatch[1]) : undefined,
    cardsMs: cards ? Number(/(\d+) ms of it after/.exec(cards.text)?.[1]) : undefined,
    pages: builtMatch ? Number(builtMatch[1]) : undefined,
    reused: lines.filter((l) => /[├└]─ \S+ \((restored|cached)\)/.test(l.text)).length,
    maxRssKb: rss ? Number(/(\d+)\s*$/.exec(rss.text)?.[1]) : undefined,
    cpuMs: userMs === undefined || systemMs === undefined ? undefined : userMs + systemMs,
    exitStatus: exit ? Number(/(\d+)\s*$/.exec(exit.text)?.[1]) : undefined,
  };
}
