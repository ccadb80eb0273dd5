/**
 * How `astro build` hands its social cards from the card route to the og-cards integration. As routes, the
 * cards held back `astro:build:done` until the card worker had drawn the last of them (18 s at 3,000
 * agreements, with the other core idle), and only then could Pagefind start. So in a build the card route
 * returns no paths: it offers its cards here, and the integration writes them into the output folder while
 * Pagefind indexes the pages. Both run in Astro's process, but the route is bundled by Vite and the
 * integration is loaded with the config, so each has its own copy of this module: what they share is kept
 * on `globalThis`, under a registered symbol that both copies name alike.
 *
 * The integration says when a build wants the cards; `import.meta.env.PROD` cannot, as Astro fills
 * `import.meta.env` from the environment too, and a test runner's `PROD=''` turned it off.
 */

/**
 * Each card file's key (og-render.ts: the hash of everything that changes its pixels, and when the file was
 * written), by its path.
 */
export type CardKeys = Readonly<Record<string, string>>;

/** What writing the cards did. */
export interface WrittenCards {
  /** The key of every card now in the output folder, by its path. */
  keys: CardKeys;
  /** How many were written, and how many of those had to be drawn (not found in the card cache). */
  written: number;
  drawn: number;
  /** How many were left in place because the last build wrote the same card there. */
  kept: number;
}

/** The build's cards, as the card route offers them. */
export interface CardOutputs {
  /** Each card's file, relative to the output folder, '/'-separated. */
  files: readonly string[];
  /**
   * Writes every card into `outDir` but those `previous` shows there already with the same key; fails on the
   * first card that cannot be written, or when cancelled first.
   */
  write(outDir: string, previous: CardKeys): Promise<WrittenCards>;
  /** Says the build has nothing left to do but the cards, so they may take both cores. */
  hurry(): void;
  /** Stops drawing and writing the cards not yet started, for a build that is over. */
  cancel(): void;
}

const SHELF = Symbol.for('malaysia-china-tracker:card-outputs');

/** What the two copies share: whether a build wants the cards, and the cards once offered. */
interface Shelf {
  wanted: boolean;
  outputs?: CardOutputs;
}

const global = globalThis as typeof globalThis & { [SHELF]?: Shelf };
const shelf = (): Shelf => (global[SHELF] ??= { wanted: false });

/**
 * Called by the integration when a build starts: the card route is to offer its cards rather than return
 * them as paths. Without the integration (in the dev server, or a config without it) the cards stay routes.
 */
export function wantCards(): void {
  // The cards of a build that failed in this process are not drawn on behind the new build's back.
  withdrawCards();
  global[SHELF] = { wanted: true };
}

/** Whether the build under way wants the cards offered; the card route asks when the build asks for its paths. */
export function cardsWanted(): boolean {
  return shelf().wanted;
}

/** Called by the card route, in a build that wants them. */
export function offerCards(outputs: CardOutputs): void {
  shelf().outputs = outputs;
}

/** The cards offered in the build under way, if any. */
export function offeredCards(): CardOutputs | undefined {
  return shelf().outputs;
}

/**
 * Forgets a build's wish and offer, and stops its cards, once it is over (several builds and dev servers can
 * share a process).
 */
export function withdrawCards(): void {
  global[SHELF]?.outputs?.cancel();
  delete global[SHELF];
}
