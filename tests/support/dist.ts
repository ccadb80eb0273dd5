/** Reading the built site in dist/ and the content it was built from. */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { projectRoot } from '../../scripts/lib/project-root.ts';

/** The build under test: OUT_DIR when set (as for `astro build`), else dist/. */
export const distDir = process.env.OUT_DIR ? resolve(projectRoot, process.env.OUT_DIR) : join(projectRoot, 'dist');

/** Fails with a clear message when the site has not been built. */
export function requireBuild(dir = distDir): void {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`No build in ${dir}: run "npm run build" first (npm test does).`);
  }
}

/** Every HTML file of a build, as site paths ("/", "/agreements/x/", "/404.html"). */
function htmlFiles(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.html') ? [join(d, e.name)] : [],
    );
  return walk(dir)
    .map((file) => `/${relative(dir, file).split(sep).join('/')}`)
    .map((path) => path.replace(/index\.html$/, ''))
    .sort();
}

/** Whether a built file is one of Astro's redirect stubs (an old address, content/redirects.yaml). */
function isRedirect(path: string, dir: string): boolean {
  // A stub's refresh comes right after its short title, so its first kilobyte holds it.
  const fd = openSync(pageFile(path, dir), 'r');
  try {
    const start = Buffer.alloc(1024);
    return start.toString('utf8', 0, readSync(fd, start, 0, start.length, 0)).includes('http-equiv="refresh"');
  } finally {
    closeSync(fd);
  }
}

/** Every page of a build, as site paths ("/", "/agreements/x/", "/404.html"); old addresses' redirects are not pages. */
export function htmlPages(dir = distDir): string[] {
  return htmlFiles(dir).filter((path) => !isRedirect(path, dir));
}

/** The old addresses a build redirects from, as site paths. */
export function redirectPaths(dir = distDir): string[] {
  return htmlFiles(dir).filter((path) => isRedirect(path, dir));
}

/** The file a site path of a build is served from. */
export function pageFile(path: string, dir = distDir): string {
  return path.endsWith('.html') ? join(dir, path) : join(dir, path, 'index.html');
}

/** The parsed HTML of a site path in a build. */
export function readPage(path: string, dir = distDir): HTMLElement {
  return parse(readFileSync(pageFile(path, dir), 'utf8'));
}

/** Ids of the entries in a content folder, from the file names (what an editor sees). */
export function contentIds(collection: 'agreements' | 'themes' | 'events'): string[] {
  return readdirSync(join(projectRoot, 'content', collection))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.replace(/\.mdx$/, ''))
    .sort();
}
