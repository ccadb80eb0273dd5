/**
 * A static file server for the built site on loopback, behaving like the static hosts it targets:
 * serves `dir` under `base`, sends the headers the build's `_headers` file asks for, answers unknown
 * paths with the site's 404 page, and records every request (path, status, bytes) for tests to read.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.cff': 'application/yaml; charset=utf-8',
};

/** One request the server answered. */
export interface Served {
  path: string;
  status: number;
  bytes: number;
}

/** A running server: its origin, the URL of the site root, what it served, and how to stop it. */
export interface SiteServer {
  origin: string;
  root: string;
  log: Served[];
  close(): Promise<void>;
}

function resolveFile(dir: string, path: string): string | undefined {
  const safe = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '');
  const candidate = join(dir, safe);
  if (!candidate.startsWith(dir)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, 'index.html');
  return existsSync(index) ? index : undefined;
}

/**
 * A `_headers` path pattern as Netlify reads it, the broader of the two hosts: a `*` segment matches
 * the rest of the path or nothing (so `/x/*` also matches `/x` and `/xyz`), case-insensitively.
 */
function headersPattern(path: string): RegExp {
  const escape = (part: string) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '(.*)');
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((part) => (part === '*' ? '?(.*)' : escape(part)));
  return new RegExp(`^/${parts.join('/')}/?$`, 'i');
}

/**
 * Header rules of a `_headers` file: a path pattern and the headers for matching paths. Like both
 * hosts, the server sends the headers of EVERY matching rule, so a header two rules set arrives twice
 * (a browser enforces two CSPs as two policies, just as the hosts' comma-joined value).
 */
export function parseHeadersFile(text: string): { pattern: RegExp; headers: [string, string][] }[] {
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: headersPattern(line.trim()), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Types a CDN compresses; Pagefind's index chunks and images are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt', '.csv', '.cff']);

/** How the server sends files. */
export interface ServeOptions {
  /**
   * Gzip text files for clients that accept it, as the static hosts the site targets (Netlify, Cloudflare
   * Pages, GitHub Pages) do; the log then records the compressed bytes. Off by default: tests read raw sizes.
   */
  gzip?: boolean;
}

/** Serves the built site in `dir` at `base` ("/" or "/tracker/") on a free loopback port. */
export async function serveSite(dir: string, base = '/', options: ServeOptions = {}): Promise<SiteServer> {
  const log: Served[] = [];
  const gzipped = new Map<string, Buffer>();
  const headersPath = join(dir, '_headers');
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const inside = path.startsWith(base) ? path.slice(base.length - 1) : undefined;
    const file = inside === undefined ? undefined : resolveFile(dir, inside);
    const status = file ? 200 : 404;
    const body = file ?? join(dir, '404.html');
    const extra = rules.filter((r) => r.pattern.test(path)).flatMap((r) => r.headers);
    const type = ['content-type', TYPES[extname(body)] ?? 'application/octet-stream'] as [string, string];
    const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (options.gzip && accepts && COMPRESSIBLE.has(extname(body)) && existsSync(body)) {
      let packed = gzipped.get(body);
      if (!packed) gzipped.set(body, (packed = gzipSync(readFileSync(body))));
      log.push({ path, status, bytes: packed.length });
      res.writeHead(status, [
        type,
        ['content-encoding', 'gzip'],
        ['vary', 'Accept-Encoding'],
        ['content-length', String(packed.length)],
        ...extra,
      ]);
      res.end(packed);
      return;
    }
    const bytes = existsSync(body) ? statSync(body).size : 0;
    log.push({ path, status, bytes });
    res.writeHead(status, [type, ['content-length', String(bytes)], ...extra]);
    if (bytes === 0) res.end();
    else createReadStream(body).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    root: `${origin}${base}`,
    log,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
