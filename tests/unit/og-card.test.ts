import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
import { cardSvg, isCardPng, renderCard, svgText } from '../../src/lib/og-render';
import { woffToSfnt } from '../../src/lib/woff-to-sfnt';
import { xmlError } from '../support/xml';

const projectRoot = new URL('../../', import.meta.url);

const agreement = {
  title: 'Memorandum of understanding on cooperation in trade in services',
  shortTitle: 'Trade in services MoU',
  type: 'mou',
  date: { value: '2025-04-16', precision: 'day' as const },
  malaysian: [{ name: 'Ministry of Investment, Trade and Industry', abbreviation: 'MITI' }],
  chinese: [{ name: 'Ministry of Commerce', abbreviation: 'MOFCOM' }],
};

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
