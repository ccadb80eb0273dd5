/**
 * A Pagefind bundle kept from the last build. Pagefind names its fragments, index chunks, filter chunks
 * and metadata by a hash of their content and does not write such a file again when it exists (it skips
 * compressing it too), so a bundle written over the last one is written mostly by skipping. What it leaves
 * behind, the files of pages and chunks that changed, is removed here: the live files are those the
 * metadata of each language in `pagefind-entry.json` names. The metadata is CBOR (RFC 8949).
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { PagefindIndex } from 'pagefind';

/** What a Pagefind data file starts with once gunzipped. */
const SIGNATURE = 'pagefind_dcd';

/** Decodes one CBOR item: the subset Pagefind writes and more (no big numbers; tags are dropped). */
export function decodeCbor(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`CBOR: ${why} at byte ${at}`);
  };
  const take = (n: number) => {
    if (at + n > bytes.length) fail('data ends early');
    at += n;
    return at - n;
  };
  /** The argument of an initial byte's additional information, or undefined for an indefinite length. */
  const argument = (info: number): number | undefined => {
    if (info < 24) return info;
    if (info === 24) return view.getUint8(take(1));
    if (info === 25) return view.getUint16(take(2));
    if (info === 26) return view.getUint32(take(4));
    if (info === 27) {
      const value = view.getBigUint64(take(8));
      return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : fail('number too large');
    }
    return info === 31 ? undefined : fail(`reserved additional information ${info}`);
  };
  const BREAK = Symbol('break');
  const item = (): unknown => {
    const initial = view.getUint8(take(1));
    const major = initial >> 5;
    const info = initial & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22) return null;
      if (info === 23) return undefined;
      if (info === 25) return halfFloat(view.getUint16(take(2)));
      if (info === 26) return view.getFloat32(take(4));
      if (info === 27) return view.getFloat64(take(8));
      if (info === 31) return BREAK;
      return fail(`unknown simple value ${info}`);
    }
    const length = argument(info);
    switch (major) {
      case 0:
        return length ?? fail('indefinite integer');
      case 1:
        return -1 - (length ?? fail('indefinite integer'));
      case 2:
      case 3: {
        const chunks: Uint8Array[] = [];
        if (length === undefined) {
          for (let chunk = item(); chunk !== BREAK; chunk = item()) {
            chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array));
          }
        } else chunks.push(bytes.subarray(take(length), at));
        const joined = chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
        return major === 3 ? new TextDecoder('utf-8', { fatal: true }).decode(joined) : joined;
      }
      case 4: {
        const list: unknown[] = [];
        if (length === undefined) for (let v = item(); v !== BREAK; v = item()) list.push(v);
        else for (let i = 0; i < length; i += 1) list.push(item());
        return list;
      }
      case 5: {
        const map = new Map<unknown, unknown>();
        for (let i = 0; length === undefined || i < length; i += 1) {
          const key = item();
          if (key === BREAK) break;
          map.set(key, item());
        }
        return map;
      }
      default:
        // A tag (6) qualifies the item that follows; nothing Pagefind writes depends on one.
        return item();
    }
  };
  const value = item();
  if (value === BREAK) fail('unexpected break');
  if (at !== bytes.length) fail('trailing data');
  return value;
}

/** An IEEE 754 half-precision float from its 16 bits. */
function halfFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** A Pagefind data file's content after its signature, gunzipped when it is stored compressed. */
export function readPagefindData(path: string): Buffer {
  let bytes = readFileSync(path);
  if (bytes.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) bytes = gunzipSync(bytes);
  if (bytes.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error('it is not Pagefind data');
  return bytes.subarray(SIGNATURE.length);
}

/** The strings at `position` of each row of a list in the metadata, or an error naming `what`. */
function column(list: unknown, position: number, what: string): string[] {
  if (!Array.isArray(list)) throw new Error(`its ${what} are not a list`);
  return list.map((row: unknown) => {
    const value = Array.isArray(row) ? (row[position] as unknown) : undefined;
    if (typeof value !== 'string' || !/^[\w-]+$/.test(value)) throw new Error(`a row of its ${what} has no file hash`);
    return value;
  });
}

/**
 * The hash-named files of `bundle` that its entry file's languages use, relative to the bundle,
 * '/'-separated. Throws, naming the file, when the entry or a language's metadata cannot be read.
 */
export function liveFiles(bundle: string): Set<string> {
  const entryPath = join(bundle, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { languages?: Record<string, { hash?: unknown }> };
  const languages = Object.values(entry.languages ?? {});
  if (languages.length === 0) throw new Error(`${entryPath} lists no language`);
  const live = new Set<string>();
  for (const { hash } of languages) {
    const name = `pagefind.${String(hash)}.pf_meta`;
    const path = join(bundle, name);
    try {
      const meta = decodeCbor(readPagefindData(path));
      if (!Array.isArray(meta)) throw new Error('it is not a list');
      live.add(name);
      // Pagefind 1.x: [version, pages [hash, words, …], index chunks [from, to, hash], filters [name, hash], …].
      for (const page of column(meta[1], 0, 'pages')) live.add(`fragment/${page}.pf_fragment`);
      for (const chunk of column(meta[2], 2, 'index chunks')) live.add(`index/${chunk}.pf_index`);
      for (const filter of column(meta[3], 1, 'filters')) live.add(`filter/${filter}.pf_filter`);
    } catch (error) {
      throw new Error(`Cannot read Pagefind's metadata ${path}: ${(error as Error).message}`, { cause: error });
    }
  }
  return live;
}

/**
 * Removes from `bundle` every file that is neither live, nor written since `since` (ms since the epoch), nor
 * one of `others` (files another writer keeps there, relative to the bundle): the last build's files for pages
 * and chunks that changed. Returns how many it removed, and how many live files it kept from before.
 */
function pruneBundle(
  bundle: string,
  since: number,
  others: readonly string[] = [],
): { removed: number; reused: number } {
  const live = liveFiles(bundle);
  let removed = 0;
  let reused = 0;
  for (const entry of readdirSync(bundle, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const name = relative(bundle, path).split(sep).join('/');
    if (others.includes(name)) continue;
    const fresh = statSync(path).mtimeMs >= since;
    if (live.has(name)) {
      if (!fresh) reused += 1;
    } else if (!fresh) {
      rmSync(path);
      removed += 1;
    }
  }
  return { removed, reused };
}

/** How a bundle was written: files kept from the last build and removed from it, or written afresh and why. */
export type BundleWrite = { reused: number; removed: number } | { rewritten: string };

/**
 * Writes `index` into `bundle` over what the last build left there, then removes what this index does not
 * use but `others` (as `pruneBundle`). If the bundle cannot be read back (Pagefind changed how it stores
 * it), empties it and writes it again.
 */
export async function writeBundle(
  index: PagefindIndex,
  bundle: string,
  others: readonly string[] = [],
): Promise<BundleWrite> {
  const write = async () => {
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
  };
  // The kernel stamps files from a coarser clock than Date.now(), a few milliseconds behind at most.
  const since = Date.now() - 100;
  await write();
  try {
    return pruneBundle(bundle, since, others);
  } catch (error) {
    rmSync(bundle, { recursive: true, force: true });
    await write();
    return { rewritten: (error as Error).message };
  }
}
