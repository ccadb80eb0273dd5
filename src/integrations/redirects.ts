/**
 * Renamed ids keep working: reads `content/redirects.yaml`, hands it to Astro's `redirects` (which
 * writes a small redirect page at each old path), and after the build fails if a target is not a page
 * and makes each redirect page conforming HTML.
 * An old path that is still a page fails earlier, as a route conflict (prerenderConflictBehavior).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { conformingRedirect, parseRedirects, type Redirect } from '../lib/redirects';

/** The Astro integration for the redirects map in `<contentDir>/redirects.yaml` (optional). */
export default function redirectsMap(contentDir: string): AstroIntegration {
  const file = join(contentDir, 'redirects.yaml');
  const shown = file.replace(/^\.\//, '');
  let redirects: Redirect[] = [];
  return {
    name: 'tracker:redirects',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        redirects = existsSync(file) ? parseRedirects(shown, readFileSync(file, 'utf8')) : [];
        updateConfig({ redirects: Object.fromEntries(redirects.map((r) => [r.from, r.to])) });
      },
      'astro:build:done': ({ dir }) => {
        const outDir = fileURLToPath(dir);
        const page = (path: string) => join(outDir, path, 'index.html');
        for (const [index, { from, to }] of redirects.entries()) {
          if (!existsSync(page(to))) {
            throw new Error(`${shown}: item ${index + 1}: field "to" value "${to}" is not a page of the site`);
          }
          writeFileSync(page(from), conformingRedirect(readFileSync(page(from), 'utf8')));
        }
      },
    },
  };
}
