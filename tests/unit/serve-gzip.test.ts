/**
 * The test and benchmark server's gzip option: the benchmark's Lighthouse runs load pages gzipped, as the
 * static hosts the site targets send them, so the server must send exactly the file, compressed, and
 * only to clients that accept it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type SiteServer } from '../../scripts/lib/server';

const dir = mkdtempSync(join(tmpdir(), 'serve-gzip-'));
const html = `<!doctype html><title>x</title>${'<p>Memorandum of understanding</p>'.repeat(200)}`;
const chunk = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]);

/** A raw GET (fetch would decompress): status, headers and the bytes as sent. */
function get(url: string, acceptEncoding?: string) {
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveSite with gzip', () => {
  let gzipping: SiteServer;
  let plain: SiteServer;
  beforeAll(async () => {
    mkdirSync(join(dir, 'pagefind', 'index'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'pagefind', 'index', 'en_1.pf_index'), chunk);
    gzipping = await serveSite(dir, '/', { gzip: true });
    plain = await serveSite(dir);
  });
  afterAll(async () => {
    await Promise.all([gzipping.close(), plain.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a page gzipped to a client that accepts gzip, and logs the bytes sent', async () => {
    const { headers, body } = await get(gzipping.root, 'gzip, deflate, br');
    expect(headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(body).toString()).toBe(html);
    expect(body.length).toBeLessThan(html.length / 10);
    expect(gzipping.log.at(-1)).toEqual({ path: '/', status: 200, bytes: body.length });
  });

  it('sends the page as it is to a client that does not accept gzip, and when not asked to gzip', async () => {
    for (const [server, accept] of [
      [gzipping, undefined],
      [plain, 'gzip'],
    ] as const) {
      const { headers, body } = await get(server.root, accept);
      expect(headers['content-encoding']).toBeUndefined();
      expect(body.toString()).toBe(html);
    }
  });

  it('leaves files that are compressed already (Pagefind’s chunks) as they are', async () => {
    const { headers, body } = await get(`${gzipping.root}pagefind/index/en_1.pf_index`, 'gzip');
    expect(headers['content-encoding']).toBeUndefined();
    expect(body.equals(chunk)).toBe(true);
  });
});
