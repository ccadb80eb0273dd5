/**
 * A small, fast PNG encoder for opaque images such as the social cards (og-render.ts), which are a handful of
 * flat colours and their anti-aliased edges: an image of at most 256 colours is written with a palette (one
 * byte a pixel, lossless), any other as 8-bit RGB. Rows are left unfiltered and deflated quickly: on
 * flat-coloured images that is both quicker and smaller than resvg's own encoder (a card: about 3 ms and
 * 29 KiB against 8 ms and 53 KiB). Node built-ins only, so it runs in the card worker (og-worker.ts) as it is.
 */
import { endianness } from 'node:os';
import { constants, crc32, deflateSync } from 'node:zlib';

/**
 * How the rows are deflated. Palette rows as runs only (Z_RLE, for which zlib's level makes no difference): on
 * a card that is quicker than any level of the default strategy and as small as level 3 (measured: 0.8 ms
 * against 1.2 ms, 28.8 KiB against 28.5 KiB). RGB rows, whose runs are of 3-byte pixels, at the default
 * strategy's fast level 3.
 */
const PALETTE_DEFLATE = { level: 1, strategy: constants.Z_RLE };
const RGB_DEFLATE = { level: 3 };

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function header(width: number, height: number, colourType: 2 | 3): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = colourType; // 2: RGB, 3: palette
  // Compression, filter and interlace methods 0: deflate, adaptive filters, no interlace.
  return chunk('IHDR', ihdr);
}

/** Where a pixel's alpha is when its RGBA bytes are read as one 32-bit number on this machine. */
const ALPHA_SHIFT = endianness() === 'LE' ? 24 : 0;
const alpha = (colour: number) => (colour >>> ALPHA_SHIFT) & 0xff;

/** The palette's lookup table: a power of two of slots, four for each of the 256 colours a palette may hold. */
const TABLE_BITS = 10;
const TABLE_SIZE = 2 ** TABLE_BITS;
// Colour to palette index, open-addressed, made once and cleared for each image: with a Map the encoder took
// about a tenth longer, since an opaque pixel read as one number is past 2^31, which V8 boxes as a Map key.
const keys = new Uint32Array(TABLE_SIZE);
const slots = new Int16Array(TABLE_SIZE);

/**
 * The pixels as palette indices, each row led by filter type 0 (none), and the palette as the pixels' 32-bit
 * RGBA values; 'many' when the image has more than 256 colours, 'translucent' when a pixel is not opaque.
 * Row y of the result is row `rows[y]` of the pixels; a row used again, or the same as the row before it
 * (the space between two lines of text), is copied rather than read again.
 * Taken a run of one colour at a time, as a card is mostly long runs: only a new run costs a lookup.
 */
function indexed(pixels: Uint32Array, width: number, rows: ArrayLike<number>) {
  const out = Buffer.allocUnsafe((width + 1) * rows.length);
  const bytes = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  const rowBytes = width * 4;
  const sameRow = (a: number, b: number) =>
    bytes.compare(bytes, a * rowBytes, (a + 1) * rowBytes, b * rowBytes, (b + 1) * rowBytes) === 0;
  slots.fill(-1);
  const palette: number[] = [];
  const written = new Map<number, number>();
  for (let y = 0, to = 0; y < rows.length; y++) {
    const source = rows[y] ?? 0;
    const earlier = written.get(source);
    if (earlier === undefined) written.set(source, to);
    const above = rows[y - 1];
    const copy = earlier ?? (above !== undefined && sameRow(source, above) ? written.get(above) : undefined);
    if (copy !== undefined) {
      out.copyWithin(to, copy, copy + width + 1);
      to += width + 1;
      continue;
    }
    out[to++] = 0;
    const end = (source + 1) * width;
    for (let from = source * width; from < end;) {
      const colour = pixels[from] ?? 0;
      let next = from + 1;
      while (next < end && pixels[next] === colour) next++;
      let slot = Math.imul(colour, 0x9e3779b1) >>> (32 - TABLE_BITS);
      while (slots[slot] !== -1 && keys[slot] !== colour) slot = (slot + 1) % TABLE_SIZE;
      let index = slots[slot] ?? -1;
      if (index === -1) {
        if (alpha(colour) !== 255) return 'translucent';
        if (palette.length === 256) return 'many';
        index = palette.length;
        palette.push(colour);
        keys[slot] = colour;
        slots[slot] = index;
      }
      // Buffer.fill is quick for a long run, but costly to call for the short ones of anti-aliased edges.
      const length = next - from;
      if (length > 32) out.fill(index, to, to + length);
      else for (let i = 0; i < length; i++) out[to + i] = index;
      to += length;
      from = next;
    }
  }
  return { rows: out, palette };
}

/** The pixels as RGB, row y from row `rows[y]`, each led by filter type 0 (none); undefined when a pixel is not opaque. */
function rgb(rgba: Uint8Array, width: number, rows: ArrayLike<number>): Buffer | undefined {
  const out = Buffer.allocUnsafe((width * 3 + 1) * rows.length);
  for (let y = 0, to = 0; y < rows.length; y++) {
    out[to++] = 0;
    for (let x = 0, from = (rows[y] ?? 0) * width * 4; x < width; x++, from += 4, to += 3) {
      if (rgba[from + 3] !== 255) return undefined;
      out[to] = rgba[from] ?? 0;
      out[to + 1] = rgba[from + 1] ?? 0;
      out[to + 2] = rgba[from + 2] ?? 0;
    }
  }
  return out;
}

/**
 * An opaque image's RGBA bytes (row by row, 4 bytes a pixel) as a PNG with the same pixels; undefined when
 * some pixel is not fully opaque, which this encoder does not write (resvg's own encoder does). With `rows`,
 * the PNG's row y is the image's row `rows[y]`, so an image drawn without its repeated rows (a social card's
 * empty ones, og-render.ts) is written whole.
 */
export function encodePng(
  rgba: Uint8Array,
  width: number,
  height: number,
  rows: ArrayLike<number> = Array.from({ length: height }, (_, y) => y),
): Buffer | undefined {
  if (rgba.length !== width * height * 4) throw new RangeError(`expected ${width}×${height} RGBA pixels`);
  for (let y = 0; y < rows.length; y++) {
    const row = rows[y];
    if (row === undefined || !Number.isInteger(row) || row < 0 || row >= height) {
      throw new RangeError(`row ${y} is taken from row ${row}, which a ${height}-row image does not have`);
    }
  }
  // Read as whole pixels, from a copy when not aligned (a Node Buffer's bytes may start anywhere in a pool).
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : new Uint8Array(rgba);
  const image = indexed(new Uint32Array(aligned.buffer, aligned.byteOffset, width * height), width, rows);
  if (image === 'translucent') return undefined;
  if (image === 'many') {
    const out = rgb(aligned, width, rows);
    if (!out) return undefined;
    return png(header(width, rows.length, 2), chunk('IDAT', deflateSync(out, RGB_DEFLATE)));
  }
  // Each colour's bytes, in memory order, are R, G, B, A whatever the platform's endianness.
  const colours = new Uint8Array(Uint32Array.from(image.palette).buffer);
  const plte = Buffer.alloc(image.palette.length * 3);
  for (let i = 0; i < image.palette.length; i++) plte.set(colours.subarray(i * 4, i * 4 + 3), i * 3);
  return png(
    header(width, rows.length, 3),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(image.rows, PALETTE_DEFLATE)),
  );
}

const png = (...chunks: Buffer[]) => Buffer.concat([SIGNATURE, ...chunks, chunk('IEND', new Uint8Array(0))]);
