/**
 * The generated `_headers` file: every path of the build gets exactly one Content-Security-Policy, the
 * pages' own policy plus frame-ancestors, which is `*` under /embed/ and 'none' everywhere else, under
 * both hosts' ways of matching rules (a request gets the headers of EVERY rule that matches it).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFile, pagePolicy, type TopLevelEntry } from '../../src/integrations/security-headers';
import { parseHeadersFile } from '../../scripts/lib/server';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';";
const BASE_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const entries: TopLevelEntry[] = [
  { name: '_astro', directory: true },
  { name: '_headers', directory: false },
  { name: '404.html', directory: false },
  { name: 'about', directory: true },
  { name: 'agreements', directory: true },
  { name: 'embed', directory: true },
  { name: 'events', directory: true },
  { name: 'favicon.svg', directory: false },
  { name: 'index.html', directory: false },
  { name: 'pagefind', directory: true },
  { name: 'search', directory: true },
];
/** Paths a reader can request in such a build, and whether other sites may frame them. */
const paths: [string, boolean][] = [
  ['/', false],
  ['/index.html', false],
  ['/404.html', false],
  ['/about/', false],
  ['/agreements/durian-phytosanitary-protocol-2024/', false],
  ['/events/', false],
  ['/search/', false],
  ['/favicon.svg', false],
  ['/_astro/index.abc123.js', false],
  ['/pagefind/pagefind.js', false],
  ['/embed/timeline/', true],
  ['/embed/timeline/index.html', true],
];

type Rules = ReturnType<typeof parseHeadersFile>;
/** Cloudflare Pages' matching: a `*` stands for any run of characters, anchored at both ends. */
function cloudflareRules(text: string): Rules {
  return parseHeadersFile(text).map((rule, i) => {
    const path = text.split('\n').filter((l) => l.startsWith('/'))[i] ?? '';
    const source = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    return { ...rule, pattern: new RegExp(`^${source}$`) };
  });
}
const headersFor = (rules: Rules, path: string, name: string) =>
  rules
    .filter((r) => r.pattern.test(path))
    .flatMap((r) => r.headers)
    .filter(([key]) => key.toLowerCase() === name.toLowerCase())
    .map(([, value]) => value);

describe.each([
  ['Netlify', (text: string) => parseHeadersFile(text)],
  ['Cloudflare Pages', cloudflareRules],
] as const)('as %s matches rules', (_host, parse) => {
  describe.each(['/', '/tracker/'])('under base %s', (base) => {
    const rules = parse(headersFile(CSP, base, entries));
    const at = (path: string) => `${base}${path.slice(1)}`;

    it.each(paths)('%s gets exactly one CSP, the pages’ own, with the right frame-ancestors', (path, framable) => {
      expect(headersFor(rules, at(path), 'Content-Security-Policy')).toEqual([
        `${BASE_POLICY}; frame-ancestors ${framable ? '*' : "'none'"}`,
      ]);
    });

    it.each(paths)('%s gets nosniff, a referrer and a permissions policy once', (path) => {
      expect(headersFor(rules, at(path), 'X-Content-Type-Options')).toEqual(['nosniff']);
      expect(headersFor(rules, at(path), 'Referrer-Policy')).toEqual(['strict-origin-when-cross-origin']);
      expect(headersFor(rules, at(path), 'Permissions-Policy')).toHaveLength(1);
    });

    it('caches only the content-hashed assets for a year', () => {
      const cached = paths.map(([p]) => p).filter((p) => headersFor(rules, at(p), 'Cache-Control').length > 0);
      expect(cached).toEqual(['/_astro/index.abc123.js']);
    });
  });
});

describe('headersFile', () => {
  it('writes no rule for the host’s own configuration files', () => {
    expect(headersFile(CSP, '/', entries)).not.toMatch(/^\/_headers/m);
  });

  it('refuses a top-level name whose rule Netlify would also apply to /embed/', () => {
    expect(() => headersFile(CSP, '/', [...entries, { name: 'em', directory: true }])).toThrow(/"em"/);
  });

  it('refuses more rules than Cloudflare Pages reads', () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ name: `page-${i}`, directory: true }));
    expect(() => headersFile(CSP, '/', many)).toThrow(/Cloudflare/);
  });
});

describe('pagePolicy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'page-policy-'));
  const page = (name: string, html: string) => {
    const file = join(dir, name);
    writeFileSync(file, html);
    return file;
  };
  const meta = (csp: string) => `<meta http-equiv="content-security-policy" content="${csp}">`;
  // Longer than one read of the page, with characters of two, three and four bytes in UTF-8.
  const longHead = `<script type="application/ld+json">${'{"name":"Perjanjian – 合作备忘录 🇲🇾"}'.repeat(800)}</script>`;

  it('reads the policy from a head longer than one read', async () => {
    const file = page(
      'long.html',
      `<!doctype html><html><head>${longHead}${meta(CSP)}</head><body><p>Text</p></body></html>`,
    );
    await expect(pagePolicy(file)).resolves.toBe(CSP);
  });

  it('takes the policy only from the head, where browsers apply it', async () => {
    const body = `<body>${meta('default-src *')}</body>`;
    const file = page('body.html', `<html><head>${longHead}${meta(CSP)}</head>${body}</html>`);
    await expect(pagePolicy(file)).resolves.toBe(CSP);
    const none = page('body-only.html', `<html><head><title>T</title></head>${body}</html>`);
    await expect(pagePolicy(none)).rejects.toThrow(`${none}: no content-security-policy meta tag`);
  });

  it('finds the end of the head where it falls across two reads (16 KiB each)', async () => {
    for (let at = 16 * 1024 - 8; at <= 16 * 1024 + 1; at++) {
      const start = '<html><head><title>';
      const file = page(
        `split-${at}.html`,
        `${start}${'x'.repeat(at - start.length)}</head><body>${meta(CSP)}</body></html>`,
      );
      await expect(pagePolicy(file), `</head> at byte ${at}`).rejects.toThrow(/no content-security-policy meta tag/);
    }
  });

  it('needs no policy on a redirect page without a script, and one on a redirect page with a script', async () => {
    const refresh = '<meta http-equiv="refresh" content="0;url=/agreements/">';
    const redirect = page(
      'redirect.html',
      `<!doctype html><head>${refresh}</head><body><a href="/agreements/">Agreements</a></body>`,
    );
    await expect(pagePolicy(redirect)).resolves.toBeUndefined();
    const scripted = page(
      'scripted.html',
      `<!doctype html><head>${refresh}</head><body><script src="/x.js"></script></body>`,
    );
    await expect(pagePolicy(scripted)).rejects.toThrow(/no content-security-policy meta tag/);
  });
});
