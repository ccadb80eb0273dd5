/**
 * WOFF 1.0 to the plain TrueType/OpenType (sfnt) file it wraps. The bundled font (@fontsource/inter)
 * ships only as WOFF and WOFF2, and resvg reads only sfnt fonts: WOFF 1.0 is the sfnt's tables, each
 * zlib-compressed when that made it smaller, so unpacking it is a table-by-table inflate.
 * Format: https://www.w3.org/TR/WOFF/
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

/** The sfnt font inside a WOFF 1.0 file; throws, naming the problem, on anything else. */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < WOFF_HEADER || view.getUint32(0) !== WOFF_SIGNATURE)
    throw new Error('Not a WOFF 1.0 font (no "wOFF" signature)');
  const flavor = view.getUint32(4);
  const count = view.getUint16(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const offset = view.getUint32(at + 4);
    const compressed = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    const stored = woff.subarray(offset, offset + compressed);
    const data = compressed < length ? inflateSync(stored) : Buffer.from(stored);
    if (data.length !== length) throw new Error(`WOFF table ${i} unpacks to ${data.length} bytes, not ${length}`);
    return { tag: view.getUint32(at), checksum: view.getUint32(at + 16), data };
  });

  // Table data starts after the directory, each table on a 4-byte boundary.
  const padded = (n: number) => (n + 3) & ~3;
  let offset = SFNT_HEADER + count * SFNT_ENTRY;
  const placed = tables.map((table) => {
    const at = offset;
    offset += padded(table.data.length);
    return { ...table, at };
  });
  const out = Buffer.alloc(offset);
  const power = 2 ** Math.floor(Math.log2(count));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * SFNT_ENTRY, 6); // searchRange
  out.writeUInt16BE(Math.log2(power), 8); // entrySelector
  out.writeUInt16BE(count * SFNT_ENTRY - power * SFNT_ENTRY, 10); // rangeShift
  placed.forEach((table, i) => {
    const entry = SFNT_HEADER + i * SFNT_ENTRY;
    out.writeUInt32BE(table.tag, entry);
    out.writeUInt32BE(table.checksum, entry + 4);
    out.writeUInt32BE(table.at, entry + 8);
    out.writeUInt32BE(table.data.length, entry + 12);
    table.data.copy(out, table.at);
  });
  return out;
}
