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
