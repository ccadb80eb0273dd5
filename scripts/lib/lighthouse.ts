/**
 * Lighthouse 13 in the real Debian Chromium, launched by chrome-launcher with the flags this machine's
 * closed network needs. Lighthouse's default config: the mobile form factor with simulated throttling.
 */
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.ts';

/** The Lighthouse categories the site is scored on. */
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** One of CATEGORIES. */
export type Category = (typeof CATEGORIES)[number];

/** Launches one headless Chromium for Lighthouse to drive; call `kill()` on it in afterAll. */
export function launchChromeForLighthouse(): Promise<LaunchedChrome> {
  return launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    logLevel: 'silent',
  });
}

/** An audit that pulls its category below 1, with what it flagged. */
export interface FailingAudit {
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
  /** What the audit flagged: HTML snippets, selectors, URLs or labels from its details. */
  items: string[];
}

/** What one page scored, for the summary file. */
export interface PageSummary {
  path: string;
  url: string;
  finalUrl: string;
  scores: Record<Category, number | null>;
  metrics: { lcpMs: number | null; tbtMs: number | null; cls: number | null };
  /** The elements that moved, from the "layout-shifts" audit, to explain a CLS above 0. */
  layoutShifts: string[];
  failing: Record<Category, FailingAudit[]>;
  runWarnings: string[];
}

/**
 * Lighthouse's runtime errors that say its own trace recording failed, not that the page did: a fresh
 * run usually succeeds, so these are retried (a page that never paints still fails every attempt).
 */
const TRACE_ERRORS = new Set(['NO_NAVSTART', 'NO_TRACING_STARTED', 'NO_DOCUMENT_REQUEST', 'PROTOCOL_TIMEOUT']);

/** How many times a page is measured before a trace-recording error is reported. */
const ATTEMPTS = 3;

/** Runs Lighthouse (default mobile config) on `url` in the Chromium listening on `port`. */
export async function runLighthouse(url: string, port: number): Promise<Result> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const { lhr } = result;
    const error = lhr.runtimeError;
    if (!error) return lhr;
    if (!TRACE_ERRORS.has(error.code) || attempt === ATTEMPTS)
      throw new Error(`Lighthouse failed on ${url} (attempt ${attempt}): ${error.code} ${error.message}`);
  }
}

/** Strings worth showing from one row of an audit's details table. */
function describeItem(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const row = item as Record<string, unknown>;
  const node = (row['node'] ?? row['relatedNode']) as
    { snippet?: string; selector?: string; explanation?: string } | undefined;
  if (node?.snippet) {
    const explanation = node.explanation ? ` — ${node.explanation.replace(/\s+/g, ' ').trim()}` : '';
    return `${node.snippet}${node.selector ? ` (${node.selector})` : ''}${explanation}`;
  }
  const parts = ['description', 'source', 'url', 'href', 'text', 'label', 'reason'].flatMap((key) => {
    const value = row[key];
    if (typeof value === 'string' && value) return [value];
    if (typeof value === 'object' && value !== null && 'url' in value) return [String((value as { url: unknown }).url)];
    return [];
  });
  return parts.length > 0 ? [...new Set(parts)].join(' — ') : undefined;
}

/** Readable rows of an audit's details table. */
function detailItems(details: unknown): string[] {
  const items = (details as { items?: unknown[] } | undefined)?.items ?? [];
  return items.map(describeItem).filter((s): s is string => s !== undefined);
}

/** The audits of a category that weigh in its score and did not pass, with what they flagged. */
function failingAudits(lhr: Result, category: Category): FailingAudit[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit): audit is Result['audits'][string] => audit !== undefined)
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => {
      const items = detailItems(audit.details);
      const failing: FailingAudit = { id: audit.id, title: audit.title, score: audit.score, items };
      if (audit.displayValue) failing.displayValue = audit.displayValue;
      if (audit.errorMessage) failing.items.unshift(`error: ${audit.errorMessage}`);
      return failing;
    });
}

/** The scores, key metrics and failing audits of one Lighthouse run. */
export function summarise(path: string, url: string, lhr: Result): PageSummary {
  const score = (c: Category) => lhr.categories[c]?.score ?? null;
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  return {
    path,
    url,
    finalUrl: lhr.finalDisplayedUrl,
    scores: {
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
    },
    metrics: {
      lcpMs: numeric('largest-contentful-paint'),
      tbtMs: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
    },
    layoutShifts: detailItems(lhr.audits['layout-shifts']?.details),
    failing: {
      performance: failingAudits(lhr, 'performance'),
      accessibility: failingAudits(lhr, 'accessibility'),
      'best-practices': failingAudits(lhr, 'best-practices'),
      seo: failingAudits(lhr, 'seo'),
    },
    runWarnings: lhr.runWarnings,
  };
}

/** A readable list of failing audits for an assertion message. */
export function describeFailures(audits: FailingAudit[]): string {
  if (audits.length === 0) return '(no weighted audit below 1)';
  return audits
    .map((a) => {
      const head = `- ${a.id}: ${a.title} (score ${a.score}${a.displayValue ? `, ${a.displayValue}` : ''})`;
      return [head, ...a.items.slice(0, 10).map((i) => `    ${i}`)].join('\n');
    })
    .join('\n');
}

/** One line per page: the four scores ×100 and LCP/TBT/CLS. */
export function summaryTable(pages: PageSummary[]): string {
  const pct = (n: number | null) => (n === null ? '—' : String(Math.round(n * 100)));
  const width = Math.max(4, ...pages.map((p) => p.path.length));
  const header = `${'page'.padEnd(width)}  perf  a11y  bp   seo  LCP(ms)  TBT(ms)  CLS`;
  const rows = pages.map((p) =>
    [
      p.path.padEnd(width),
      pct(p.scores.performance).padStart(4),
      pct(p.scores.accessibility).padStart(5),
      pct(p.scores['best-practices']).padStart(4),
      pct(p.scores.seo).padStart(4),
      String(Math.round(p.metrics.lcpMs ?? NaN)).padStart(8),
      String(Math.round(p.metrics.tbtMs ?? NaN)).padStart(8),
      (p.metrics.cls ?? NaN).toFixed(3).padStart(6),
    ].join(' '),
  );
  return [header, ...rows].join('\n');
}
