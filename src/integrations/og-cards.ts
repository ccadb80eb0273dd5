/**
 * Writes the social cards that the card route offers in a build (src/lib/og-outputs.ts) into the output
 * folder while Pagefind indexes the pages. `start` goes before the Pagefind integration and starts writing;
 * `finish` goes after it and waits for the last card, so the card worker draws on one core while Pagefind
 * reads the pages on the other, and the cards left then are drawn on both. A card that cannot be drawn
 * fails the build, as its route did.
 *
 * A card the last finished build wrote is left in place while its key (the hash of everything that changes
 * its pixels) is the same and nothing has written its file since. The keys are a build record
 * (build-record.ts), like output-dir.ts's list: a failed build leaves none to trust.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  offeredCards,
  wantCards,
  withdrawCards,
  type CardKeys,
  type CardOutputs,
  type WrittenCards,
} from '../lib/og-outputs';
import { buildRecord, isTextRecord, type BuildRecord } from './build-record';

/** The key of each card a finished build wrote, by its path in the output folder, in Astro's cacheDir. */
const KEYS_FILE = 'og-card-keys.json';

/** The build log's line for written cards. */
export function describeCards(cards: WrittenCards, ms: number, waitedMs: number): string {
  const total = cards.written + cards.kept;
  const drawn =
    cards.drawn === cards.written
      ? 'all drawn'
      : cards.drawn === 0
        ? 'all from the card cache'
        : `${cards.drawn} drawn, the rest from the card cache`;
  const written = cards.written > 0 ? `wrote ${cards.written} (${drawn})` : 'wrote none';
  return (
    `${total} social cards: ${written}, kept ${cards.kept} unchanged; ` +
    `${Math.round(ms)} ms in all, ${Math.round(waitedMs)} ms of it after the other integrations`
  );
}

/**
 * The two halves of the integration, and `outputs`, the card files of the build under way (relative to the
 * output folder, '/'-separated), which output-dir.ts counts as the build's own.
 */
export default function ogCards(): {
  start: AstroIntegration;
  finish: AstroIntegration;
  outputs: () => readonly string[];
} {
  let outDir = '';
  let keysRecord: BuildRecord<CardKeys>;
  let previous: CardKeys = {};
  let offer: CardOutputs | undefined;
  let writing: Promise<WrittenCards> | undefined;
  let started = 0;
  const start: AstroIntegration = {
    name: 'tracker:og-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        keysRecord = buildRecord(fileURLToPath(new URL(KEYS_FILE, config.cacheDir)), outDir, isTextRecord);
      },
      // The dev server draws each card at its route, even after a build in the same process.
      'astro:server:setup': () => withdrawCards(),
      'astro:build:start': async () => {
        wantCards();
        // A build that failed in this process may still be writing its last few cards into the folder.
        await writing?.catch(() => undefined);
        offer = undefined;
        writing = undefined;
        previous = keysRecord.take() ?? {};
      },
      'astro:build:done': () => {
        offer = offeredCards();
        if (!offer) throw new Error('The card route offered no social cards to write (src/lib/og-outputs.ts).');
        started = performance.now();
        writing = offer.write(outDir, previous);
        // Awaited by `finish`; until then a failure must not count as unhandled.
        writing.catch(() => undefined);
      },
    },
  };
  const finish: AstroIntegration = {
    name: 'tracker:og-cards-finish',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        if (!offer || !writing) {
          throw new Error('tracker:og-cards must come before tracker:og-cards-finish in the config.');
        }
        const waitedFrom = performance.now();
        // Pagefind and the others are done, so the cards still to draw can have the core they used.
        offer.hurry();
        const cards = await writing.catch((error: unknown) => {
          const why = error instanceof Error ? error.message : String(error);
          throw new Error(`A social card could not be written: ${why}`, { cause: error });
        });
        const now = performance.now();
        const sorted = Object.fromEntries(Object.entries(cards.keys).sort(([a], [b]) => (a < b ? -1 : 1)));
        keysRecord.keep(sorted);
        logger.info(describeCards(cards, now - started, now - waitedFrom));
        withdrawCards();
      },
    },
  };
  return { start, finish, outputs: () => offeredCards()?.files ?? [] };
}
