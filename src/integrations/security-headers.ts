/**
 * Writes `<outDir>/_headers` (the Netlify / Cloudflare Pages format) after the build: the same CSP the
 * pages carry in their <meta>, plus what a meta tag cannot say (frame-ancestors) and the other security
 * headers, and long-lived caching for content-hashed assets only. Generated from the built pages so the
 * header can never drift from the meta policy.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]+)"/;

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** The `_headers` file for a site whose pages all carry `csp`, served under `base`. */
export function headersFile(csp: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const policy = `${csp.replace(/;\s*$/, '')}; frame-ancestors 'none'`;
  return [
    `${root}*`,
    `  Content-Security-Policy: ${policy}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    '  Cross-Origin-Opener-Policy: same-origin',
    `${root}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
  ].join('\n');
}

/** The Astro integration that writes `_headers` once the pages exist. */
export default function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'tracker:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const policies = new Map<string, string>();
        for (const file of await htmlFiles(outDir)) {
          const html = await readFile(file, 'utf8');
          // Astro's redirect pages (see redirects.ts) hold only a meta refresh: no script, no policy.
          if (html.includes('http-equiv="refresh"') && !html.includes('<script')) continue;
          const csp = META_CSP.exec(html)?.[1];
          if (!csp) throw new Error(`${file}: no content-security-policy meta tag`);
          policies.set(csp, file);
        }
        if (policies.size !== 1) {
          throw new Error(
            `Pages carry ${policies.size} different CSPs (e.g. ${[...policies.values()].join(', ')}); one header cannot match them all`,
          );
        }
        const [csp] = policies.keys();
        await writeFile(join(outDir, '_headers'), headersFile(csp as string, base));
        logger.info('Wrote _headers with the pages’ CSP');
      },
    },
  };
}
