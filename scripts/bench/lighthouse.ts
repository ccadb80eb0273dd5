/**
 * Lighthouse's mobile performance score (default config: simulated slow 4G and a 4× slower CPU) for the
 * page templates the budget names, against the generated site served on loopback.
 */
import type { SiteServer } from '../lib/server.ts';
import { launchChromeForLighthouse, runLighthouse } from '../lib/lighthouse.ts';

/** One page's performance score and the metrics behind it. */
export interface LighthouseResult {
  path: string;
  /** 0–1, as Lighthouse reports it. */
  performance: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
}

/** Runs Lighthouse once per path, in one Chromium. */
export async function measureLighthouse(server: SiteServer, paths: readonly string[]): Promise<LighthouseResult[]> {
  const chrome = await launchChromeForLighthouse();
  try {
    const results: LighthouseResult[] = [];
    for (const path of paths) {
      const lhr = await runLighthouse(`${server.root}${path.replace(/^\//, '')}`, chrome.port);
      const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
      results.push({
        path,
        performance: lhr.categories['performance']?.score ?? null,
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
      });
    }
    return results;
  } finally {
    chrome.kill();
  }
}
