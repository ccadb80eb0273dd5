/**
 * Draws a social card (og-card.ts's model) as a 1200×630 PNG. og-card.ts has already wrapped and
 * fitted every line, so the card is written directly as SVG with fixed positions, and resvg rasterises it
 * with the bundled Inter font: no system fonts, no network. Only the bands of rows that hold text are
 * rasterised; the encoder repeats one empty row for the rest (bandedCardSvg). The drawing, the PNG encoding
 * and the writing of the file happen in one worker thread (og-worker.ts), so the main thread only sends each
 * card's SVG and hears back; a build starts every card (cardOutputs, drawAhead) when it learns the routes,
 * so cards are drawn on the second core while pages render on the first. Each PNG is kept in a
 * content-addressed cache under Astro's cacheDir, so a warm build re-draws only the cards that changed; a
 * missing or damaged cache file is drawn again. Where the worker cannot run, cards are drawn as before it,
 * on libuv's thread pool. In a build the cards are written by the og-cards integration (cardOutputs,
 * og-outputs.ts), not by their route.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { access, copyFile, mkdir, mkdtemp, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
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
import type { CardKeys, CardOutputs } from './og-outputs';
import { CARD_WORKER, type CardDone, type CardJob } from './og-worker';
import { woffToSfnt } from './woff-to-sfnt';

/** Bump when the drawing below changes, so cached cards of the old design are not reused. */
const TEMPLATE_VERSION = 6;

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
  /**
   * The card worker's file, which Node loads itself (Vite bundles src/ into chunks, but not this file):
   * src/lib/og-worker.ts under `root` unless given; false draws on the thread pool instead.
   */
  worker?: URL | false;
}

interface Fonts {
  /** The regular and bold font as sfnt files, which resvg loads by path. */
  files: string[];
  /** Hash of the font files, part of every cache key. */
  fontHash: string;
}

const folder = (cacheDir: URL, name: string) =>
  new URL(`${name}/`, cacheDir.href.endsWith('/') ? cacheDir : `${cacheDir.href}/`);

/** The fonts unpacked into each cache folder (one in a build), once per process. */
const fontsLoaded = new Map<string, Promise<Fonts>>();

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

/**
 * The lines of a fitted text, one <text> each, from `top`; returns the markup, the block's height and each
 * line's baseline and font size.
 */
function block(fitted: FittedText, top: number, lineHeight: number, style: Omit<TextStyle, 'size'>) {
  const step = fitted.fontSize * lineHeight;
  const baselines = fitted.lines.map((_, i) => baseline(top + i * step, fitted.fontSize, step));
  const markup = fitted.lines.map((line, i) =>
    text(LEFT, baselines[i] ?? 0, line, { ...style, size: fitted.fontSize }),
  );
  return {
    markup: markup.join(''),
    height: fitted.lines.length * step,
    rows: baselines.map((b) => [b, fitted.fontSize] as [number, number]),
  };
}

/** A strip of card rows, top inclusive, bottom exclusive, and what is drawn in it over the background. */
export interface Band {
  top: number;
  bottom: number;
  markup: string;
}

/**
 * Rows that text at `fontSize` on `baseline` can put ink in: the font's ascent above and descent below,
 * and two rows more either side for anti-aliasing.
 */
const textRows = (baseline: number, fontSize: number): [number, number] => [
  Math.floor(baseline - fontSize * ASCENT) - 2,
  Math.ceil(baseline + fontSize * DESCENT) + 2,
];

/** One band around several row ranges and their markup. */
function band(rows: [number, number][], markup: string[]): Band {
  return {
    top: Math.max(0, Math.min(...rows.map(([top]) => top))),
    bottom: Math.min(CARD_HEIGHT, Math.max(...rows.map(([, bottom]) => bottom))),
    markup: markup.join(''),
  };
}

/**
 * What a card draws over its background and stripe, as bands of rows: the site's name and a type pill at the
 * top, the title (and a theme's summary) centred in the middle, the facts in a labelled column at the bottom.
 * Each band's markup is placed in card coordinates; its rows hold all of its ink.
 */
export function cardBands(card: CardModel): Band[] {
  const headerMiddle = TOP + HEADER_HEIGHT / 2;
  const capsCentred = (size: number) => headerMiddle + (size * CAP_HEIGHT) / 2;
  const header: string[] = [
    text(LEFT, capsCentred(28), t('site.title'), { size: 28, bold: true, fill: PALETTE.accent }),
  ];
  const headerRows: [number, number][] = [textRows(capsCentred(28), 28)];
  if (card.kicker) {
    // The pill is sized from the estimated width (a little generous); its text is placed exactly, right-aligned.
    const width = Math.ceil(textWidth(card.kicker, 24)) + 36;
    const height = 42;
    header.push(
      `<rect x="${RIGHT - width}" y="${headerMiddle - height / 2}" width="${width}" height="${height}" rx="8" fill="${PALETTE.accent}"/>`,
      text(RIGHT - 18, capsCentred(24), card.kicker, { size: 24, bold: true, fill: PALETTE.accentText, anchor: 'end' }),
    );
    headerRows.push([Math.floor(headerMiddle - height / 2) - 1, Math.ceil(headerMiddle + height / 2) + 1]);
  }

  const factStep = FACT_SIZE * FACT_LINE + FACT_GAP;
  const factsTop = BOTTOM - (2 + 20 + card.facts.length * factStep);
  const facts: string[] = [
    `<rect x="${LEFT}" y="${factsTop}" width="${RIGHT - LEFT}" height="2" fill="${PALETTE.border}"/>`,
  ];
  const factRows: [number, number][] = [[Math.floor(factsTop) - 1, Math.ceil(factsTop + 2) + 1]];
  card.facts.forEach((fact, i) => {
    const y = baseline(factsTop + 22 + FACT_GAP + i * factStep, FACT_SIZE, FACT_SIZE * FACT_LINE);
    facts.push(
      text(LEFT, y, fact.label, { size: 24, fill: PALETTE.muted }),
      text(LEFT + FACT_LABEL_WIDTH, y, fact.value, { size: FACT_SIZE, bold: true, fill: PALETTE.text }),
    );
    factRows.push(textRows(y, FACT_SIZE));
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
  const top = Number((areaTop + Math.max(0, (areaBottom - areaTop - height) / 2)).toFixed(1));
  const middle = [`<g transform="translate(0 ${top})">${title.markup}`];
  if (summary) middle.push(`<g transform="translate(0 ${title.height + 20})">${summary.markup}</g>`);
  middle.push('</g>');
  const middleRows = [
    ...title.rows,
    ...(summary ? summary.rows.map(([b, size]) => [b + title.height + 20, size] as [number, number]) : []),
  ].map(([b, size]) => textRows(top + b, size));

  return [band(headerRows, header), band(middleRows, middle), band(factRows, facts)];
}

const frame = (height: number) =>
  `<rect width="${CARD_WIDTH}" height="${height}" fill="${PALETTE.bg}"/><rect width="${STRIPE}" height="${height}" fill="${PALETTE.accent}"/>`;

const svgOf = (height: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${height}" viewBox="0 0 ${CARD_WIDTH} ${height}" font-family="Inter">${frame(height)}${body}</svg>`;

/** A card drawn without its empty rows, as the worker takes it (og-worker.ts). */
type Banded = NonNullable<CardJob['banded']>;

/** The whole card as SVG, from its bands. */
const wholeSvg = (bands: readonly Band[]) => svgOf(CARD_HEIGHT, bands.map((b) => b.markup).join(''));

/**
 * The card as SVG, whole. The build draws bands instead (`bandedCardSvg`); this is what the banded drawing
 * must equal pixel for pixel, and the unit tests compare the two.
 */
export function cardSvg(card: CardModel): string {
  return wholeSvg(cardBands(card));
}

/**
 * The card with its empty rows left out: a first row of only background and stripe, then each band's rows,
 * stacked; `rows` gives, for each of the card's rows, the row of this drawing that holds its pixels. Most of
 * a card is empty background, so drawing this is quicker than drawing the whole, and the PNG encoder
 * (png-encode.ts) puts the rows back in their places.
 */
export function bandedCardSvg(card: CardModel): Banded {
  return bandedSvg(cardBands(card));
}

/** bandedCardSvg, from the card's bands. */
function bandedSvg(bands: readonly Band[]): Banded {
  const merged: Band[] = [];
  for (const b of [...bands].sort((x, y) => x.top - y.top)) {
    const last = merged.at(-1);
    if (last && b.top <= last.bottom) {
      last.bottom = Math.max(last.bottom, b.bottom);
      last.markup += b.markup;
    } else merged.push({ ...b });
  }
  const rows = new Array<number>(CARD_HEIGHT).fill(0);
  const body: string[] = [];
  let next = 1;
  for (const b of merged) {
    body.push(`<g transform="translate(0 ${next - b.top})">${b.markup}</g>`);
    for (let y = b.top; y < b.bottom; y++) rows[y] = next + y - b.top;
    next += b.bottom - b.top;
  }
  return { svg: svgOf(next, body.join('')), rows };
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

/**
 * Draws a card without the cache or the worker: rasterised on the thread pool, then encoded by resvg on the
 * main thread, which is why the worker is preferred. Reading the pixels into the main thread to encode them
 * was slower still in a real build: each card's 3 MB of pixels counts as external memory and, with the
 * build's large heap, sets off full garbage collections (measured with an 830 MB heap: 40 ms a card that
 * way, 25 ms this way).
 */
async function drawHere(svg: string, fonts: Fonts): Promise<Uint8Array<ArrayBuffer>> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: false, fontFiles: fonts.files, defaultFontFamily: 'Inter' },
  });
  return new Uint8Array(image.asPng());
}

/** The card worker, started on the first card and stopped after a while without one. */
interface CardWorker {
  thread: Worker;
  waiting: Map<number, { resolve: (done: CardDone) => void; reject: (error: Error) => void }>;
  idle?: NodeJS.Timeout;
  /** Forgets the worker and ends its thread. */
  stop: () => void;
}

/** How long the worker is kept without a card, e.g. between the dev server's requests. */
const WORKER_IDLE_MS = 30_000;

/**
 * The running workers of each worker file (a build has one file), or 'failed' once one failed to start or died;
 * and how many each file may run: one while the pages render, two once the build has only cards left
 * (useSecondCore).
 */
const workers = new Map<string, CardWorker[] | 'failed'>();
const allowed = new Map<string, number>();
let nextJob = 0;

function startWorker(file: URL): CardWorker {
  let stopping = false;
  const worker: CardWorker = {
    thread: new Worker(file, { workerData: CARD_WORKER }),
    waiting: new Map(),
    stop: () => {
      // Forgotten first, so the next card goes to another worker rather than waiting on this one.
      const running = workers.get(file.href);
      if (Array.isArray(running) && running.includes(worker)) running.splice(running.indexOf(worker), 1);
      clearTimeout(worker.idle);
      stopping = true;
      void worker.thread.terminate();
    },
  };
  // The worker holds the process open only while it has cards to draw, so it never delays the end of a build.
  worker.thread.unref();
  const fail = (error: Error) => {
    // The rest of the cards are drawn on the thread pool.
    workers.set(file.href, 'failed');
    for (const { reject } of worker.waiting.values()) reject(error);
    worker.waiting.clear();
  };
  worker.thread.on('message', (done: CardDone) => {
    const waiting = worker.waiting.get(done.id);
    worker.waiting.delete(done.id);
    if (worker.waiting.size === 0) {
      worker.thread.unref();
      worker.idle = setTimeout(worker.stop, WORKER_IDLE_MS).unref();
    }
    waiting?.resolve(done);
  });
  worker.thread.on('error', fail);
  worker.thread.on('exit', (code) => {
    if (!stopping) fail(new Error(`The social-card worker stopped (exit code ${code}).`));
  });
  return worker;
}

/**
 * The worker to give a card of a worker file: the one with the fewest cards waiting, or a new one when
 * every one has some and the file may run another; undefined when a worker failed.
 */
function workerOf(file: URL): CardWorker | undefined {
  const known = workers.get(file.href);
  if (known === 'failed') return undefined;
  const running = known ?? [];
  const idlest = running.reduce<CardWorker | undefined>(
    (a, w) => (a && a.waiting.size <= w.waiting.size ? a : w),
    undefined,
  );
  if (idlest && (idlest.waiting.size === 0 || running.length >= (allowed.get(file.href) ?? 1))) return idlest;
  try {
    const worker = startWorker(file);
    workers.set(file.href, [...running, worker]);
    return worker;
  } catch {
    workers.set(file.href, 'failed');
    return undefined;
  }
}

/** The card worker's file of a context, or undefined where cards are drawn on the thread pool. */
const workerFileOf = (ctx: RenderContext) =>
  ctx.worker === false ? undefined : (ctx.worker ?? new URL('src/lib/og-worker.ts', ctx.root));

/**
 * Lets the cards still to draw use a second worker: for when the build has nothing else left to do, so
 * that the core the pages and Pagefind used is not left idle. Before then a second worker only takes
 * that core from them.
 */
function useSecondCore(ctx: RenderContext): void {
  const file = workerFileOf(ctx);
  if (file) allowed.set(file.href, 2);
}

/**
 * Back to one worker, for a new build in a process that ran one before (the test suite, a script): the
 * second core is the pages' again. A second worker still drawing is left to finish its cards.
 */
function useOneCore(ctx: RenderContext): void {
  const file = workerFileOf(ctx);
  if (!file) return;
  allowed.delete(file.href);
  const running = workers.get(file.href);
  if (Array.isArray(running)) for (const extra of running.slice(1)) if (extra.waiting.size === 0) extra.stop();
}

/**
 * How many card workers run for a context: one while a build renders its pages, two once only cards are
 * left. The build does not need it; the unit tests read it to check that the second core is handed back.
 */
export function cardWorkers(ctx: RenderContext): number {
  const file = workerFileOf(ctx);
  const running = file && workers.get(file.href);
  return Array.isArray(running) ? running.length : 0;
}

/** Has the worker draw a card and write it to `file`; resolves with the PNG when `reply` asks for it. */
async function drawInWorker(
  worker: CardWorker,
  svg: string,
  banded: Banded,
  fonts: Fonts,
  file: URL,
  reply: boolean,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  clearTimeout(worker.idle);
  if (worker.waiting.size === 0) worker.thread.ref();
  const job: CardJob = { id: nextJob++, svg, banded, fontFiles: fonts.files, file: fileURLToPath(file), reply };
  const done = await new Promise<CardDone>((resolve, reject) => {
    worker.waiting.set(job.id, { resolve, reject });
    worker.thread.postMessage(job);
  });
  if (done.error !== undefined) throw new Error(`The social card could not be drawn: ${done.error}`);
  return done.png;
}

/**
 * Draws a card into the cache, in the worker when it runs, else on the thread pool; resolves with the PNG
 * too when `reply` asks for it (the PNG may then not be in the cache, when the cache cannot be written).
 */
async function paint(card: CardModel, located: Located, reply: boolean): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const { fonts, key, dir, file: png, workerFile } = located;
  const bands = cardBands(card);
  const svg = wholeSvg(bands);
  const worker = workerFile && workerOf(workerFile);
  if (worker) {
    try {
      return await drawInWorker(worker, svg, bandedSvg(bands), fonts, png, reply);
    } catch (error) {
      // A card resvg cannot draw fails as it would on the thread pool; a worker that died leaves it to the pool.
      if (workers.get(workerFile.href) !== 'failed') throw error;
    }
  }
  const drawn = await drawHere(svg, fonts);
  await store(drawn, key, dir);
  return drawn;
}

/** Where a card's PNG is cached: named by the hash of everything that changes its pixels. */
async function findPlace(card: CardModel, ctx: RenderContext) {
  let loading = fontsLoaded.get(ctx.cacheDir.href);
  if (!loading) fontsLoaded.set(ctx.cacheDir.href, (loading = loadFonts(ctx)));
  const fonts = await loading;
  const key = createHash('sha256')
    .update(JSON.stringify({ TEMPLATE_VERSION, PALETTE, card, siteTitle: t('site.title'), fontHash: fonts.fontHash }))
    .digest('hex');
  const dir = folder(ctx.cacheDir, 'og-cards');
  const workerFile = workerFileOf(ctx);
  return { fonts, key, dir, file: file(key, dir), workerFile };
}

/**
 * Writes a PNG into the cache under a temporary name and renames it, so a build stopped mid-write never
 * leaves half a PNG. A cache that cannot be written (read-only disk) only costs a redraw.
 */
async function store(png: Uint8Array, key: string, dir: URL): Promise<void> {
  const temporary = new URL(`${key}.${process.pid}.tmp`, dir);
  await mkdir(dir, { recursive: true })
    .then(() => writeFile(temporary, png))
    .then(() => rename(temporary, file(key, dir)))
    .catch(() => undefined);
}

const file = (key: string, dir: URL) => new URL(`${key}.png`, dir);

type Located = Awaited<ReturnType<typeof findPlace>>;

/** Each card's place, by the card and the context it was found for. */
const places = new WeakMap<CardModel, { ctx: RenderContext; place: Promise<Located> }>();

/**
 * Where a card's PNG is cached (findPlace), found once for a card and context. A build asks three times a
 * card (drawAhead, writing the file, renderCard), and each time hashed the whole card: at 3,000 agreements,
 * 0.6–0.8 s of the main thread against about 0.4 s once.
 */
function locate(card: CardModel, ctx: RenderContext): Promise<Located> {
  const known = places.get(card);
  if (known?.ctx === ctx) return known.place;
  const place = findPlace(card, ctx);
  places.set(card, { ctx, place });
  return place;
}

/** Each card's trip to the cache, started once whether by drawAhead or by its route. */
const inCache = new Map<string, Promise<void>>();

/** The cards this process has drawn, by cache file, as against found in the cache. */
const drawnHere = new Set<string>();

function ensureCached(card: CardModel, located: Located): Promise<void> {
  // Looked up and recorded with no await in between, so two callers never draw the same card.
  let job = inCache.get(located.file.href);
  if (!job) {
    job = access(located.file).catch(async () => {
      drawnHere.add(located.file.href);
      await paint(card, located, false);
    });
    inCache.set(located.file.href, job);
  }
  return job;
}

/**
 * Starts drawing cards in the background, keeping `parallel` of them queued at the worker, so that they are
 * drawn on the second core while the main thread renders pages, and are in the cache by the time they are
 * asked for; a card not drawn yet waits behind no more than those. Cards already in the cache cost a file
 * check. Returns what stops it: the cards not yet started are left undrawn.
 */
export function drawAhead(cards: readonly CardModel[], ctx: RenderContext, parallel = 2): { stop: () => void } {
  const queue = [...cards];
  const work = async () => {
    for (let card = queue.shift(); card; card = queue.shift())
      await locate(card, ctx)
        .then((located) => ensureCached(card, located))
        .catch(() => undefined);
  };
  for (let i = 0; i < parallel; i++) void work();
  return { stop: () => void queue.splice(0) };
}

/** The PNG of a card: from the cache when an identical card was drawn before, else drawn and cached. */
export async function renderCard(card: CardModel, ctx: RenderContext): Promise<Uint8Array<ArrayBuffer>> {
  const located = await locate(card, ctx);
  await ensureCached(card, located).catch(() => undefined);
  const cached = await readFile(located.file).catch(() => undefined);
  if (cached && isCardPng(cached)) return cached;
  // Not in the cache (unwritable), or damaged there: drawn again, and the cache repaired when it can be.
  const drawn = await paint(card, located, true);
  if (!drawn) throw new Error('The social card was drawn but not returned.');
  return drawn;
}

/** A card of a build and its file, relative to the output folder, '/'-separated. */
export interface CardFile {
  file: string;
  card: CardModel;
}

/**
 * The cards of a build, as the og-cards integration writes them (og-outputs.ts). They start drawing at once,
 * into the card cache, on one worker (drawAhead). `write` then writes each card's PNG into the output folder,
 * `parallel` at a time in the order given, unless the last build left the same card there. The first card
 * that fails stops the rest, as does `cancel`.
 */
export function cardOutputs(cards: readonly CardFile[], ctx: RenderContext, parallel = 8): CardOutputs {
  useOneCore(ctx);
  // What this build draws, as against what it finds in the card cache, is counted from here.
  drawnHere.clear();
  const drawing = drawAhead(
    cards.map((c) => c.card),
    ctx,
  );
  let cancelled = false;
  const cancel = () => {
    cancelled = true;
    drawing.stop();
  };
  return {
    files: cards.map((c) => c.file),
    hurry: () => useSecondCore(ctx),
    cancel,
    async write(outDir: string, previous: CardKeys) {
      // Made before the first card is drawn, so that an integration that lists the output folder meanwhile
      // (security-headers.ts, for its rules by top-level folder) finds them.
      for (const folder of new Set(cards.map((c) => dirname(join(outDir, c.file))))) {
        mkdirSync(folder, { recursive: true });
      }
      const keys: Record<string, string> = {};
      const counts = { written: 0, drawn: 0, kept: 0 };
      /** Writes one card into the output folder, unless the last build left the same card there. */
      const writeOne = async ({ file, card }: CardFile) => {
        const located = await locate(card, ctx);
        const destination = join(outDir, file);
        // With the time the file was written, so that a card file anything else wrote since is not kept.
        const stamped = (mtimeMs: number) => `${located.key} ${mtimeMs}`;
        // Only a card the last build wrote can be left in place, so a cold build does not look first.
        const there = previous[file] === undefined ? undefined : await stat(destination).catch(() => undefined);
        if (there?.isFile() && previous[file] === stamped(there.mtimeMs)) {
          keys[file] = stamped(there.mtimeMs);
          counts.kept += 1;
          return;
        }
        await ensureCached(card, located).catch(() => undefined);
        const drawn = drawnHere.has(located.file.href);
        // A card this build drew has just been written whole into the cache (renamed into place), so it is
        // copied there by the kernel; one from an earlier build is read and checked first (renderCard).
        const copied =
          drawn &&
          (await copyFile(located.file, destination).then(
            () => true,
            () => false,
          ));
        if (!copied) await writeFile(destination, await renderCard(card, ctx));
        if (drawn) counts.drawn += 1;
        keys[file] = stamped((await stat(destination)).mtimeMs);
        counts.written += 1;
      };
      const queue = [...cards];
      const take = () => (cancelled ? undefined : queue.shift());
      const writeNext = async () => {
        for (let next = take(); next; next = take()) {
          await writeOne(next).catch((error: unknown) => {
            // The build fails with this card: none of the rest are drawn or written.
            cancel();
            const why = error instanceof Error ? error.message : String(error);
            throw new Error(`${next.file}: ${why}`, { cause: error });
          });
        }
      };
      // Every card being written is let finish, so that none lands in the folder after the build has failed.
      const writers = await Promise.allSettled(Array.from({ length: parallel }, writeNext));
      const failed = writers.find((w) => w.status === 'rejected');
      if (failed) throw failed.reason;
      if (queue.length > 0) throw new Error(`${queue.length} social cards were not written: the build stopped them.`);
      return { keys, ...counts };
    },
  };
}
