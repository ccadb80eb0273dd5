// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import contentStore from './src/integrations/content-store.ts';
import ogCards from './src/integrations/og-cards.ts';
import outputDir from './src/integrations/output-dir.ts';
import pagefind from './src/integrations/pagefind.ts';
import redirectsMap from './src/integrations/redirects.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import { CONTENT_DIR } from './src/lib/content-dir.ts';
import { SEARCH_FOLDER } from './src/lib/search-config.ts';
import { createHash } from 'node:crypto';
import { COLOR_SCHEME_INIT } from './src/components/layout/color-scheme-init.ts';
import { PLACEHOLDER_SITE_URL } from './src/lib/build-info.ts';

/** Deploy target: overridable so the same build can live at a domain root or under a sub-path. */
const site = process.env.SITE_URL ?? PLACEHOLDER_SITE_URL;
const base = process.env.BASE_PATH ?? '/';
/** The social cards, written while Pagefind indexes rather than as routes (src/lib/og-outputs.ts). */
const cards = ogCards();
/**
 * Keeps the last build's pages, and its search index for Pagefind to write over, in the output folder, and
 * removes what the build no longer makes.
 */
const outputFolder = outputDir({ reuse: [SEARCH_FOLDER], outputs: cards.outputs });

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  // Separate caches let two builds of one checkout run side by side (e.g. while developing).
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  // A duplicate entry id (two files, or twice in one data file) fails the build instead of warning.
  prerenderConflictBehavior: 'error',
  integrations: [
    // First: it empties the output folder before the build and prunes it before the others read it.
    outputFolder.keep,
    mdx(),
    contentStore(),
    redirectsMap(CONTENT_DIR),
    // The embed pages live inside other sites' frames (noindex), not in search results.
    sitemap({
      filter: (page) =>
        !page.endsWith('/404/') && !page.startsWith(new URL('embed/', new URL(base.replace(/\/?$/, '/'), site)).href),
    }),
    // Around Pagefind: the card worker draws the last cards while Pagefind indexes the pages.
    cards.start,
    pagefind(),
    securityHeaders(),
    cards.finish,
    // Last: the list of pages to keep is written only once every integration has finished the build.
    outputFolder.record,
  ],
  // Shiki's inline styles would break the CSP, and the content has no code blocks.
  markdown: { syntaxHighlight: false },
  // Styles ship as files too, so the CSP needs no per-page style hashes.
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Pages that return a cacheKey (src/lib/page-keys.ts) are copied from the previous build when nothing
  // they show has changed: a warm build re-renders only what an edit touched.
  experimental: { incrementalBuild: true },
  // Scripts ship as cacheable files under 'self' rather than inline: an inlined module also loses
  // Vite's preload helper, which breaks the search page's dynamic import of Pagefind. The output folder
  // is not emptied by Astro but by the output-dir integration, which keeps the last build's pages for the
  // incremental build to leave in place.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false } },
  security: {
    csp: {
      // No worker-src: the search page's Pagefind worker is a same-origin script, which script-src allows.
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles its WebAssembly search engine; that needs 'wasm-unsafe-eval' and nothing more.
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        // The colour-scheme script must run before paint, so it is inline; its exact hash allows it.
        hashes: [`sha256-${createHash('sha256').update(COLOR_SCHEME_INIT).digest('base64')}`],
      },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
