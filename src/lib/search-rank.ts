/**
 * Re-ranking of Pagefind's results by the kind of page. Pagefind scores words (titles weigh more through
 * heading and `data-pagefind-weight` weights), but it does not know that a student searching "MITI" or
 * "visa" wants the agreements first and the body's or theme's page after them. So, for the relevance
 * order only: agreement pages come first, then every other page; inside each group Pagefind's order is
 * kept (a stable partition). Date orders are left exactly as Pagefind sorted them.
 */

/** A result as Pagefind lists it before its data is loaded. */
export interface RankedResult {
  id: string;
}

/** Agreements first (in Pagefind's order), then the rest (in Pagefind's order). */
export function rankByKind<T extends RankedResult>(results: readonly T[], agreementIds: ReadonlySet<string>): T[] {
  const agreements = results.filter((r) => agreementIds.has(r.id));
  const others = results.filter((r) => !agreementIds.has(r.id));
  return [...agreements, ...others];
}

/** The kinds of page Pagefind indexes (the `kind` metadata of each page). */
export const KINDS = ['agreement', 'theme', 'event', 'actor'] as const;
export type Kind = (typeof KINDS)[number];

/** A page's kind from its `kind` metadata; undefined for anything else. */
export function kindOf(meta: string | undefined): Kind | undefined {
  return (KINDS as readonly string[]).includes(meta ?? '') ? (meta as Kind) : undefined;
}

/** The theme titles of a result, from its `themes` metadata ("A · B · C"). */
export function themesOf(meta: string | undefined): string[] {
  return (meta ?? '')
    .split(' · ')
    .map((s) => s.trim())
    .filter(Boolean);
}
