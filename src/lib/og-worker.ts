/**
 * The card worker, started by og-render.ts: draws each card's SVG with resvg, encodes the pixels with
 * png-encode.ts and writes the PNG into the card cache, all on this thread. The main thread sends the SVG
 * and the file's path and hears back when the file is there, so each card's 3 MB of pixels live and die on
 * this thread's small heap instead of setting off full garbage collections of the build's large one.
 *
 * Node loads this file itself (Vite does not bundle it), so it imports only Node, resvg and png-encode.ts,
 * by file name; og-render.ts finds it from the project root.
 */
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { encodePng } from './png-encode.ts';

/** What the worker is asked to do: draw `svg` with the font files and write it to `file`. */
export interface CardJob {
  id: number;
  /** The whole card. */
  svg: string;
  /** The same card without its empty rows, and where each of the card's rows is in it (og-render.ts). */
  banded?: { svg: string; rows: number[] };
  fontFiles: string[];
  file: string;
  /** Whether to send the PNG back as well (when the caller needs it even if the file cannot be written). */
  reply: boolean;
}

/** The answer to a job: the PNG when it was asked for, or why the card could not be drawn. */
export interface CardDone {
  id: number;
  png?: Uint8Array<ArrayBuffer>;
  error?: string;
}

/** Marks the worker's workerData, so the message handler is installed only in a thread started for it. */
export const CARD_WORKER = 'og-card-worker';

const draw = (svg: string, fontFiles: string[]) =>
  new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Inter' },
  }).render();

/**
 * A card as a PNG: its banded drawing rasterised by resvg and encoded here with its rows put back; failing
 * that (a translucent pixel, which this encoder does not write), the whole card by resvg's own encoder.
 */
function drawPng(job: Pick<CardJob, 'svg' | 'banded' | 'fontFiles'>): Buffer {
  if (job.banded) {
    const image = draw(job.banded.svg, job.fontFiles);
    // resvg's pixels are premultiplied, which for the opaque pixels that encodePng takes is the same.
    const png = encodePng(image.pixels, image.width, image.height, job.banded.rows);
    if (png) return png;
  }
  const image = draw(job.svg, job.fontFiles);
  return encodePng(image.pixels, image.width, image.height) ?? image.asPng();
}

/**
 * Writes the PNG under a temporary name and renames it, so a build stopped mid-write never leaves half a PNG.
 * A cache that cannot be written (read-only disk) only costs a redraw.
 */
function store(png: Uint8Array, file: string): void {
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, png);
    renameSync(temporary, file);
  } catch {
    // Not cached; the caller finds no file and asks again with `reply`.
  }
}

function run(job: CardJob): CardDone {
  try {
    const png = drawPng(job);
    store(png, job.file);
    return job.reply ? { id: job.id, png: new Uint8Array(png) } : { id: job.id };
  } catch (error) {
    return { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Jobs received and not yet drawn. */
const queue: CardJob[] = [];

/** A collection of the young generation only: a fraction of a millisecond on this thread's small heap. */
type MinorGc = (options: { type: 'minor' }) => void;

/**
 * Draws the next card, then collects the young generation and lets the event loop turn before the one after.
 * resvg's pixels, and the drawing they came from, are freed by finalizers that Node runs between turns once
 * a collection has found them unused; V8 does not count their memory, so it would collect only every few
 * cards, and resvg's allocator would hand their pages back and take new ones in the meantime (four times the
 * page faults). A handler that drew every queued card in one go (the port hands over all waiting messages at
 * once) would keep all their pixels: gigabytes over a build.
 */
function drawNext(collect: MinorGc): void {
  const job = queue.shift();
  if (!job) return;
  const done = run(job);
  parentPort?.postMessage(done, done.png ? [done.png.buffer] : []);
  collect({ type: 'minor' });
  if (queue.length > 0) setImmediate(drawNext, collect);
}

if (workerData === CARD_WORKER) {
  // V8's gc() without --expose-gc on the command line, which would give every script of the build a gc().
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as MinorGc;
  // One job at a time, in the order sent: drawing is synchronous and fills this thread's core.
  parentPort?.on('message', (job: CardJob) => {
    if (queue.push(job) === 1) setImmediate(drawNext, collect);
  });
}
