import { countDocuments, t } from '../i18n/ui';

/**
 * How an event's reported count of documents compares with the documents this site describes: the two
 * often differ, and a document of the event may sit outside the count (a joint statement of the next day).
 */

/** An event's count as the reports give it, with the documents it leaves out. */
export interface ReportedCount {
  count: number;
  countedSeparately: readonly { id: string }[];
}

/** The comparison: the reported count, how many described documents it includes, and those it leaves out. */
export interface DocumentCount<C> {
  reported: number;
  inCount: number;
  separately: C[];
}

/** The comparison for an event's described documents, or undefined when the reports give no count. */
export function documentCount<C extends { id: string }>(
  reported: ReportedCount | undefined,
  described: readonly C[],
): DocumentCount<C> | undefined {
  if (!reported) return undefined;
  const left = new Set(reported.countedSeparately.map(({ id }) => id));
  const separately = described.filter(({ id }) => left.has(id));
  return { reported: reported.count, inCount: described.length - separately.length, separately };
}

/**
 * The sentence comparing the counts. A summary (a timeline's or the events list's) names how many the count
 * leaves out; an event's own page says so and then lists them. With no count reported, it says so, and says
 * "none" rather than "0" when no document is described either.
 */
export function countSentence(
  counted: DocumentCount<unknown> | undefined,
  described: number,
  where: 'summary' | 'page',
): string {
  if (!counted) return t(described === 0 ? 'event.reportedNone' : 'event.reportedUnknown', { m: described });
  const leftOut = counted.separately.length;
  // "1 document reported", not "1 documents".
  const vars = { n: countDocuments(counted.reported), m: counted.inCount, k: countDocuments(leftOut) };
  if (where === 'page') return t(leftOut > 0 ? 'event.reportedSeparately' : 'event.reported', vars);
  return t(leftOut > 0 ? 'timeline.reportedSeparately' : 'timeline.reported', vars);
}
