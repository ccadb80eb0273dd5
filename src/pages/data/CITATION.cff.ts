import type { APIRoute } from 'astro';
import { siteCitation } from '../../lib/data-links';

/** The dataset's citation file: the repository's CITATION.cff, dated by this build, at this site's address. */
export const GET: APIRoute = ({ site }) =>
  new Response(siteCitation(site), { headers: { 'content-type': 'application/yaml; charset=utf-8' } });
