/**
 * The quality gates a trusted public site runs, over every page in the sitemap plus the 404 page and a
 * search-results state, against the production build served on loopback with its `_headers`:
 * accessibility (axe, light and dark, desktop and phone), no sideways scrolling, no console errors, no
 * CSP violations, no third-party requests, valid HTML (Nu Html Checker), no broken internal links or
 * fragments (linkinator), and the headers.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { check, LinkState } from 'linkinator';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { useBuiltSite, watchedPage } from '../support/browser';
import { projectRoot } from '../../scripts/lib/project-root';
import { distDir, htmlPages, readPage, requireBuild } from '../support/dist';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

requireBuild();
/** Site paths listed in the sitemap, as a crawler would find them. */
const sitemapPaths = parse(readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8'))
  .querySelectorAll('loc')
  .map((loc) => new URL(loc.text).pathname)
  .sort();
/** Pages left out of the sitemap on purpose: the embeddable ones live in other sites' frames (noindex). */
const embedPaths = ['/embed/timeline/', '/embed/timeline/?theme=artificial-intelligence&year=2025'];
/** Every state the gates visit: the sitemap, the 404 page, a filtered timeline, a search with results, the embeds. */
const states = [
  ...sitemapPaths,
  '/404.html',
  '/?theme=artificial-intelligence&year=2025',
  '/search/?q=NDRC',
  ...embedPaths,
];

const site = useBuiltSite();

describe('the sitemap', () => {
  it('lists every built page except the 404 page and the embeds', () => {
    const built = htmlPages().filter((p) => p !== '/404.html' && !p.startsWith('/embed/'));
    expect(sitemapPaths).toEqual(built);
  });
});

/**
 * Light and dark on a desktop, and light on a 375 px phone: the phone's layout wraps rows differently.
 * There, axe's target-size rule once failed a short party link that had room enough at 1280 px, and
 * sources cited by their bare address made 38 pages scroll sideways.
 */
const views = [
  { colorScheme: 'light', width: 1280 },
  { colorScheme: 'dark', width: 1280 },
  { colorScheme: 'light', width: 375 },
] as const;

describe.each(views)('in $colorScheme mode at $width px, every page', ({ colorScheme, width }) => {
  it.concurrent.each(states)(
    '%s has no axe violations, console errors, CSP violations, third-party requests or sideways scrolling',
    async (path) => {
      const { page, problems } = await watchedPage(site.browser, { colorScheme, width });
      await page.goto(`${site.server.origin}${path}`);
      if (path.startsWith('/search/?q=')) await page.locator('.search-result').first().waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => {
        const root = document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(overflow, 'px the page is wider than the window').toBe(0);
      const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.cspViolations).toEqual([]);
      expect([...problems.requestOrigins]).toEqual([site.server.origin]);
      await page.context().close();
    },
  );
});

describe('HTML', () => {
  it('passes the Nu Html Checker with 0 errors on every page', () => {
    const jar = join(projectRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
    let report = '';
    try {
      execFileSync('java', ['-jar', jar, '--format', 'json', '--errors-only', '--skip-non-html', distDir], {
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      report = String((error as { stderr?: Buffer }).stderr ?? error);
    }
    const messages = report
      ? (JSON.parse(report) as { messages: { url: string; message: string; extract?: string }[] }).messages
      : [];
    expect(messages.map((m) => `${m.url.replace(`file:${distDir}`, '')}: ${m.message} [${m.extract ?? ''}]`)).toEqual(
      [],
    );
  }, 120_000);
});

describe('links', () => {
  it('has no broken internal link or #fragment on any page; external links are reported, not checked', async () => {
    const external = new Set<string>();
    const result = await check({
      path: [...sitemapPaths, ...embedPaths].map((p) => `${site.server.origin}${p}`),
      recurse: true,
      checkFragments: true,
      concurrency: 8,
      linksToSkip: async (link) => {
        if (link.startsWith(site.server.origin)) return false;
        external.add(link);
        return true;
      },
    });
    const dir = join(projectRoot, '.tmp');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'external-links.json'), `${JSON.stringify([...external].sort(), null, 2)}\n`);
    const broken = result.links
      .filter((l) => l.state === LinkState.BROKEN)
      .map((l) => `${l.parent} → ${l.url} (${l.status})`);
    expect(broken).toEqual([]);
    expect(result.links.filter((l) => l.state === LinkState.OK).length).toBeGreaterThan(sitemapPaths.length);
  }, 120_000);
});

describe('security headers', () => {
  const headers = readFileSync(join(distDir, '_headers'), 'utf8');
  const metaCsp =
    readPage('/').querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';

  it('sends the pages’ own CSP as a header, plus frame-ancestors', () => {
    expect(headers).toContain(`Content-Security-Policy: ${metaCsp.replace(/;\s*$/, '')}; frame-ancestors 'none'`);
  });

  it('allows only self and WebAssembly compilation for scripts', () => {
    const scriptSrc = metaCsp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    const sources = scriptSrc
      .trim()
      .split(/\s+/)
      .slice(1)
      .filter((s) => !s.startsWith("'sha256-"));
    expect(sources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('sends nosniff, a referrer policy and a permissions policy to every path', () => {
    expect(headers).toMatch(/^\/\*\n(  .+\n)*  X-Content-Type-Options: nosniff$/m);
    expect(headers).toMatch(/^  Referrer-Policy: strict-origin-when-cross-origin$/m);
    expect(headers).toMatch(/^  Permissions-Policy: camera=\(\)/m);
  });

  it('caches only content-hashed assets for long', () => {
    const cached = headers.split('\n').filter((l) => l.includes('max-age=31536000'));
    expect(cached).toHaveLength(1);
    expect(headers).toMatch(/^\/_astro\/\*\n  Cache-Control: public, max-age=31536000, immutable$/m);
  });

  it('reaches the browser: a page served with the header cannot be framed', async () => {
    const response = await fetch(`${site.server.origin}/about/`);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets other sites frame the embeds, with the same policy otherwise', async () => {
    const response = await fetch(`${site.server.origin}/embed/timeline/`);
    expect(response.headers.get('content-security-policy')).toBe(`${metaCsp.replace(/;\s*$/, '')}; frame-ancestors *`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
