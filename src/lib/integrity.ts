/**
 * Checks across collections that a schema cannot see: references to missing entries (Astro only warns),
 * agreements dated outside their event, an event's separately counted documents that are not its own, and
 * sources nobody cites. Pure, so tests feed it plain data.
 */
import { mayFallWithin, type PartialDate } from './dates';

/** A reference as Astro resolves it: the target collection and id. */
export interface Ref {
  collection: string;
  id: string;
}

/** One entry as the checker sees it: where it lives and what it points at. */
export interface CheckedEntry {
  collection: string;
  id: string;
  /** The file it came from, relative to the project root. */
  filePath: string | undefined;
  /** Every reference the entry holds, by the field path that holds it (e.g. "themes.1"). */
  refs: { field: string; ref: Ref }[];
  /** For agreements: the date and the referenced event, to check the one lies within the other. */
  date?: PartialDate | undefined;
  event?: string | undefined;
  /** For events: the span of days. */
  span?: { start: PartialDate; end: PartialDate } | undefined;
  /** For events: the agreements its reported count leaves out, each of which must be one of its documents. */
  countedSeparately?: readonly string[] | undefined;
}

/** A failed check, with the file, the field and the value it concerns. */
export interface Problem {
  filePath: string;
  field: string;
  value: string;
  message: string;
}

/** Every integrity problem in the record; an empty list means the record holds together. */
export function findProblems(entries: readonly CheckedEntry[]): Problem[] {
  const byKey = new Map(entries.map((e) => [`${e.collection}/${e.id}`, e]));
  const cited = new Set<string>();
  const problems: Problem[] = [];
  const where = (e: CheckedEntry) => e.filePath ?? `${e.collection}/${e.id}`;

  for (const entry of entries) {
    for (const { field, ref } of entry.refs) {
      if (ref.collection === 'sources') cited.add(ref.id);
      if (!byKey.has(`${ref.collection}/${ref.id}`)) {
        problems.push({
          filePath: where(entry),
          field,
          value: ref.id,
          message: `refers to no entry of ${ref.collection}`,
        });
      }
    }
    entry.countedSeparately?.forEach((id, i) => {
      const agreement = byKey.get(`agreements/${id}`);
      if (agreement && agreement.event !== entry.id) {
        problems.push({
          filePath: where(entry),
          field: `documentsReported.countedSeparately.${i}`,
          value: id,
          message: `is counted separately from this event's documents, but its own event is "${agreement.event ?? 'none'}"`,
        });
      }
    });
    if (entry.date && entry.event) {
      const span = byKey.get(`events/${entry.event}`)?.span;
      if (span && !mayFallWithin(entry.date, span.start, span.end)) {
        problems.push({
          filePath: where(entry),
          field: 'date.value',
          value: entry.date.value,
          message: `is outside its event "${entry.event}" (${span.start.value} to ${span.end.value})`,
        });
      }
    }
  }
  for (const source of entries.filter((e) => e.collection === 'sources' && !cited.has(e.id))) {
    problems.push({
      filePath: where(source),
      field: 'id',
      value: source.id,
      message: 'is cited by no entry; cite it or remove it',
    });
  }
  return problems;
}

/** One line per problem, e.g. 'content/agreements/x.mdx: field "signatories.1" value "nobody" refers to no entry of actors'. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.filePath}: field "${p.field}" value "${p.value}" ${p.message}`).join('\n');
}

/** Every `{ collection, id }` inside a value, with the dotted path that leads to it. */
export function collectRefs(value: unknown, path: string[] = []): { field: string; ref: Ref }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => collectRefs(item, [...path, String(i)]));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (
    typeof record['collection'] === 'string' &&
    typeof record['id'] === 'string' &&
    Object.keys(record).length === 2
  ) {
    return [{ field: path.join('.'), ref: { collection: record['collection'], id: record['id'] } }];
  }
  return Object.entries(record).flatMap(([key, inner]) => collectRefs(inner, [...path, key]));
}
