/**
 * Build records (build-record.ts): what a finished build leaves for the next. The next build trusts a
 * record only for the same output folder, only once (it is deleted as it is read), and never a damaged one.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRecord, isTextList, isTextRecord, parseRecord } from '../../src/integrations/build-record';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'build-record-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('buildRecord', () => {
  it('gives the next build what the last finished one kept, once, and deletes it as it does', () => {
    // The cache folder need not exist yet, as on a first build.
    const file = join(dir, 'cache', 'list.json');
    const record = buildRecord(file, '/site/dist', isTextList);
    expect(record.take()).toBeUndefined();
    record.keep(['index.html', 'og/a.png']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ outDir: '/site/dist', value: ['index.html', 'og/a.png'] });
    expect(buildRecord(file, '/site/dist', isTextList).take()).toEqual(['index.html', 'og/a.png']);
    // A build that fails after reading it leaves nothing for the one after.
    expect(existsSync(file)).toBe(false);
    expect(record.take()).toBeUndefined();
  });

  it('trusts nothing kept for another output folder, and deletes it all the same', () => {
    const file = join(dir, 'keys.json');
    buildRecord(file, '/site/dist', isTextRecord).keep({ 'og/a.png': 'k1' });
    expect(buildRecord(file, '/site/other-dist', isTextRecord).take()).toBeUndefined();
    expect(existsSync(file)).toBe(false);
  });

  it('trusts no damaged record', () => {
    const file = join(dir, 'list.json');
    writeFileSync(file, '{"outDir": "/site/dist", "value": ["index.html"');
    expect(buildRecord(file, '/site/dist', isTextList).take()).toBeUndefined();
  });
});

describe('parseRecord', () => {
  it('trusts a value only of the shape its reader checks for', () => {
    const text = (value: unknown) => JSON.stringify({ outDir: '/d', value });
    expect(parseRecord(text(['a']), '/d', isTextList)).toEqual(['a']);
    expect(parseRecord(text([1]), '/d', isTextList)).toBeUndefined();
    expect(parseRecord(text({ a: 'k' }), '/d', isTextList)).toBeUndefined();
    expect(parseRecord(text({ a: 'k' }), '/d', isTextRecord)).toEqual({ a: 'k' });
    expect(parseRecord(text({ a: 1 }), '/d', isTextRecord)).toBeUndefined();
    expect(parseRecord(text(['k']), '/d', isTextRecord)).toBeUndefined();
    expect(parseRecord(text(null), '/d', isTextRecord)).toBeUndefined();
    expect(parseRecord(JSON.stringify({ outDir: '/d' }), '/d', isTextList)).toBeUndefined();
    // The format before build records: a list under "files", from an older checkout's cache.
    expect(parseRecord(JSON.stringify({ outDir: '/d', files: ['a'] }), '/d', isTextList)).toBeUndefined();
  });
});
