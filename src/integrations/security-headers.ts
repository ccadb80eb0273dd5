/**
 * Writes `<outDir>/_headers` (the Netlify / Cloudflare Pages format) after the build: the same CSP the
 * pages carry in their <meta>, plus what a meta tag cannot say (frame-ancestors) and the other security
 * headers, and long-lived caching for content-hashed assets only. Generated from the built pages so the
 * header can never drift from the meta policy (the file is written into the build, not kept in public/).
 *
 * Framing: the embeddable pages under /embed/ may be framed by any site, every other page by none.
 * Both hosts apply EVERY rule whose pattern matches a path and join a header set by several rules into
 * one comma-separated value, which browsers enforce as several policies (the strictest wins): a `/*`
 * rule's `frame-ancestors 'none'` would therefore also reach /embed/ and forbid the embed. Cloudflare
 * can detach a header (`! Content-Security-Policy`), but Netlify silently ignores that line. So the
 * Content-Security-Policy rules do not overlap: one per top-level file and folder of the build (the
 * same policy with `frame-ancestors 'none'`), and one for /embed/* (with `frame-ancestors *`). Netlify's
 * `/x/*` also matches `/x` and `/xyz`, so no other top-level name may be a prefix of "embed".
 * `*` lets any http(s) page frame the embeds (CSP's `*` leaves out data:, blob: and file: parents).
 * The headers that are the same for every path stay in one `/*` rule. A path that matches no file gets
 * the 404 page with its meta CSP but no frame-ancestors: a not-found page offers nothing to clickjack.
 * Anything an integration listed after this one adds at the top of the build gets no CSP rule.
 */
import { open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]+)"/;
/** The top-level folder whose pages other sites may frame. */
const EMBED_DIR = 'embed';
/** Files the hosts read as configuration and never serve. */
const HOST_FILES = new Set(['_headers', '_redirects']);
/** Cloudflare Pages applies at most this many rules. */
const MAX_RULES = 100;

/** A file or folder at the top of the build. */
export interface TopLevelEntry {
  name: string;
  directory: boolean;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** How much of a page is read at a time: a whole head, here, in all but the longest. */
const READ_SIZE = 16 * 1024;

/**
 * A page's text up to its `</head>`, or the whole page when it has none. The policy is in the head, and
 * the body is most of a page's bytes: at 3,000 agreements the pages hold 115 MB, and reading them whole
 * took about a second of every build.
 */
async function headOf(file: string): Promise<string> {
  const handle = await open(file);
  try {
    const decoder = new TextDecoder();
    const buffer = Buffer.alloc(READ_SIZE);
    let text = '';
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_SIZE, null);
      if (bytesRead === 0) return text + decoder.decode();
      const searched = text.length;
      text += decoder.decode(buffer.subarray(0, bytesRead), { stream: true });
      // From just before the new text, in case the tag straddles two reads.
      const end = text.indexOf('</head>', Math.max(0, searched - '</head>'.length));
      if (end !== -1) return text.slice(0, end);
    }
  } finally {
    await handle.close();
  }
}

/**
 * The content-security-policy a built page carries in its <meta>; undefined for one of Astro's redirect
 * pages (redirects.ts), which holds only a meta refresh and no script, so needs no policy.
 * @throws when any other page has no policy: one missing would leave the header untested against it.
 */
export async function pagePolicy(file: string): Promise<string | undefined> {
  const head = await headOf(file);
  // A redirect page is a few hundred bytes, read whole so that a script anywhere in it counts.
  if (head.includes('http-equiv="refresh"') && !(await readFile(file, 'utf8')).includes('<script')) return undefined;
  const csp = META_CSP.exec(head)?.[1];
  if (!csp) throw new Error(`${file}: no content-security-policy meta tag`);
  return csp;
}

/** How many pages are read at once: enough to keep libuv's four threads busy. */
const PARALLEL_READS = 16;

/** Each page's policy (pagePolicy), read a few pages at a time. */
async function pagePolicies(files: readonly string[]): Promise<Map<string, string>> {
  const policies = new Map<string, string>();
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i] as string;
      const csp = await pagePolicy(file);
      if (csp !== undefined && !policies.has(csp)) policies.set(csp, file);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, reader));
  return policies;
}

/**
 * The `_headers` file for a site whose pages all carry `csp`, served under `base`, whose build holds
 * `entries` at its top level: one CSP rule per entry, none of which can match /embed/ (see above).
 */
export function headersFile(csp: string, base: string, entries: readonly TopLevelEntry[]): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const policy = (ancestors: string) =>
    `Content-Security-Policy: ${csp.replace(/;\s*$/, '')}; frame-ancestors ${ancestors}`;
  const served = entries.filter((e) => !HOST_FILES.has(e.name) && e.name !== EMBED_DIR);
  const clash = served.find((e) => EMBED_DIR.startsWith(e.name));
  if (clash) throw new Error(`"${clash.name}" at the top of the build: its rule would also match /${EMBED_DIR}/`);
  const rules: [string, string[]][] = [
    [
      `${root}*`,
      [
        'X-Content-Type-Options: nosniff',
        'Referrer-Policy: strict-origin-when-cross-origin',
        'Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()',
        'Cross-Origin-Opener-Policy: same-origin',
      ],
    ],
    [root, [policy("'none'")]],
    ...served.map((e): [string, string[]] => [`${root}${e.name}${e.directory ? '/*' : ''}`, [policy("'none'")]]),
    [`${root}${EMBED_DIR}/*`, [policy('*')]],
    [`${root}_astro/*`, ['Cache-Control: public, max-age=31536000, immutable']],
  ];
  if (rules.length > MAX_RULES)
    throw new Error(`_headers needs ${rules.length} rules; Cloudflare Pages reads ${MAX_RULES}`);
  return `${rules.map(([path, headers]) => [path, ...headers.map((h) => `  ${h}`)].join('\n')).join('\n')}\n`;
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
        const policies = await pagePolicies(await htmlFiles(outDir));
        if (policies.size !== 1) {
          throw new Error(
            `Pages carry ${policies.size} different CSPs (e.g. ${[...policies.values()].join(', ')}); one header cannot match them all`,
          );
        }
        const [csp] = policies.keys();
        const entries = (await readdir(outDir, { withFileTypes: true })).map((e) => ({
          name: e.name,
          directory: e.isDirectory(),
        }));
        await writeFile(join(outDir, '_headers'), headersFile(csp as string, base, entries));
        logger.info('Wrote _headers with the pages’ CSP');
      },
    },
  };
}
