import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { imageSize } from 'image-size';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  agreementCard,
  COVERED_RANGES,
  drawableText,
  eventCard,
  fitText,
  siteCard,
  TEXT_WIDTH,
  textWidth,
  themeCard,
  TITLE_STEPS,
} from '../../src/lib/og-card';
import {
  bandedCardSvg,
  cardBands,
  cardOutputs,
  cardSvg,
  cardWorkers,
  drawAhead,
  isCardPng,
  renderCard,
  svgText,
} from '../../src/lib/og-render';
import { encodePng } from '../../src/lib/png-encode';
import { woffToSfnt } from '../../src/lib/woff-to-sfnt';
import { xmlError } from '../support/xml';

const projectRoot = new URL('../../', import.meta.url);

const agreement = {
  title: 'Memorandum of understanding on cooperation in trade in services',
  shortTitle: 'Trade in services MoU',
  type: 'mou' as const,
  date: { value: '2025-04-16', precision: 'day' as const },
  malaysian: [{ name: 'Ministry of Investment, Trade and Industry', abbreviation: 'MITI' }],
  chinese: [{ name: 'Ministry of Commerce', abbreviation: 'MOFCOM' }],
};

/** A PNG's colour type, from its IHDR chunk: 2 RGB, 3 palette, 6 RGBA. */
const colourType = (png: Uint8Array) => png[25];

/** The RGBA pixels of a PNG, decoded by pngjs (not by the encoder under test). */
const pixelsOf = (png: Uint8Array) => PNG.sync.read(Buffer.from(png)).data;

// The bundled fonts as TrueType files, unpacked once for this file's own resvg drawings.
const fontDir = mkdtempSync(join(tmpdir(), 'og-fonts-'));
afterAll(() => rmSync(fontDir, { recursive: true, force: true }));
const fontFiles = [400, 700].map((weight) => {
  const file = join(fontDir, `inter-${weight}.ttf`);
  const woff = readFileSync(
    join(projectRoot.pathname, `node_modules/@fontsource/inter/files/inter-latin-${weight}-normal.woff`),
  );
  writeFileSync(file, woffToSfnt(woff));
  return file;
});
/** resvg's drawing of an SVG with the bundled fonts, to compare the project's drawings with. */
const resvg = (svg: string) =>
  new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Inter' },
  }).render();

const long = `${'Comprehensive strategic cooperation on the development of '.repeat(4)}everything`.slice(0, 200);

describe('fitText', () => {
  it('keeps a short title whole, at the largest size, on one line', () => {
    const fitted = fitText('Digital economy', TITLE_STEPS);
    expect(fitted).toEqual({ lines: ['Digital economy'], fontSize: 64, clamped: false });
  });

  it('shrinks a title that does not fit at the largest size before clamping it', () => {
    const title = 'Joint Statement on Deepening the Comprehensive Strategic Partnership Towards a Shared Future';
    const fitted = fitText(title, TITLE_STEPS);
    expect(fitted.clamped).toBe(false);
    expect(fitted.fontSize).toBeLessThan(64);
    expect(fitted.lines.join(' ')).toBe(title);
  });

  it('clamps a 200-character title to the last step’s lines, ending in an ellipsis on a whole word', () => {
    expect(long).toHaveLength(200);
    const last = TITLE_STEPS.at(-1);
    const fitted = fitText(long, TITLE_STEPS);
    expect(fitted.clamped).toBe(true);
    expect(fitted.fontSize).toBe(last?.fontSize);
    expect(fitted.lines).toHaveLength(last?.maxLines ?? 0);
    const end = fitted.lines.at(-1) ?? '';
    expect(end).toMatch(/[a-z]…$/);
    // Every word shown is a whole word of the title, in order.
    expect(long.startsWith(fitted.lines.join(' ').replace(/…$/, ''))).toBe(true);
    expect(long.split(' ')).toContain(end.replace(/…$/, '').split(' ').at(-1));
  });

  it('never makes a line wider than the text column', () => {
    for (const text of [long, 'A'.repeat(120), agreement.title]) {
      const { lines, fontSize } = fitText(text, TITLE_STEPS);
      for (const line of lines) expect(textWidth(line, fontSize)).toBeLessThanOrEqual(TEXT_WIDTH);
    }
  });
});

describe('drawableText', () => {
  it('drops characters the bundled font cannot draw, with the brackets they leave empty', () => {
    expect(drawableText('Ministry of Commerce (商务部)')).toBe('Ministry of Commerce');
    expect(drawableText('Malaysia ↔ China')).toBe('Malaysia China');
  });

  it('keeps the en dash, curly quotes, middle dot and ellipsis, which the subset covers', () => {
    expect(drawableText('Malaysia–China “MoU” · 2024’s …')).toBe('Malaysia–China “MoU” · 2024’s …');
  });

  it('uses the unicode-range of the bundled latin subset', () => {
    const css = readFileSync(new URL('node_modules/@fontsource/inter/index.css', projectRoot), 'utf8');
    const range = /inter-latin-400-normal\.woff2[^}]*unicode-range:\s*([^;]+);/.exec(css)?.[1] ?? '';
    const parsed = range.split(',').map((part) => {
      const [from = '', to = from] = part.trim().replace('U+', '').split('-');
      return [parseInt(from, 16), parseInt(to, 16)];
    });
    expect(parsed).toEqual(COVERED_RANGES);
  });
});

describe('agreementCard', () => {
  it('shows the type label, the date at day precision and the parties by abbreviation', () => {
    const card = agreementCard(agreement);
    expect(card.kicker).toBe('MoU');
    expect(card.title.lines.join(' ')).toBe(agreement.title);
    expect(card.facts).toEqual([
      { label: 'Date', value: '16 April 2025' },
      { label: 'Malaysia', value: 'MITI' },
      { label: 'China', value: 'MOFCOM' },
    ]);
  });

  it('shows a month-precision date as the month, never a day', () => {
    const card = agreementCard({ ...agreement, date: { value: '2024-06', precision: 'month' } });
    expect(card.facts[0]?.value).toBe('June 2024');
  });

  it('says the counterpart is not stated when the sources name no Chinese party', () => {
    const card = agreementCard({ ...agreement, chinese: [] });
    expect(card.facts[2]).toEqual({ label: 'China', value: 'counterpart not stated in the sources' });
  });

  it('names a party without an abbreviation in full', () => {
    const card = agreementCard({ ...agreement, malaysian: [{ name: 'Government of Malaysia' }] });
    expect(card.facts[1]?.value).toBe('Government of Malaysia');
  });

  it('falls back to the short title when the full title would be clamped', () => {
    const card = agreementCard({ ...agreement, title: long });
    expect(card.title).toEqual({ lines: ['Trade in services MoU'], fontSize: 64, clamped: false });
  });

  it('clamps the full title when the short title does not fit either', () => {
    const card = agreementCard({ ...agreement, title: long, shortTitle: long });
    expect(card.title.clamped).toBe(true);
    expect(card.title.lines.at(-1)).toMatch(/…$/);
  });
});

describe('themeCard, eventCard and siteCard', () => {
  it('gives a theme its summary and the number of agreements serving it', () => {
    const card = themeCard({ title: 'Digital economy', summary: 'Cooperation on digital business.', agreements: 5 });
    expect(card.kicker).toBe('Theme');
    expect(card.summary?.lines).toEqual(['Cooperation on digital business.']);
    expect(card.facts).toEqual([{ label: 'In the record', value: '5 documents' }]);
    expect(themeCard({ title: 'T', summary: 'S', agreements: 1 }).facts[0]?.value).toBe('1 document');
  });

  it('gives an event its date range, place and reported count', () => {
    const card = eventCard({
      title: "Premier Li Qiang's official visit to Malaysia, June 2024",
      kind: 'official-visit',
      start: { value: '2024-06-18', precision: 'day' },
      end: { value: '2024-06-20', precision: 'day' },
      place: 'Putrajaya',
      documentsReported: 14,
    });
    expect(card.kicker).toBe('Official visit');
    expect(card.facts.map((f) => f.value)).toEqual(['18–20 June 2024', 'Putrajaya', '14 documents']);
  });

  it('says so when an event’s place and count are not in the sources', () => {
    const card = eventCard({ title: 'Expo', kind: 'expo', start: { value: '2025-09', precision: 'month' } });
    expect(card.facts.map((f) => f.value)).toEqual([
      'September 2025',
      'not stated in the sources',
      'not stated in the sources',
    ]);
  });

  it('gives the site card the size of the record', () => {
    const card = siteCard({ agreements: 22, themes: 16, events: 4 });
    expect(card.facts[0]?.value).toBe('22 documents · 16 themes · 4 events');
  });
});

describe('cardSvg', () => {
  it('is well-formed SVG that carries every line, with markup characters escaped', () => {
    const card = agreementCard({ ...agreement, title: 'Tariffs <b> & "quotas" \u0007 between A & B' });
    const svg = cardSvg(card);
    expect(xmlError(svg)).toBeUndefined();
    expect(svg).toContain('Tariffs &lt;b&gt; &amp; "quotas"');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('\u0007');
    for (const line of [...card.title.lines, ...card.facts.map((f) => f.value)]) {
      expect(svg).toContain(`>${svgText(line)}</text>`);
    }
  });
});

describe('bandedCardSvg', () => {
  const draw = (svg: string) => resvg(svg).pixels;
  // Tall capitals with accents, descenders, every title size, a summary, a pill, facts that fill their line.
  const tall = 'ÅÉÎÕÜ Çgjpqy';
  const cards = [
    agreementCard({ ...agreement, title: `${tall} Digital` }),
    agreementCard({ ...agreement, title: `${tall} ${'Joint statement on the partnership '.repeat(3)}` }),
    agreementCard({ ...agreement, title: long, chinese: [] }),
    themeCard({
      title: `${tall} Tourism and culture`,
      summary: `${tall} ${'Visitors and the arts. '.repeat(8)}`,
      agreements: 2,
    }),
    eventCard({
      title: tall,
      kind: 'official-visit',
      start: { value: '2024-06-18', precision: 'day' },
      place: `${tall} Putrajaya`,
    }),
    siteCard({ agreements: 22, themes: 16, events: 4 }),
  ];

  it('leaves out only rows that are background and stripe in the whole card', () => {
    for (const card of cards) {
      const whole = draw(cardSvg(card));
      const blank = whole.subarray(0, 1200 * 4);
      const bands = cardBands(card);
      for (let y = 0; y < 630; y++) {
        if (bands.some((b) => y >= b.top && y < b.bottom)) continue;
        expect(Buffer.from(whole.subarray(y * 4800, y * 4800 + 4800)).equals(Buffer.from(blank)), `row ${y}`).toBe(
          true,
        );
      }
    }
  });

  it('draws each of the card’s rows from its own row of the smaller drawing', () => {
    for (const card of cards) {
      const whole = draw(cardSvg(card));
      const { svg, rows } = bandedCardSvg(card);
      const part = draw(svg);
      const height = part.length / 4800;
      expect(height).toBeLessThan(630);
      expect(rows).toHaveLength(630);
      for (let y = 0; y < 630; y++) {
        const from = rows[y] ?? -1;
        expect(
          Buffer.from(part.subarray(from * 4800, from * 4800 + 4800)).equals(
            Buffer.from(whole.subarray(y * 4800, y * 4800 + 4800)),
          ),
          `row ${y} from ${from}`,
        ).toBe(true);
      }
    }
  });
});

describe('woffToSfnt', () => {
  const woff = readFileSync(
    join(projectRoot.pathname, 'node_modules/@fontsource/inter/files/inter-latin-700-normal.woff'),
  );

  it('unpacks the bundled WOFF into a TrueType font with the same tables', () => {
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    const tags = Array.from({ length: sfnt.readUInt16BE(4) }, (_, i) =>
      sfnt.toString('latin1', 12 + i * 16, 16 + i * 16),
    );
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'loca']));
  });

  it('refuses a file that is not WOFF 1.0, saying so', () => {
    expect(() => woffToSfnt(new Uint8Array(64))).toThrow(/not a WOFF 1\.0 font/i);
  });
});

describe('renderCard', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'og-cache-'));
  const ctx = { root: projectRoot, cacheDir: pathToFileURL(`${cacheDir}/`) };
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('draws a 1200×630 PNG and caches it', async () => {
    const png = await renderCard(agreementCard(agreement), ctx);
    expect(imageSize(png)).toMatchObject({ type: 'png', width: 1200, height: 630 });
    expect(isCardPng(png)).toBe(true);
    // The card's background, in its top-right corner, is the site's light background, opaque.
    const { data } = PNG.sync.read(Buffer.from(png));
    expect([...data.subarray((1200 - 1) * 4, 1200 * 4)]).toEqual([0xfd, 0xfd, 0xfb, 255]);
    // The title is drawn in the font: thousands of near-black text pixels in the middle band (none if the
    // font failed to load, as resvg then silently draws no text).
    let ink = 0;
    for (let y = 150; y < 400; y++) {
      for (let x = 88; x < 1128; x++) {
        const i = (y * 1200 + x) * 4;
        if ((data[i] ?? 255) < 60 && (data[i + 1] ?? 255) < 60 && (data[i + 2] ?? 255) < 60) ink += 1;
      }
    }
    expect(ink).toBeGreaterThan(5000);
    expect(readdirSync(join(cacheDir, 'og-cards')).filter((f) => f.endsWith('.png'))).toHaveLength(1);
  });

  it('draws a different card for different content', async () => {
    const a = await renderCard(agreementCard(agreement), ctx);
    const b = await renderCard(agreementCard({ ...agreement, chinese: [] }), ctx);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('redraws a damaged cache file instead of serving it', async () => {
    const card = themeCard({ title: 'Tourism and culture', summary: 'Visitors and the arts.', agreements: 2 });
    const first = await renderCard(card, ctx);
    const dir = join(cacheDir, 'og-cards');
    for (const file of readdirSync(dir)) writeFileSync(join(dir, file), first.subarray(0, 100));
    const again = await renderCard(card, ctx);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(isCardPng(first.subarray(0, 100))).toBe(false);
  });
});

describe('cardOutputs (the cards a build writes: og-outputs.ts)', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'og-cache-'));
  const outDir = mkdtempSync(join(tmpdir(), 'og-out-'));
  const ctx = { root: projectRoot, cacheDir: pathToFileURL(`${cacheDir}/`) };
  afterAll(() => [cacheDir, outDir].forEach((d) => rmSync(d, { recursive: true, force: true })));
  const theme = themeCard({ title: 'Tourism and culture', summary: 'Visitors and the arts.', agreements: 2 });
  const cards = [
    { file: 'og/agreements/services.png', card: agreementCard(agreement) },
    { file: 'og/themes/tourism.png', card: theme },
  ];
  /** When each card file was last written, to tell a file left in place from one written again. */
  const stamps = () => cards.map(({ file }) => statSync(join(outDir, file)).mtimeMs);

  it('writes every card into its folder, as renderCard draws it, and gives each file its key', async () => {
    const outputs = cardOutputs(cards, ctx);
    expect(outputs.files).toEqual(['og/agreements/services.png', 'og/themes/tourism.png']);
    const done = await outputs.write(outDir, {});
    expect(done).toMatchObject({ written: 2, drawn: 2, kept: 0 });
    for (const { file, card } of cards) {
      const written = readFileSync(join(outDir, file));
      expect(isCardPng(written)).toBe(true);
      expect(written.equals(Buffer.from(await renderCard(card, ctx)))).toBe(true);
    }
    expect(Object.keys(done.keys).sort()).toEqual(outputs.files);
    expect(new Set(Object.values(done.keys)).size).toBe(2);
  });

  it('leaves a card where it is when the last build wrote the same one, and writes it when it changed', async () => {
    const { keys } = await cardOutputs(cards, ctx).write(outDir, {});
    const unchanged = stamps();
    const kept = await cardOutputs(cards, ctx).write(outDir, keys);
    expect(kept).toMatchObject({ written: 0, kept: 2, keys });
    expect(stamps()).toEqual(unchanged);

    // The theme now serves three agreements: its card changes, the agreement's does not.
    const before = readFileSync(join(outDir, 'og/themes/tourism.png'));
    const three = themeCard({ title: 'Tourism and culture', summary: 'Visitors and the arts.', agreements: 3 });
    const changed = [...cards.slice(0, 1), { file: 'og/themes/tourism.png', card: three }];
    const after = await cardOutputs(changed, ctx).write(outDir, keys);
    expect(after).toMatchObject({ written: 1, drawn: 1, kept: 1 });
    expect(after.keys['og/themes/tourism.png']).not.toBe(keys['og/themes/tourism.png']);
    expect(readFileSync(join(outDir, 'og/themes/tourism.png')).equals(before)).toBe(false);
  });

  it('writes a card again when something else wrote its file since, though its key is unchanged', async () => {
    const { keys } = await cardOutputs(cards, ctx).write(outDir, {});
    // Another card in its place (say, another checkout building into the same folder), written a while ago.
    const services = join(outDir, 'og/agreements/services.png');
    const card = readFileSync(services);
    writeFileSync(services, readFileSync(join(outDir, 'og/themes/tourism.png')));
    const aWhileAgo = new Date(Date.now() - 60_000);
    utimesSync(services, aWhileAgo, aWhileAgo);
    expect(await cardOutputs(cards, ctx).write(outDir, keys)).toMatchObject({ written: 1, kept: 1 });
    expect(readFileSync(services).equals(card)).toBe(true);
  });

  it('writes a card again, from the card cache, when its file is gone though its key is unchanged', async () => {
    const { keys } = await cardOutputs(cards, ctx).write(outDir, {});
    rmSync(join(outDir, 'og/agreements/services.png'));
    // The next build's process: the same card cache, in a folder this process has not drawn into.
    const nextCache = mkdtempSync(join(tmpdir(), 'og-cache-'));
    cpSync(join(cacheDir, 'og-cards'), join(nextCache, 'og-cards'), { recursive: true });
    const next = { root: projectRoot, cacheDir: pathToFileURL(`${nextCache}/`) };
    const again = await cardOutputs(cards, next).write(outDir, keys);
    rmSync(nextCache, { recursive: true, force: true });
    expect(again).toMatchObject({ written: 1, drawn: 0, kept: 1 });
    expect(isCardPng(readFileSync(join(outDir, 'og/agreements/services.png')))).toBe(true);
  });

  it('writes a card it drew though the card cache could not keep it', async () => {
    const blocked = mkdtempSync(join(tmpdir(), 'og-cache-'));
    // A file where the cards' cache folder would be: each card is drawn, but none is kept there to copy.
    writeFileSync(join(blocked, 'og-cards'), '');
    const into = mkdtempSync(join(tmpdir(), 'og-out-'));
    const written = await cardOutputs(cards, { root: projectRoot, cacheDir: pathToFileURL(`${blocked}/`) }).write(
      into,
      {},
    );
    expect(written).toMatchObject({ written: 2, drawn: 2 });
    for (const { file, card } of cards) {
      expect(readFileSync(join(into, file)).equals(Buffer.from(await renderCard(card, ctx)))).toBe(true);
    }
    [blocked, into].forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  const seven = ['Ports', 'Rail', 'Fintech', 'Halal food', 'Tourism', 'Space', 'Water'];
  /** Theme cards (seven unless `titles` says) no cache has yet, in `folder`, and a context with a cache of their own. */
  const unseen = (folder: string, titles = seven) => ({
    cards: titles.map((title, i) => ({
      file: `og/${folder}/${i}.png`,
      card: themeCard({ title, summary: `${title} cooperation in ${folder}.`, agreements: i }),
    })),
    fresh: { root: projectRoot, cacheDir: pathToFileURL(`${mkdtempSync(join(tmpdir(), 'og-cache-'))}/`) },
  });

  it('draws each card right when the rest are shared between two workers (hurry)', async () => {
    const { cards: many, fresh } = unseen('hurried');
    const outputs = cardOutputs(many, fresh);
    outputs.hurry();
    const done = await outputs.write(outDir, {});
    expect(done).toMatchObject({ written: 7, drawn: 7 });
    expect(cardWorkers(fresh)).toBe(2);
    // Each file holds its own card: drawn alone, with the worker of a separate cache, it is the same PNG.
    for (const { file, card } of many) {
      expect(readFileSync(join(outDir, file)).equals(Buffer.from(await renderCard(card, ctx)))).toBe(true);
    }
    rmSync(fileURLToPath(fresh.cacheDir), { recursive: true, force: true });
  });

  it('starts the next build in the process on one worker, and counts only the cards it drew itself', async () => {
    // After the two-worker build above: the pages of the next build have the second core.
    const { cards: many, fresh } = unseen('next-build');
    const outputs = cardOutputs(many, fresh);
    expect(cardWorkers(fresh)).toBe(1);
    expect(await outputs.write(outDir, {})).toMatchObject({ written: 7, drawn: 7 });
    expect(cardWorkers(fresh)).toBe(1);
    // The same cards again, into another folder: all from the card cache, none drawn by this build.
    const elsewhere = mkdtempSync(join(tmpdir(), 'og-out-'));
    expect(await cardOutputs(many, fresh).write(elsewhere, {})).toMatchObject({ written: 7, drawn: 0 });
    [elsewhere, fileURLToPath(fresh.cacheDir)].forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('makes the card folders before the first card is drawn, for the integrations listing the folder', async () => {
    const { cards: many, fresh } = unseen('listed');
    const writing = cardOutputs(many, fresh).write(outDir, {});
    expect(existsSync(join(outDir, 'og', 'listed'))).toBe(true);
    expect(readdirSync(join(outDir, 'og', 'listed'))).toEqual([]);
    await writing;
    rmSync(fileURLToPath(fresh.cacheDir), { recursive: true, force: true });
  });

  /**
   * Removes a card cache a stopped build drew into. The worker still finishes the cards it had been sent
   * (into the cache, never the output folder), so a file may land while the folder is being removed.
   */
  const removeWhenDrawn = (cacheDir: URL) =>
    rmSync(fileURLToPath(cacheDir), { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });

  it('writes no more cards once one has failed, and says which', async () => {
    // Fourteen, so that the other writer is very unlikely to get through them all while the failing one gives up.
    const { cards: many, fresh } = unseen('after-failure', [...seven, ...seven.map((title) => `${title} again`)]);
    // A folder where the first card's file should be: it cannot be written.
    mkdirSync(join(outDir, 'og', 'after-failure', '0.png'), { recursive: true });
    await expect(cardOutputs(many, fresh, 2).write(outDir, {})).rejects.toThrow(/^og\/after-failure\/0\.png: EISDIR/);
    // The other writer finishes the card it had started (how many it got through first depends on the
    // host's speed), and takes no other: the rest are never written, even after the build has failed.
    const folder = join(outDir, 'og', 'after-failure');
    const left = readdirSync(folder);
    expect(left).toContain('0.png');
    expect(left.length).toBeLessThan(many.length);
    await sleep(500);
    expect(readdirSync(folder)).toEqual(left);
    removeWhenDrawn(fresh.cacheDir);
  });

  it('writes no more cards once cancelled (a build that is over), and fails rather than finishing', async () => {
    const { cards: many, fresh } = unseen('cancelled');
    const outputs = cardOutputs(many, fresh, 1);
    const writing = outputs.write(outDir, {});
    outputs.cancel();
    await expect(writing).rejects.toThrow(/^6 social cards were not written: the build stopped them/);
    expect(readdirSync(join(outDir, 'og', 'cancelled'))).toHaveLength(1);
    removeWhenDrawn(fresh.cacheDir);
  });

  it('fails, naming the card’s file, when the card cannot be drawn', async () => {
    // A project root without the bundled fonts.
    const bare = { root: pathToFileURL(`${outDir}/`), cacheDir: pathToFileURL(`${outDir}/cache/`) };
    await expect(cardOutputs(cards.slice(1), bare).write(outDir, {})).rejects.toThrow(
      /^og\/themes\/tourism\.png: .*@fontsource\/inter/,
    );
  });
});

describe('encodePng', () => {
  /** An opaque image whose pixel at (x, y) is `colour(x, y)`, as RGBA bytes. */
  const image = (width: number, height: number, colour: (x: number, y: number) => number[]) => {
    const rgba = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgba.set(colour(x, y), (y * width + x) * 4);
    return rgba;
  };

  it('writes an image of up to 256 colours with a palette, every pixel as it was', () => {
    // Long runs of one colour and single pixels of 255 others, as on a card's anti-aliased edges: 256 colours.
    const rgba = image(300, 40, (x, y) => {
      const k = (Math.floor(x / 7) + y * 43) % 255;
      return x % 7 === 0 ? [k, 255 - k, (k * 3) % 256, 255] : [253, 253, 251, 255];
    });
    const png = encodePng(rgba, 300, 40);
    expect(png && colourType(png)).toBe(3);
    expect(png?.readUInt32BE(33)).toBe(256 * 3); // the PLTE chunk's length
    expect(png && imageSize(png)).toMatchObject({ type: 'png', width: 300, height: 40 });
    expect(png && pixelsOf(png).equals(Buffer.from(rgba))).toBe(true);
  });

  it('keeps 256 scattered colours apart in the palette', () => {
    // Colours from a fixed pseudo-random sequence, one per pixel, each pixel's twin four rows down.
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
    const colours = Array.from({ length: 256 }, () => next());
    const rgba = image(64, 8, (x, y) => {
      const c = colours[(y % 4) * 64 + x] ?? 0;
      return [c & 255, (c >> 8) & 255, (c >> 16) & 255, 255];
    });
    const png = encodePng(rgba, 64, 8);
    expect(png && colourType(png)).toBe(3);
    expect(png?.readUInt32BE(33)).toBe(256 * 3);
    expect(png && pixelsOf(png).equals(Buffer.from(rgba))).toBe(true);
  });

  it('writes an image of more than 256 colours as RGB, every pixel as it was', () => {
    const rgba = image(64, 64, (x, y) => [x * 4, y * 4, (x + y) % 256, 255]);
    const png = encodePng(rgba, 64, 64);
    expect(png && colourType(png)).toBe(2);
    expect(png && pixelsOf(png).equals(Buffer.from(rgba))).toBe(true);
  });

  it('leaves an image that is not opaque to resvg’s encoder', () => {
    expect(
      encodePng(
        image(8, 8, (x) => [0, 0, 0, x === 5 ? 128 : 255]),
        8,
        8,
      ),
    ).toBeUndefined();
    expect(
      encodePng(
        image(32, 32, (x, y) => [x * 8, y * 8, 0, x === 31 && y === 31 ? 0 : 255]),
        32,
        32,
      ),
    ).toBeUndefined();
  });

  it('puts rows back where a row map says, as if the whole image had been given', () => {
    // Three distinct rows; the map repeats the first, as a card's empty rows repeat one row of background.
    const few = image(40, 3, (x, y) => (y === 0 ? [250, 250, 248, 255] : [x * 6, y * 80, 30, 255]));
    const rows = [0, 0, 1, 0, 2, 2, 0];
    const whole = new Uint8Array(40 * rows.length * 4);
    rows.forEach((from, y) => whole.set(few.subarray(from * 160, from * 160 + 160), y * 160));
    const png = encodePng(few, 40, 3, rows);
    expect(png && imageSize(png)).toMatchObject({ width: 40, height: 7 });
    expect(png && pixelsOf(png).equals(Buffer.from(whole))).toBe(true);
    // Byte for byte the PNG of the whole image: same palette order, same rows.
    expect(png).toEqual(encodePng(whole, 40, 7));
    // And so with more than 256 colours, written as RGB.
    const many = image(64, 8, (x, y) => [x * 4, y * 32, (x + y) % 256, 255]);
    const manyWhole = new Uint8Array(64 * 4 * 16);
    for (let y = 0; y < 16; y++) manyWhole.set(many.subarray((y % 8) * 256, (y % 8) * 256 + 256), y * 256);
    expect(
      encodePng(
        many,
        64,
        8,
        Array.from({ length: 16 }, (_, y) => y % 8),
      ),
    ).toEqual(encodePng(manyWhole, 64, 16));
  });

  it('writes a row the same as the one above it, and rows that repeat further apart, as they are', () => {
    // Rows 1 and 2 are the same pixels, as the space between two lines of text is; row 3 repeats row 0; row 5
    // is row 4 up to its last pixel.
    const rgba = image(50, 6, (x, y) =>
      y === 1 || y === 2 ? [9, 9, 9, 255] : [x * 5, (Math.min(y, 4) % 3) * 40, y === 5 && x === 49 ? 1 : 99, 255],
    );
    const png = encodePng(rgba, 50, 6);
    expect(png && colourType(png)).toBe(3);
    expect(png && pixelsOf(png).equals(Buffer.from(rgba))).toBe(true);
    // A row map that puts the same rows next to each other in another order.
    const rows = [2, 1, 1, 4, 5, 3, 0, 5, 4];
    const whole = new Uint8Array(50 * rows.length * 4);
    rows.forEach((from, y) => whole.set(rgba.subarray(from * 200, from * 200 + 200), y * 200));
    const mapped = encodePng(rgba, 50, 6, rows);
    expect(mapped && pixelsOf(mapped).equals(Buffer.from(whole))).toBe(true);
    expect(mapped).toEqual(encodePng(whole, 50, rows.length));
  });

  it('refuses a row map that points outside the image', () => {
    const rgba = image(4, 2, () => [1, 2, 3, 255]);
    expect(() => encodePng(rgba, 4, 2, [0, 2])).toThrow(/row 1 is taken from row 2/);
    expect(() => encodePng(rgba, 4, 2, [0.5])).toThrow(RangeError);
  });

  it('reads pixels from a Buffer starting at any byte, and refuses the wrong number of them', () => {
    const rgba = image(20, 10, (x, y) => [x * 10, y * 20, 7, 255]);
    const pooled = Buffer.alloc(rgba.length + 1);
    pooled.set(rgba, 1);
    expect(encodePng(pooled.subarray(1), 20, 10)).toEqual(encodePng(rgba, 20, 10));
    expect(() => encodePng(rgba, 20, 11)).toThrow(RangeError);
  });
});

describe('the card worker', () => {
  const temporary = mkdtempSync(join(tmpdir(), 'og-worker-'));
  const context = (name: string, worker?: URL | false) => ({
    root: projectRoot,
    cacheDir: pathToFileURL(`${join(temporary, name)}/`),
    ...(worker === undefined ? {} : { worker }),
  });
  afterAll(() => rmSync(temporary, { recursive: true, force: true }));

  // resvg's own rendering of a card, to compare the worker's PNG with.
  const resvgPng = (card: Parameters<typeof cardSvg>[0]) => resvg(cardSvg(card)).asPng();

  it('draws the very pixels resvg draws, in a smaller palette PNG', async () => {
    const card = eventCard({
      title: 'Tariffs <b> & "quotas" — between A & B',
      kind: 'official-visit',
      start: { value: '2024-06-18', precision: 'day' },
      place: 'Putrajaya',
    });
    const png = await renderCard(card, context('worker'));
    // Colour type 3 (palette) is written only by png-encode.ts, in the worker; resvg writes RGBA.
    expect(colourType(png)).toBe(3);
    expect(isCardPng(png)).toBe(true);
    const reference = resvgPng(card);
    expect(pixelsOf(png).equals(pixelsOf(reference))).toBe(true);
    expect(png.length).toBeLessThan(reference.length * 0.75);
  });

  it('draws each card once when drawAhead and the routes ask for them together', async () => {
    const ctx = context('ahead');
    const cards = Array.from({ length: 8 }, (_, i) => agreementCard({ ...agreement, title: `Agreement number ${i}` }));
    drawAhead(cards, ctx);
    const pngs = await Promise.all(cards.map((card) => renderCard(card, ctx)));
    expect(pngs.every((png) => isCardPng(png) && colourType(png) === 3)).toBe(true);
    expect(new Set(pngs.map((png) => Buffer.from(png).toString('base64'))).size).toBe(8);
    const files = readdirSync(join(temporary, 'ahead', 'og-cards'));
    expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(8);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('stops drawing ahead when told, leaving the cards not yet started undrawn', async () => {
    const ctx = context('stopped');
    const cards = Array.from({ length: 12 }, (_, i) =>
      themeCard({ title: `Stopped ${i}`, summary: 'Mostly never drawn.', agreements: i }),
    );
    drawAhead(cards, ctx).stop();
    // The two it keeps queued had started; renderCard waits for them rather than drawing them again.
    await Promise.all(cards.slice(0, 2).map((card) => renderCard(card, ctx)));
    expect(readdirSync(join(temporary, 'stopped', 'og-cards')).filter((f) => f.endsWith('.png'))).toHaveLength(2);
  });

  it('frees each card’s pixels while more cards wait, keeping memory flat over many cards', async () => {
    const ctx = context('memory');
    const cards = Array.from({ length: 81 }, (_, i) => agreementCard({ ...agreement, title: `Card ${i} of many` }));
    await renderCard(cards[0] ?? agreementCard(agreement), ctx);
    const before = process.memoryUsage().rss;
    // drawAhead keeps cards queued at the worker, the case in which pixels were once never freed (6 MB a card).
    drawAhead(cards.slice(1), ctx);
    for (const card of cards.slice(1)) await renderCard(card, ctx);
    expect((process.memoryUsage().rss - before) / 2 ** 20).toBeLessThan(200);
  });

  it('returns the card even when the cache cannot be written', async () => {
    const blocked = join(temporary, 'not-a-folder');
    writeFileSync(blocked, '');
    const card = themeCard({ title: 'Read-only disks', summary: 'Still drawn.', agreements: 1 });
    const png = await renderCard(card, { root: projectRoot, cacheDir: pathToFileURL(`${blocked}/`) });
    expect(isCardPng(png)).toBe(true);
    expect(pixelsOf(png).equals(pixelsOf(resvgPng(card)))).toBe(true);
  });

  it('draws the same card on the thread pool when the worker cannot start, or is not wanted', async () => {
    const card = siteCard({ agreements: 3, themes: 2, events: 1 });
    const missing = await renderCard(card, context('missing', new URL('no-such-worker.ts', projectRoot)));
    const off = await renderCard(card, context('off', false));
    for (const png of [missing, off]) {
      expect(colourType(png)).toBe(6);
      expect(pixelsOf(png).equals(pixelsOf(resvgPng(card)))).toBe(true);
    }
    // The failed worker file does not stop the real one.
    const again = await renderCard(card, context('after'));
    expect(colourType(again)).toBe(3);
  });
});
