/**
 * Draws a social card (og-card.ts's model) as a 1200×630 PNG: satori lays it out as SVG with the bundled
 * Inter font, resvg-wasm rasterises it. No system fonts and no network. Each PNG is kept in a
 * content-addressed cache under Astro's cacheDir, so a warm build re-draws only the cards that changed;
 * a missing or damaged cache file is simply drawn again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import satori, { type Font } from 'satori';
import { t } from '../i18n/ui';
import { CARD_HEIGHT, CARD_WIDTH, FACT_LABEL_WIDTH, FACT_SIZE, type CardModel, type FittedText } from './og-card';

/** Bump when the drawing below changes, so cached cards of the old design are not reused. */
const TEMPLATE_VERSION = 4;

/** The light palette of src/styles/global.css (:root), which a card, being an image, keeps in both schemes. */
const PALETTE = {
  bg: '#fdfdfb',
  surface: '#f2f4f1',
  text: '#1c1f1d',
  muted: '#4f5753',
  accent: '#0b5c4a',
  accentText: '#ffffff',
  border: '#c9cfca',
};

/** Where the project's packages and the build cache are. */
export interface RenderContext {
  /** The project root, from which the font and WebAssembly files are resolved. */
  root: URL;
  /** Astro's cacheDir; cards are cached in its og-cards/ folder. */
  cacheDir: URL;
}

interface Fonts {
  fonts: Font[];
  /** Hash of the font files, part of every cache key. */
  fontHash: string;
}

/** A package file, resolved from the project root (the build's own chunks may live outside it). */
const packageFile = (root: URL, name: string) => readFile(createRequire(new URL('package.json', root)).resolve(name));

let fontsLoaded: Promise<Fonts> | undefined;
let wasmReady: Promise<void> | undefined;

async function loadFonts(root: URL): Promise<Fonts> {
  const [regular, bold] = await Promise.all([
    // satori reads WOFF but not WOFF2.
    packageFile(root, '@fontsource/inter/files/inter-latin-400-normal.woff'),
    packageFile(root, '@fontsource/inter/files/inter-latin-700-normal.woff'),
  ]);
  return {
    fonts: [
      { name: 'Inter', data: regular, weight: 400, style: 'normal' },
      { name: 'Inter', data: bold, weight: 700, style: 'normal' },
    ],
    fontHash: createHash('sha256').update(regular).update(bold).digest('hex'),
  };
}

/** A satori element: the shape React elements have, without React. */
interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string };
}

const div = (style: Node['props']['style'], children: Node['props']['children'] = []): Node => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
});

/** Text already wrapped into lines by og-card.ts: one block per line, so nothing re-wraps it. */
const lines = (text: FittedText, style: Node['props']['style']): Node =>
  div(
    { flexDirection: 'column', fontSize: text.fontSize, lineHeight: 1.18, ...style },
    text.lines.map((line) => div({ whiteSpace: 'nowrap' }, line)),
  );

function layout(card: CardModel): Node {
  const header = div({ justifyContent: 'space-between', alignItems: 'center', height: 44 }, [
    div({ fontSize: 28, fontWeight: 700, color: PALETTE.accent }, t('site.title')),
    ...(card.kicker
      ? [
          div(
            {
              fontSize: 24,
              fontWeight: 700,
              color: PALETTE.accentText,
              background: PALETTE.accent,
              padding: '6px 18px',
              borderRadius: 8,
            },
            card.kicker,
          ),
        ]
      : []),
  ]);
  const body = div({ flexDirection: 'column', justifyContent: 'center', flexGrow: 1, padding: '24px 0' }, [
    lines(card.title, { fontWeight: 700, color: PALETTE.text, letterSpacing: '-0.01em' }),
    ...(card.summary ? [lines(card.summary, { color: PALETTE.muted, marginTop: 20, lineHeight: 1.3 })] : []),
  ]);
  const facts = div(
    { flexDirection: 'column', borderTop: `2px solid ${PALETTE.border}`, paddingTop: 20 },
    card.facts.map((f) =>
      div({ alignItems: 'baseline', marginTop: 6 }, [
        div({ width: FACT_LABEL_WIDTH, fontSize: 24, color: PALETTE.muted }, f.label),
        div({ fontSize: FACT_SIZE, fontWeight: 700, color: PALETTE.text, whiteSpace: 'nowrap' }, f.value),
      ]),
    ),
  );
  return div(
    { width: CARD_WIDTH, height: CARD_HEIGHT, background: PALETTE.bg, fontFamily: 'Inter', color: PALETTE.text },
    [
      div({ width: 24, height: CARD_HEIGHT, background: PALETTE.accent, flexShrink: 0 }),
      // Fixed width and clipped: an estimate gone wrong cuts a line short rather than pushing the layout.
      div({ flexDirection: 'column', width: CARD_WIDTH - 24, padding: '52px 72px 52px 64px', overflow: 'hidden' }, [
        header,
        body,
        facts,
      ]),
    ],
  );
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

/**
 * A PNG of RGBA pixels. resvg's own encoder takes about 20 ms a card; this one about 6 ms at the same
 * size: rows are stored unfiltered (a plain copy, where computing a filter in JavaScript cost more than
 * it saved), and a fast deflate level still shrinks the flat colours of a card to about 45 KB.
 */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array<ArrayBuffer> {
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
    pngChunk('IDAT', deflateSync(raw, { level: 3 })),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** Draws a card without the cache. */
async function draw(card: CardModel, root: URL, fonts: Font[]): Promise<Uint8Array<ArrayBuffer>> {
  wasmReady ??= packageFile(root, '@resvg/resvg-wasm/index_bg.wasm').then((wasm) => initWasm(wasm));
  await wasmReady;
  const svg = await satori(layout(card), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
  const image = resvg.render();
  const png = encodePng(image.width, image.height, image.pixels);
  image.free();
  resvg.free();
  return png;
}

/** The PNG of a card: from the cache when an identical card was drawn before, else drawn and cached. */
export async function renderCard(card: CardModel, ctx: RenderContext): Promise<Uint8Array<ArrayBuffer>> {
  fontsLoaded ??= loadFonts(ctx.root);
  const { fonts, fontHash } = await fontsLoaded;
  const key = createHash('sha256')
    .update(JSON.stringify({ TEMPLATE_VERSION, PALETTE, card, siteTitle: t('site.title'), fontHash }))
    .digest('hex');
  const dir = new URL('og-cards/', ctx.cacheDir.href.endsWith('/') ? ctx.cacheDir : `${ctx.cacheDir.href}/`);
  const file = new URL(`${key}.png`, dir);
  const cached = await readFile(file).catch(() => undefined);
  if (cached && isCardPng(cached)) return cached;
  const png = await draw(card, ctx.root, fonts);
  // Written under a temporary name and renamed, so a build stopped mid-write never leaves half a PNG.
  // A cache that cannot be written (read-only disk) only costs the next build a redraw.
  const temporary = new URL(`${key}.${process.pid}.tmp`, dir);
  await mkdir(dir, { recursive: true })
    .then(() => writeFile(temporary, png))
    .then(() => rename(temporary, file))
    .catch(() => undefined);
  return png;
}
