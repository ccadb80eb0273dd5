import type { APIRoute, GetStaticPaths } from 'astro';
import { embedRow } from '../../../lib/embed';
import { loadRecord } from '../../../lib/record';

/**
 * A year's agreements as the embed lists them, in timeline order (see EmbedRow): what a filtered embed
 * loads for matches older than its page holds, found through the timeline's facet index. A year's
 * timeline page would serve too, but weighs some twenty times more and lacks the short titles.
 */
export const getStaticPaths = (async () => {
  const record = await loadRecord();
  return record.timeline.map(({ year }) => ({ params: { year: String(year) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const record = await loadRecord();
  const groups = record.timeline.find(({ year }) => String(year) === params.year)?.groups ?? [];
  const rows = groups.flatMap(({ items }) => items.map(embedRow));
  return new Response(JSON.stringify(rows), { headers: { 'content-type': 'application/json' } });
};
