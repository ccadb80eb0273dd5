/**
 * Draws a social card (og-card.ts's model) as a 1200×630 PNG. og-card.ts has already wrapped and
 * fitted every line, so the card is written directly as SVG with fixed positions, and resvg (native,
 * on libuv's thread pool) rasterises it with the bundled Inter font: no system fonts, no network.
 * Drawing and compressing both run off the main thread, so with Astro's build concurrency the cards
 * are drawn while pages render. Each PNG is kept in a content-addressed cache under Astro's cacheDir,
 * so a warm build re-draws only the cards that changed; a missing or damaged cache file is drawn again.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';
import { renderAsync } from '@resvg/resvg-js';
import { t } from '../i18n/ui';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  FACT_LABEL_WIDTH,
  FACT_SIZE,
  textWidth,
  type CardModel,
  type FittedText,
} from './og-card';
import { woffToSfnt } from './woff-to-sfnt';

/** Bump when the drawing below changes, so cached cards of the old design are not reused. */
const TEMPLATE_VERSION = 5;

/** The light palette of src/styles/global.css (:root), which a card, being an image, keeps in both schemes. */
const PALETTE = {
  bg: '#fdfdfb',
  text: '#1c1f1d',
  muted: '#4f5753',
  accent: '#0b5c4a',
  accentText: '#ffffff',
  border: '#c9cfca',
};

/** Inter's vertical metrics in em: where the baseline sits in a line box, and the height of capitals. */
const ASCENT = 0.96875;
const DESCENT = 0.2421875;
const CAP_HEIGHT = 0.727;

/** The frame: an accent stripe on the left, then padding around the text column. */
const STRIPE = 24;
const LEFT = STRIPE + 64;
const RIGHT = CARD_WIDTH - 72;
const TOP = 52;
const BOTTOM = CARD_HEIGHT - 52;
const HEADER_HEIGHT = 44;
const TITLE_LINE = 1.18;
const SUMMARY_LINE = 1.3;
const FACT_LINE = 1.25;
const FACT_GAP = 6;

/** Where the project's packages and the build cache are. */
export interface RenderContext {
  /** The project root, from which the font files are resolved. */
  root: URL;
  /** Astro's cacheDir; cards are cached in its og-cards/ folder, the unpacked font in og-fonts/. */
  cacheDir: URL;
}

interface Fonts {
  /** The regular and bold font as sfnt files, which resvg loads by path. */
  files: string[];
  /** Hash of the font files, part of every cache key. */
  fontHash: string;
}

const folder = (cacheDir: URL, name: string) =>
  new URL(`${name}/`, cacheDir.href.endsWith('/') ? cacheDir : `${cacheDir.href}/`);

let fontsLoaded: Promise<Fonts> | undefined;

/** Unpacks the bundled WOFF fonts into the cache (resvg reads sfnt files), once per build. */
async function loadFonts({ root, cacheDir }: RenderContext): Promise<Fonts> {
  const resolve = createRequire(new URL('package.json', root)).resolve;
  const weights = [400, 700];
  const woffs = await Promise.all(
    weights.map((w) => readFile(resolve(`@fontsource/inter/files/inter-latin-${w}-normal.woff`))),
  );
  const hash = createHash('sha256');
  for (const woff of woffs) hash.update(woff);
  const fontHash = hash.digest('hex');
  // A cache folder that cannot be written (read-only disk) falls back to a temporary one.
  const dir = await mkdir(folder(cacheDir, 'og-fonts'), { recursive: true })
    .then(() => folder(cacheDir, 'og-fonts'))
    .catch(async () => pathToFileURL(`${await mkdtemp(join(tmpdir(), 'og-fonts-'))}/`));
  const files = await Promise.all(
    woffs.map(async (woff, i) => {
      const file = fileURLToPath(new URL(`inter-${weights[i]}-${fontHash.slice(0, 12)}.ttf`, dir));
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, woffToSfnt(woff));
      await rename(temporary, file);
      return file;
    }),
  );
  return { files, fontHash };
}

/** Text as SVG character data: markup characters escaped, characters XML forbids dropped. */
export function svgText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The baseline of text at `fontSize` centred in a line box `lineHeight` tall starting at `top`. */
const baseline = (top: number, fontSize: number, lineHeight: number) =>
  top + (lineHeight - fontSize * (ASCENT + DESCENT)) / 2 + fontSize * ASCENT;

interface TextStyle {
  size: number;
  bold?: boolean;
  fill: string;
  anchor?: 'end';
  spacing?: number;
}

function text(x: number, y: number, content: string, style: TextStyle): string {
  const attrs = [
    `x="${x}"`,
    `y="${y.toFixed(1)}"`,
    `font-size="${style.size}"`,
    `font-weight="${style.bold ? 700 : 400}"`,
    `fill="${style.fill}"`,
    style.anchor ? `text-anchor="${style.anchor}"` : '',
    style.spacing ? `letter-spacing="${style.spacing}"` : '',
  ];
  return `<text ${attrs.filter(Boolean).join(' ')}>${svgText(content)}</text>`;
}

/** The lines of a fitted text, one <text> each, from `top`; returns the markup and the block's height. */
function block(fitted: FittedText, top: number, lineHeight: number, style: Omit<TextStyle, 'size'>) {
  const step = fitted.fontSize * lineHeight;
  const markup = fitted.lines.map((line, i) =>
    text(LEFT, baseline(top + i * step, fitted.fontSize, step), line, { ...style, size: fitted.fontSize }),
  );
  return { markup: markup.join(''), height: fitted.lines.length * step };
}

/**
 * The card as SVG: the site's name and a type pill at the top, the title (and a theme's summary)
 * centred in the middle, the facts in a labelled column at the bottom.
 */
export function cardSvg(card: CardModel): string {
  const parts: string[] = [
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${PALETTE.bg}"/>`,
    `<rect width="${STRIPE}" height="${CARD_HEIGHT}" fill="${PALETTE.accent}"/>`,
  ];
  const headerMiddle = TOP + HEADER_HEIGHT / 2;
  const capsCentred = (size: number) => headerMiddle + (size * CAP_HEIGHT) / 2;
  parts.push(text(LEFT, capsCentred(28), t('site.title'), { size: 28, bold: true, fill: PALETTE.accent }));
  if (card.kicker) {
    // The pill is sized from the estimated width (a little generous); its text is placed exactly, right-aligned.
    const width = Math.ceil(textWidth(card.kicker, 24)) + 36;
    const height = 42;
    parts.push(
      `<rect x="${RIGHT - width}" y="${headerMiddle - height / 2}" width="${width}" height="${height}" rx="8" fill="${PALETTE.accent}"/>`,
      text(RIGHT - 18, capsCentred(24), card.kicker, { size: 24, bold: true, fill: PALETTE.accentText, anchor: 'end' }),
    );
  }

  const factStep = FACT_SIZE * FACT_LINE + FACT_GAP;
  const factsTop = BOTTOM - (2 + 20 + card.facts.length * factStep);
  parts.push(`<rect x="${LEFT}" y="${factsTop}" width="${RIGHT - LEFT}" height="2" fill="${PALETTE.border}"/>`);
  card.facts.forEach((fact, i) => {
    const y = baseline(factsTop + 22 + FACT_GAP + i * factStep, FACT_SIZE, FACT_SIZE * FACT_LINE);
    parts.push(
      text(LEFT, y, fact.label, { size: 24, fill: PALETTE.muted }),
      text(LEFT + FACT_LABEL_WIDTH, y, fact.value, { size: FACT_SIZE, bold: true, fill: PALETTE.text }),
    );
  });

  // The title and summary, centred between the header and the facts.
  const title = block(card.title, 0, TITLE_LINE, {
    bold: true,
    fill: PALETTE.text,
    spacing: -0.01 * card.title.fontSize,
  });
  const summary = card.summary && block(card.summary, 0, SUMMARY_LINE, { fill: PALETTE.muted });
  const height = title.height + (summary ? 20 + summary.height : 0);
  const areaTop = TOP + HEADER_HEIGHT + 24;
  const areaBottom = factsTop - 24;
  const top = areaTop + Math.max(0, (areaBottom - areaTop - height) / 2);
  parts.push(`<g transform="translate(0 ${top.toFixed(1)})">${title.markup}`);
  if (summary) parts.push(`<g transform="translate(0 ${title.height + 20})">${summary.markup}</g>`);
  parts.push('</g>');

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="Inter">${parts.join('')}</svg>`;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IEND = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** Whether bytes are a whole PNG (signature, IHDR, IEND) of the card's size; a cached file must be one. */
export function isCardPng(bytes: Uint8Array): boolean {
  if (bytes.length < 45) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts = PNG_SIGNATURE.every((b, i) => bytes[i] === b);
  const ends = IEND.every((b, i) => bytes[bytes.length - IEND.length + i] === b);
  return starts && ends && view.getUint32(16) === CARD_WIDTH && view.getUint32(20) === CARD_HEIGHT;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const framed = Buffer.alloc(body.length + 8);
  framed.writeUInt32BE(data.length, 0);
  body.copy(framed, 4);
  framed.writeUInt32BE(crc32(body), body.length + 4);
  return framed;
}

const deflateAsync = promisify(deflate);

/**
 * A PNG of RGBA pixels: rows stored unfiltered (a plain copy, where computing a filter in JavaScript
 * cost more than it saved), compressed at a fast deflate level on the thread pool. The flat colours of a
 * card still come to about 45 KB.
 */
export async function encodePng(width: number, height: number, rgba: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const row = width * 4;
  const raw = Buffer.alloc((row + 1) * height); // each row: filter byte 0 (None), then its pixels
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * row, (y + 1) * row), y * (row + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from(PNG_SIGNATURE),
    pngChunk('IHDR', header),
    pngChunk('IDAT', await deflateAsync(raw, { level: 3 })),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** Draws a card without the cache. */
async function draw(card: CardModel, fonts: Fonts): Promise<Uint8Array<ArrayBuffer>> {
  const image = await renderAsync(cardSvg(card), {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: false, fontFiles: fonts.files, defaultFontFamily: 'Inter' },
  });
  return encodePng(image.width, image.height, image.pixels);
}

/** The PNG of a card: from the cache when an identical card was drawn before, else drawn and cached. */
export async function renderCard(card: CardModel, ctx: RenderContext): Promise<Uint8Array<ArrayBuffer>> {
  fontsLoaded ??= loadFonts(ctx);
  const fonts = await fontsLoaded;
  const key = createHash('sha256')
    .update(JSON.stringify({ TEMPLATE_VERSION, PALETTE, card, siteTitle: t('site.title'), fontHash: fonts.fontHash }))
    .digest('hex');
  const dir = folder(ctx.cacheDir, 'og-cards');
  const file = new URL(`${key}.png`, dir);
  const cached = await readFile(file).catch(() => undefined);
  if (cached && isCardPng(cached)) return cached;
  const png = await draw(card, fonts);
  // Written under a temporary name and renamed, so a build stopped mid-write never leaves half a PNG.
  // A cache that cannot be written (read-only disk) only costs the next build a redraw.
  const temporary = new URL(`${key}.${process.pid}.tmp`, dir);
  await mkdir(dir, { recursive: true })
    .then(() => writeFile(temporary, png))
    .then(() => rename(temporary, file))
    .catch(() => undefined);
  return png;
}
