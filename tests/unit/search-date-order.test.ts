import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOrderFile, pageDate, writeDateOrder } from '../../src/integrations/pagefind';
import { DATE_ORDER_FILE, dateOrderIds, type DateOrderFile } from '../../src/lib/search-config';
import { byDate } from '../../src/lib/search-rank';

const r = (id: string) => ({ id });

describe('byDate', () => {
  const rank = new Map([
    ['old', 0],
    ['mid', 1],
    ['new', 2],
  ]);

  it('orders the dated results oldest or newest first and leaves out the undated ones', () => {
    const results = ['mid', 'actor', 'new', 'old', 'theme'].map(r);
    expect(byDate(results, rank, 'asc').map((x) => x.id)).toEqual(['old', 'mid', 'new']);
    expect(byDate(results, rank, 'desc').map((x) => x.id)).toEqual(['new', 'mid', 'old']);
  });

  it('keeps exactly the dated results, in their places of the date order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 40 })), fc.func(fc.boolean()), (ids, dated) => {
        const results = ids.map((id) => r(String(id)));
        const order = new Map(results.filter((x) => dated(x.id)).map((x) => [x.id, Number(x.id)]));
        const asc = byDate(results, order, 'asc');
        expect(asc.map((x) => x.id).sort()).toEqual([...order.keys()].sort());
        expect(asc.map((x) => Number(x.id))).toEqual([...order.values()].sort((a, b) => a - b));
        expect(byDate(results, order, 'desc')).toEqual([...asc].reverse());
      }),
    );
  });
});

describe('the date order written next to the index', () => {
  const fragment = (page: object) =>
    gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(page))]));
  const page = (date: string | undefined) =>
    `<html><body><main data-pagefind-body><h1>x</h1>${
      date ? `<time class="date" datetime="${date}" data-pagefind-meta="date">shown</time>` : ''
    }<time datetime="1999-01-01">another date</time></main></body></html>`;

  it('writes the ids once with their shared language prefix, and reads them back whole', () => {
    const ids = ['en-gb_0a1b2c3', 'en-gb_ffee001', 'en-gb_12345678'];
    expect(dateOrderFile(ids)).toEqual({ prefix: 'en-gb_', ids: '0a1b2c3 ffee001 12345678' });
    expect(dateOrderIds(dateOrderFile(ids))).toEqual(ids);
    const mixed = ['en-gb_0a1b2c3', 'ms_0a1b2c3'];
    expect(dateOrderIds(dateOrderFile(mixed))).toEqual(mixed);
    expect(dateOrderIds(dateOrderFile([]))).toEqual([]);
  });

  it('reads the date a result shows from its <time datetime>', () => {
    expect(pageDate(page('2024-06-19'))).toBe('2024-06-19');
    expect(pageDate('<time data-pagefind-meta="date" datetime="2025-04">April 2025</time>')).toBe('2025-04');
    expect(pageDate(page(undefined))).toBeUndefined();
  });

  it('lists the dated results oldest first, as the timeline orders them: a month or year after its days, ties by URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'date-order-'));
    try {
      const pages: [string, string, string | undefined][] = [
        ['en_b', '/agreements/b/', '2024-06-19'],
        ['en_a', '/agreements/a/', '2024-06-19'],
        ['en_c', '/events/c/', '2024'],
        ['en_d', '/agreements/d/', '2023-12'],
        ['en_f', '/agreements/f/', '2023-12-31'],
        ['en_g', '/agreements/g/', '2024-06'],
        ['en_e', '/actors/e/', undefined],
      ];
      mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
      for (const [id, url, date] of pages) {
        mkdirSync(join(dir, url), { recursive: true });
        writeFileSync(join(dir, url, 'index.html'), page(date));
        const meta = date ? { title: id, date: 'shown' } : { title: id };
        writeFileSync(join(dir, 'pagefind', 'fragment', `${id}.pf_fragment`), fragment({ url, meta }));
      }
      expect(writeDateOrder(dir, join(dir, 'pagefind'))).toBe(6);
      const file = JSON.parse(gunzipSync(readFileSync(join(dir, DATE_ORDER_FILE))).toString()) as DateOrderFile;
      expect(file).toEqual({ prefix: 'en_', ids: 'f d a b g c' });
      expect(dateOrderIds(file)).toEqual(['en_f', 'en_d', 'en_a', 'en_b', 'en_g', 'en_c']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
