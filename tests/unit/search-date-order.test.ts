import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOrderFile, writeDateOrder } from '../../src/integrations/pagefind';
import { DATE_ORDER_NAME, dateOrderPlaces, decodeDateOrder, type DateOrderFile } from '../../src/lib/search-config';
import { byDate } from '../../src/lib/search-rank';

const r = (id: string) => ({ id });

/** A date order from a list of ids, oldest first, as byDate takes it. */
const placesOf = (ids: readonly string[]) => {
  const at = new Map(ids.map((id, place) => [id, place]));
  return (id: string) => at.get(id);
};

describe('byDate', () => {
  const rank = placesOf(['old', 'mid', 'new']);

  it('orders the dated results oldest or newest first and leaves out the undated ones', () => {
    const results = ['mid', 'actor', 'new', 'old', 'theme'].map(r);
    expect(byDate(results, rank, 'asc').map((x) => x.id)).toEqual(['old', 'mid', 'new']);
    expect(byDate(results, rank, 'desc').map((x) => x.id)).toEqual(['new', 'mid', 'old']);
  });

  it('keeps exactly the dated results, in their places of the date order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 40 })), fc.func(fc.boolean()), (ids, dated) => {
        const results = ids.map((id) => r(String(id)));
        const kept = results.filter((x) => dated(x.id)).map((x) => Number(x.id));
        const order = (id: string) => (kept.includes(Number(id)) ? Number(id) : undefined);
        const asc = byDate(results, order, 'asc');
        expect(asc.map((x) => Number(x.id))).toEqual([...kept].sort((a, b) => a - b));
        expect(byDate(results, order, 'desc')).toEqual([...asc].reverse());
      }),
    );
  });
});

describe('the date order written next to the index', () => {
  const fragment = (page: object) =>
    gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(page))]));
  /** Each id of `lookUp` (every id of `all` unless given) looked up in the file written for `ordered`. */
  const places = (ordered: string[], all: string[], lookUp = all) => {
    const place = dateOrderPlaces(dateOrderFile(ordered, all));
    return lookUp.map((id) => place(id));
  };

  it('writes each id as the shortest start no other result shares, after their language prefix, once', () => {
    const all = ['en-gb_0a1b2c3', 'en-gb_0a1ff00', 'en-gb_ffee001', 'en-gb_12345678', 'en-gb_9999999'];
    expect(dateOrderFile(['en-gb_ffee001', 'en-gb_0a1b2c3', 'en-gb_12345678'], all)).toEqual({
      prefix: 'en-gb_',
      ids: 'f 0a1b 1',
    });
    expect(places(['en-gb_ffee001', 'en-gb_0a1b2c3', 'en-gb_12345678'], all)).toEqual([1, undefined, 0, 2, undefined]);
    const mixed = ['en-gb_0a1b2c3', 'ms_0a1b2c3'];
    expect(dateOrderFile(mixed, mixed)).toEqual({ prefix: '', ids: 'e m' });
    expect(places(mixed, mixed)).toEqual([0, 1]);
    expect(dateOrderFile([], [])).toEqual({ prefix: '', ids: '' });
  });

  it('tells apart a hash that Pagefind lengthened after a collision from the shorter one it starts with', () => {
    const all = ['en_abc1234', 'en_abc12345', 'en_abc12346', 'en_f000000'];
    expect(places(['en_abc12345', 'en_abc1234'], all)).toEqual([1, 0, undefined, undefined]);
    expect(places(['en_abc12346'], all)).toEqual([undefined, undefined, 0, undefined]);
  });

  it('finds every dated result in its place and no other result, whatever the ids', () => {
    const id = fc.stringMatching(/^[0-9a-f]{1,9}$/).map((hex) => `en-gb_${hex}`);
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 1, maxLength: 60 }), fc.func(fc.boolean()), (all, dated) => {
        const ordered = all.filter((x) => dated(x));
        const expected = all.map((x) => (ordered.includes(x) ? ordered.indexOf(x) : undefined));
        expect(places(ordered, all)).toEqual(expected);
      }),
    );
  });

  it('refuses to order an id that is not a result of the bundle', () => {
    expect(() => dateOrderFile(['en_zzz'], ['en_aaa'])).toThrow(/en_zzz, which is not a result of the bundle/);
  });

  /** A bundle folder holding one fragment per page: [id, url, the date's metadata (shown text, datetime)]. */
  const bundleOf = (pages: [string, string, Record<string, string>][]) => {
    const dir = mkdtempSync(join(tmpdir(), 'date-order-'));
    mkdirSync(join(dir, 'fragment'), { recursive: true });
    for (const [id, url, date] of pages) {
      writeFileSync(join(dir, 'fragment', `${id}.pf_fragment`), fragment({ url, meta: { title: id, ...date } }));
    }
    return dir;
  };
  const on = (datetime: string) => ({ date: 'shown', datetime });

  it('lists the dated results oldest first, as the timeline orders them: a month or year after its days, ties by URL', () => {
    const dir = bundleOf([
      ['en_b', '/agreements/b/', on('2024-06-19')],
      ['en_a', '/agreements/a/', on('2024-06-19')],
      ['en_c', '/events/c/', on('2024')],
      ['en_d', '/agreements/d/', on('2023-12')],
      ['en_f', '/agreements/f/', on('2023-12-31')],
      ['en_g', '/agreements/g/', on('2024-06')],
      ['en_e', '/actors/e/', {}],
    ]);
    try {
      expect(writeDateOrder(dir)).toBe(6);
      const file = JSON.parse(gunzipSync(readFileSync(join(dir, DATE_ORDER_NAME))).toString()) as DateOrderFile;
      expect(file).toEqual({ prefix: 'en_', ids: 'f d a b g c' });
      const place = dateOrderPlaces(file);
      expect(['en_f', 'en_d', 'en_a', 'en_b', 'en_g', 'en_c', 'en_e'].map(place)).toEqual([
        0,
        1,
        2,
        3,
        4,
        5,
        undefined,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails, naming every page whose result shows a date without a calendar date behind it', () => {
    const dir = bundleOf([
      ['en_a', '/agreements/a/', on('2024-06-19')],
      ['en_b', '/agreements/b/', { date: 'shown' }],
      ['en_c', '/agreements/c/', on('in 2024')],
      ['en_d', '/events/d/', on('2024-02-30')],
    ]);
    try {
      expect(() => writeDateOrder(dir)).toThrow(
        [
          "The search's date order cannot place 3 result(s); DateText `indexed` records each entry's date for it:",
          '- /agreements/b/ shows the date "shown" in search, but its <time> has no datetime',
          '- /agreements/c/ shows the date "shown" in search, but "in 2024" is not written as YYYY, YYYY-MM or YYYY-MM-DD',
          '- /events/d/ shows the date "shown" in search, but 2024-02-30 is not a calendar date (day 30 of a 29-day month)',
        ].join('\n'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('decodeDateOrder', () => {
  const file: DateOrderFile = { prefix: 'en_', ids: 'f d a' };
  const bytes = (buffer: Buffer) => new Uint8Array(buffer);

  it('reads the file gzipped, as written, and as plain JSON from a host that already decoded it', async () => {
    await expect(decodeDateOrder(bytes(gzipSync(JSON.stringify(file))))).resolves.toEqual(file);
    await expect(decodeDateOrder(bytes(Buffer.from(JSON.stringify(file))))).resolves.toEqual(file);
  });
});

describe("the benchmark's date-order script", () => {
  // The string the benchmark puts in its page, made as the benchmark makes it: by Node, whose type stripping
  // gives the functions' source, rather than by the test runner's own transform of the modules.
  const source = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "import { DATE_ORDER_SCRIPT } from './scripts/bench/browser.ts'; process.stdout.write(DATE_ORDER_SCRIPT);",
    ],
    { cwd: new URL('../../', import.meta.url), encoding: 'utf8' },
  );
  /** The functions that script defines, evaluated on their own, as the benchmark's page does. */
  const script = new Function(`${source}\nreturn { decodeDateOrder, dateOrderPlaces, byDate };`)() as {
    decodeDateOrder: typeof decodeDateOrder;
    dateOrderPlaces: typeof dateOrderPlaces;
    byDate: typeof byDate;
  };

  it('reads the file as the site does, gzipped or plain', async () => {
    const file = dateOrderFile(['en_b', 'en_a'], ['en_a', 'en_b']);
    for (const bytes of [gzipSync(JSON.stringify(file)), Buffer.from(JSON.stringify(file))]) {
      await expect(script.decodeDateOrder(new Uint8Array(bytes))).resolves.toEqual(file);
    }
  });

  it('sorts results in the same date order as the site, from the same gzipped file', async () => {
    const all = ['en_abc1234', 'en_abc12345', 'en_f000000', 'en_0b', 'en_9c'];
    const ordered = ['en_abc12345', 'en_0b', 'en_abc1234', 'en_f000000'];
    const gzipped = new Uint8Array(gzipSync(JSON.stringify(dateOrderFile(ordered, all))));
    const results = all.map(r);
    const site = dateOrderPlaces(await decodeDateOrder(gzipped));
    const bench = script.dateOrderPlaces(await script.decodeDateOrder(gzipped));
    for (const direction of ['asc', 'desc'] as const) {
      expect(script.byDate(results, bench, direction)).toEqual(byDate(results, site, direction));
    }
    expect(script.byDate(results, bench, 'asc').map((x) => x.id)).toEqual(ordered);
  });
});
