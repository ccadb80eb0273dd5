/**
 * Screenshots of the built site for a human to look at: each page at 375 px and 1280 px, light and dark.
 * Usage: npm run build && npm run screenshots -- [path …]   (writes screenshots/*.png)
 * OUT_DIR picks another build (as for `astro build`); SHOTS_DIR another folder for the PNGs; FULL_PAGE=1 takes
 * each whole page instead of its first 900 px.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './lib/chromium.ts';
import { serveSite } from './lib/server.ts';

const paths = process.argv.slice(2);
const targets =
  paths.length > 0
    ? paths
    : [
        '/',
        '/agreements/artificial-intelligence-ndrc-mou-2025/',
        '/themes/artificial-intelligence/',
        '/events/xi-jinping-state-visit-2025/',
        '/search/?q=NDRC',
      ];
const server = await serveSite(process.env.OUT_DIR ?? new URL('../dist/', import.meta.url).pathname);
const shots = process.env.SHOTS_DIR ?? 'screenshots';
const browser = await launchBrowser();
mkdirSync(shots, { recursive: true });
try {
  for (const path of targets) {
    for (const width of [375, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        await page.goto(`${server.root}${path.replace(/^\//, '')}`);
        await page.waitForLoadState('networkidle');
        const name = `${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${width}-${colorScheme}.png`;
        await page.screenshot({ path: join(shots, name), fullPage: process.env.FULL_PAGE === '1' });
        await context.close();
        console.log(join(shots, name));
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
