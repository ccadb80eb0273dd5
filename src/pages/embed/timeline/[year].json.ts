import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { embedRow } from '../../../lib/embed';
import { loadRecord } from '../../../lib/record';

/**
 * A year's agreements as the embed lists them, in timeline order (see EmbedRow): what a filtered embed
 * loads for matches older than its page holds, found through the timeline's facet index. A year's
 * timeline page would serve too, but weighs some twenty times more and lacks the short titles.
 */
export const getStaticPaths = (async () => {
  const record = await loadRecord();
  return record.timeline.map(({ year, groups }) => ({
    params: { year: String(year) },
    props: { rows: groups.flatMap(({ items }) => items.map(embedRow)) },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** The year's rows as JSON. */
export const GET: APIRoute<Props> = ({ props }) =>
  new Response(JSON.stringify(props.rows), { headers: { 'content-type': 'application/json' } });
