import { compareDates, type PartialDate } from './dates';

/** What grouping needs of a source: its id, publisher and publication date. */
export interface BibliographySource {
  id: string;
  data: { publisher: string; published?: PartialDate | undefined };
}

/** One publisher's sources, which /sources/ lists under the publisher's heading. */
export interface PublisherGroup<T extends BibliographySource> {
  publisher: string;
  /**
   * The id of the publisher's heading, for the page's list of publishers to link to: "publisher-" and its
   * name in lower-case letters and digits, apostrophes dropped ("publisher-peoples-daily"), so it never
   * meets a source's own id.
   */
  anchor: string;
  sources: T[];
}

/**
 * The sources by publisher, so a reader can see which outlets the record rests on and jump between
 * them: publishers in alphabetical order (ignoring case: "daily8" among the D's), each publisher's
 * sources oldest first, undated ones last.
 */
export function byPublisher<T extends BibliographySource>(sources: readonly T[]): PublisherGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const source of sources) {
    const group = groups.get(source.data.publisher);
    if (group) group.push(source);
    else groups.set(source.data.publisher, [source]);
  }
  const undatedLast = (a: T, b: T) => {
    if (a.data.published && b.data.published) return compareDates(a.data.published, b.data.published);
    return Number(!a.data.published) - Number(!b.data.published);
  };
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
    .map(([publisher, group]) => ({
      publisher,
      anchor: `publisher-${publisher
        .toLocaleLowerCase('en')
        .normalize('NFKD')
        .replace(/['’]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}`,
      sources: group.sort((a, b) => undatedLast(a, b) || a.id.localeCompare(b.id)),
    }));
}
