/**
 * The og-cards integration: in a build it writes the cards the card route offers while the integrations
 * between its two halves (Pagefind) run, then lets them have both cores; it fails the build when a card
 * cannot be written or none were offered, and keeps each card's key for the next build only once the build
 * has written them all.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ogCards, { describeCards } from '../../src/integrations/og-cards';
import { cardsWanted, offerCards, withdrawCards, type CardKeys, type CardOutputs } from '../../src/lib/og-outputs';

type Hooks = AstroIntegration['hooks'];
type ConfigDone = Parameters<NonNullable<Hooks['astro:config:done']>>[0];
type BuildStart = Parameters<NonNullable<Hooks['astro:build:start']>>[0];
type BuildDone = Parameters<NonNullable<Hooks['astro:build:done']>>[0];
type ServerSetup = Parameters<NonNullable<Hooks['astro:server:setup']>>[0];

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'og-cards-'));
});
afterEach(() => {
  withdrawCards();
  rmSync(dir, { recursive: true, force: true });
});

/** The output folder as Astro gives it: a folder URL, so its path ends in a slash. */
const outDir = () => join(dir, 'dist/');
const keysFile = () => join(dir, 'cache', 'og-card-keys.json');

/** The integration, configured for `dir`, with its build log. */
function setUp() {
  const cards = ogCards();
  const lines: string[] = [];
  const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
  const config = { outDir: pathToFileURL(outDir()), cacheDir: pathToFileURL(`${join(dir, 'cache')}/`) };
  void cards.start.hooks['astro:config:done']?.({ config } as unknown as ConfigDone);
  return {
    cards,
    lines,
    buildStart: () => cards.start.hooks['astro:build:start']?.({ logger } as unknown as BuildStart),
    /** The hooks of `astro:build:done`, in the config's order, with `between` standing for Pagefind's. */
    buildDone: async (between: () => Promise<void> = async () => undefined) => {
      await cards.start.hooks['astro:build:done']?.({ logger } as unknown as BuildDone);
      await between();
      await cards.finish.hooks['astro:build:done']?.({ logger } as unknown as BuildDone);
    },
  };
}

/** An offer whose cards are written when `release` is called; it records what it was given. */
function offer(files: string[], outcome: Promise<CardKeys>) {
  const given: { outDir?: string; previous?: CardKeys; at?: number; hurriedAt?: number; cancelledAt?: number } = {};
  const outputs: CardOutputs = {
    files,
    hurry: () => void (given.hurriedAt = performance.now()),
    cancel: () => void (given.cancelledAt = performance.now()),
    write: async (out, previous) => {
      Object.assign(given, { outDir: out, previous, at: performance.now() });
      const keys = await outcome;
      return { keys, written: files.length, drawn: 1, kept: 0 };
    },
  };
  offerCards(outputs);
  return given;
}

describe('describeCards', () => {
  const keys = {};
  it('says how many cards were drawn, taken from the cache and left in place', () => {
    expect(describeCards({ keys, written: 3, drawn: 3, kept: 0 }, 1200.4, 300.6)).toBe(
      '3 social cards: wrote 3 (all drawn), kept 0 unchanged; 1200 ms in all, 301 ms of it after the other integrations',
    );
    expect(describeCards({ keys, written: 2, drawn: 0, kept: 5 }, 10, 0)).toContain(
      '7 social cards: wrote 2 (all from the card cache), kept 5 unchanged',
    );
    expect(describeCards({ keys, written: 4, drawn: 1, kept: 1 }, 10, 0)).toContain(
      'wrote 4 (1 drawn, the rest from the card cache), kept 1 unchanged',
    );
    expect(describeCards({ keys, written: 0, drawn: 0, kept: 9 }, 10, 0)).toContain('wrote none, kept 9 unchanged');
  });
});

describe('the og-cards integration in a build', () => {
  it('writes the cards while the integrations between its halves run, and keeps their keys afterwards', async () => {
    const { buildStart, buildDone, cards, lines } = setUp();
    await buildStart();
    let release = (_: CardKeys) => undefined as void;
    const given = offer(['og/b.png', 'og/a.png'], new Promise((resolve) => (release = resolve)));
    expect(cards.outputs()).toEqual(['og/b.png', 'og/a.png']);
    let pagefindStarted = 0;
    await buildDone(async () => {
      pagefindStarted = performance.now();
      // The cards are being written before Pagefind's turn ends: finish still waits for them.
      expect(given.at).toBeLessThanOrEqual(pagefindStarted);
      expect(existsSync(keysFile())).toBe(false);
      // Nor do they take the second core from Pagefind.
      expect(given.hurriedAt).toBeUndefined();
      setTimeout(() => release({ 'og/b.png': 'kb', 'og/a.png': 'ka' }), 20);
    });
    expect(given).toMatchObject({ outDir: outDir(), previous: {} });
    expect(given.hurriedAt).toBeGreaterThan(pagefindStarted);
    // Written sorted, for the next build.
    expect(readFileSync(keysFile(), 'utf8')).toBe(
      JSON.stringify({ outDir: outDir(), value: { 'og/a.png': 'ka', 'og/b.png': 'kb' } }),
    );
    expect(lines.at(-1)).toMatch(/^2 social cards: wrote 2 \(1 drawn, the rest from the card cache\), kept 0/);
  });

  it('gives the next build the keys of the last finished one, and deletes them when a build starts', async () => {
    const first = setUp();
    await first.buildStart();
    offer(['og/a.png'], Promise.resolve({ 'og/a.png': 'ka' }));
    await first.buildDone();

    const next = setUp();
    await next.buildStart();
    // Deleted as the build starts, so a build that fails from here on leaves no keys to trust.
    expect(existsSync(keysFile())).toBe(false);
    const given = offer(['og/a.png'], Promise.resolve({ 'og/a.png': 'ka' }));
    await next.buildDone();
    expect(given.previous).toEqual({ 'og/a.png': 'ka' });
  });

  it('fails the build, naming the card, when a card cannot be written, and keeps no keys', async () => {
    const { buildStart, buildDone } = setUp();
    await buildStart();
    offer(['og/a.png'], Promise.reject(new Error('og/a.png: resvg could not parse the SVG')));
    await expect(buildDone()).rejects.toThrow(
      'A social card could not be written: og/a.png: resvg could not parse the SVG',
    );
    expect(existsSync(keysFile())).toBe(false);
  });

  it('has the card route offer its cards only during a build, never to the dev server', async () => {
    const { buildStart, buildDone, cards } = setUp();
    expect(cardsWanted()).toBe(false);
    await buildStart();
    expect(cardsWanted()).toBe(true);
    offer(['og/a.png'], Promise.resolve({ 'og/a.png': 'ka' }));
    await buildDone();
    expect(cardsWanted()).toBe(false);
    // A build that failed before its end leaves the wish; a dev server started after it clears it.
    await buildStart();
    await cards.start.hooks['astro:server:setup']?.({} as unknown as ServerSetup);
    expect(cardsWanted()).toBe(false);
  });

  it('stops the cards of a build that failed in the process, and waits for those being written', async () => {
    const failed = setUp();
    await failed.buildStart();
    let release = (_: CardKeys) => undefined as void;
    const given = offer(['og/a.png'], new Promise((resolve) => (release = resolve)));
    // Started writing, then Pagefind failed: the finishing half never ran.
    await failed.cards.start.hooks['astro:build:done']?.({ logger: { info: () => undefined } } as unknown as BuildDone);
    let nextStarted = false;
    const next = failed.buildStart()?.then(() => (nextStarted = true));
    expect(given.cancelledAt).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(nextStarted).toBe(false);
    release({ 'og/a.png': 'ka' });
    await next;
    expect(nextStarted).toBe(true);
    // Its cards never finished, so their keys are not trusted.
    expect(existsSync(keysFile())).toBe(false);
  });

  it('fails the build when the card route offered no cards, rather than publishing pages without them', async () => {
    const { buildStart, buildDone } = setUp();
    offer(['og/a.png'], Promise.resolve({}));
    // An offer from an earlier build in the same process does not count.
    await buildStart();
    await expect(buildDone()).rejects.toThrow('The card route offered no social cards to write');
  });
});
