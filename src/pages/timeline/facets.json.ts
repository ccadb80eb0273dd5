import type { APIRoute } from 'astro';
import { facetRow } from '../../lib/filter';
import { loadRecord } from '../../lib/record';

/**
 * Every agreement's facet values, in timeline order: what the timeline's filters fetch when the page
 * folds older years, to count and find matches in years whose items are not on the page.
 */
export const GET: APIRoute = async () => {
  const record = await loadRecord();
  const rows = record.timeline.flatMap(({ groups }) =>
    groups.flatMap(({ items }) => items.map((card) => facetRow(card.id, card.facets))),
  );
  return new Response(JSON.stringify(rows), { headers: { 'content-type': 'application/json' } });
};
