/**
 * How many results of each kind a search found, as the status line says it ("3 documents, 2 themes and
 * 1 event"). The facets count documents only, so without this a reader could not tell what the other
 * results were. Pure, so it is unit-tested.
 */
import { KINDS, type Kind } from './search-rank';

/**
 * The results by kind, in the order of KINDS, joined as a list in `locale`; undefined when Pagefind gave
 * no counts or when they do not add up to `total` (a date order leaves out the pages without a date).
 */
export function kindSummary(
  counts: Readonly<Record<string, number>> | undefined,
  total: number,
  phrase: (kind: Kind, n: number) => string,
  locale: string,
): string | undefined {
  const present = KINDS.filter((kind) => (counts?.[kind] ?? 0) > 0);
  const sum = present.reduce((n, kind) => n + (counts?.[kind] ?? 0), 0);
  if (present.length === 0 || sum !== total) return undefined;
  const parts = present.map((kind) => phrase(kind, counts?.[kind] ?? 0));
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts);
}
