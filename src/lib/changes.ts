/**
 * The record's change log, read from the agreements themselves: the day each entry was added and the
 * updates listed in it. One list feeds the changes page and the changes RSS feed.
 */
import type { UPDATE_KINDS } from './schema';

/** What a change was: the entry's first publication, or one of its later updates. */
export type ChangeKind = 'added' | (typeof UPDATE_KINDS)[number];

/** An agreement as the change log reads it. */
export interface ChangeSource {
  id: string;
  data: {
    shortTitle: string;
    added: string;
    updates: readonly { date: string; kind: (typeof UPDATE_KINDS)[number]; note: string }[];
  };
}

/** One change to the record. */
export interface Change {
  /** The day of the change, YYYY-MM-DD. */
  date: string;
  kind: ChangeKind;
  agreementId: string;
  shortTitle: string;
  /** What changed; absent for additions. */
  note: string | undefined;
  /** The id of the element on the agreement page that records this change. */
  anchor: string;
}

/** The id of the element on an agreement page recording its `n`th update (0 for its addition). */
export function changeAnchor(n: number): string {
  return n === 0 ? 'history-added' : `history-update-${n}`;
}

/** Every change, newest first; on one day, updates before additions, then by title. */
export function changesOf(agreements: readonly ChangeSource[]): Change[] {
  const changes = agreements.flatMap(({ id, data }): Change[] => [
    {
      date: data.added,
      kind: 'added',
      agreementId: id,
      shortTitle: data.shortTitle,
      note: undefined,
      anchor: changeAnchor(0),
    },
    ...data.updates.map((u, i) => ({
      date: u.date,
      kind: u.kind,
      agreementId: id,
      shortTitle: data.shortTitle,
      note: u.note,
      anchor: changeAnchor(i + 1),
    })),
  ]);
  const rank = (c: Change) => (c.kind === 'added' ? 1 : 0);
  return changes.sort(
    (a, b) => b.date.localeCompare(a.date) || rank(a) - rank(b) || a.shortTitle.localeCompare(b.shortTitle, 'en'),
  );
}
