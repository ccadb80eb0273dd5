/** The real content schemas, built with a stand-in for Astro's `reference()` (which needs Astro's runtime). */
import { z } from 'astro/zod';
import { createSchemas, type ReferenceFactory } from '../../src/lib/schema';

/** Turns an id into `{ collection, id }` as Astro's `reference()` does, without checking the target exists. */
const reference = ((collection: string) =>
  z.string().transform((id) => ({ collection, id }))) as unknown as ReferenceFactory;

/** The collections' schemas, as content.config.ts makes them. */
export const schemas = createSchemas(reference);

/** A valid agreement's frontmatter, to corrupt one field at a time. */
export function validAgreement(): Record<string, unknown> {
  return {
    title: 'Memorandum of Understanding on Cooperation in Artificial Intelligence',
    shortTitle: 'AI MoU',
    type: 'mou',
    date: { value: '2025-04-16', precision: 'day' },
    event: 'xi-jinping-state-visit-2025',
    malaysianParties: ['digital-ministry'],
    chineseParties: ['ndrc'],
    signatories: ['gobind-singh-deo'],
    themes: ['artificial-intelligence'],
    status: { value: 'exchanged', checked: '2026-11-23' },
    summary: 'Malaysia and China agreed to work together on artificial intelligence.',
    confidence: { level: 'confirmed' },
    unknowns: ['The text has not been published.'],
    sources: [{ source: 'broadsheet-asia-2025-04-17', supports: 'date and parties' }],
    related: [],
    aliases: ['kecerdasan buatan'],
    lastReviewed: '2026-11-23',
    added: '2026-11-23',
  };
}

/** A valid event's frontmatter. */
export function validEvent(): Record<string, unknown> {
  return {
    title: 'State visit',
    kind: 'state-visit',
    start: { value: '2025-04-15', precision: 'day' },
    end: { value: '2025-04-17', precision: 'day' },
    place: 'Kuala Lumpur',
    documentsReported: { count: 31 },
    summary: 'A visit.',
    sources: [{ source: 's' }],
  };
}

/** A valid source item. */
export function validSource(): Record<string, unknown> {
  return {
    id: 'the-star-2025-04-16',
    title: 'Anwar, Xi witness signing',
    publisher: 'The Star',
    published: { value: '2025-04-16', precision: 'day' },
    url: 'https://www.thestar.com.my/news/nation/2025/04/16/x',
    kind: 'news-report',
  };
}
