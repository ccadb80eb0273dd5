/**
 * What a finished build leaves in Astro's cacheDir for the next build to trust: output-dir.ts's list of the
 * files it made, og-cards.ts's key of each card. A record is deleted as the next build reads it and written
 * only once that build has finished, so a build that failed or was stopped leaves nothing to trust; and it
 * names the output folder it describes, so a build into another folder trusts nothing either.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A record as written: the output folder it describes, and what the build left there. */
interface RecordFile {
  outDir: string;
  value: unknown;
}

/** The value of a record's text for `outDir`; undefined when the text is not such a record or `valid` rejects it. */
export function parseRecord<T>(text: string, outDir: string, valid: (value: unknown) => value is T): T | undefined {
  try {
    const record = JSON.parse(text) as Partial<RecordFile>;
    return record.outDir === outDir && valid(record.value) ? record.value : undefined;
  } catch {
    return undefined;
  }
}

/** One kind of record, in one file, for one output folder. */
export interface BuildRecord<T> {
  /** The record the last finished build left, which is deleted; undefined when there is none to trust. */
  take(): T | undefined;
  /** Writes this build's record, once it has finished. */
  keep(value: T): void;
}

/** The record kept in `file` (a path) for the output folder `outDir`, whose values `valid` checks. */
export function buildRecord<T>(file: string, outDir: string, valid: (value: unknown) => value is T): BuildRecord<T> {
  return {
    take() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
      // Deleted before anything is trusted, so that a build that fails from here on leaves none.
      rmSync(file, { force: true });
      return parseRecord(text, outDir, valid);
    },
    keep(value) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ outDir, value } satisfies RecordFile));
    },
  };
}

/** Whether a value is a list of texts (e.g. file paths). */
export const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Whether a value is an object of texts by name (e.g. keys by file path). */
export const isTextRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((item) => typeof item === 'string');
