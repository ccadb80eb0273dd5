/**
 * The record's change log, read from the agreements themselves: the day each entry was added and the
 * updates listed in it. One list feeds the changes page and the changes RSS feed.
 */
import type { Agreement } from './record';
import type { UPDATE_KINDS } from './schema';

/** What a change was: the entry's first publication, or one of its later updates. */
export type ChangeKind = 'added' | (typeof UPDATE_KINDS)[number];

/** An agreement as the change log reads it. */
export interface ChangeSource {
  id: string;
  data: Pick<Agreement['data'], 'shortTitle' | 'added' | 'updates'>;
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

/** Changes of one day, kind and note, made to several entries at once: one line on the changes page. */
export interface ChangeGroup {
  date: string;
  kind: ChangeKind;
  note: string | undefined;
  /** The entries it was made to, in the order of the change list. */
  entries: Pick<Change, 'agreementId' | 'shortTitle' | 'anchor'>[];
}

/**
 * The changes with those of the same day, kind and note joined, in the order each group first appears.
 * One correction made to 17 entries on one day is one line naming all 17, not 17 lines saying the same.
 */
export function groupChanges(changes: readonly Change[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const { date, kind, note, agreementId, shortTitle, anchor } of changes) {
    const key = JSON.stringify([date, kind, note]);
    const group = groups.get(key) ?? { date, kind, note, entries: [] };
    group.entries.push({ agreementId, shortTitle, anchor });
    groups.set(key, group);
  }
  return [...groups.values()];
}
