import type { APIRoute } from 'astro';
import { SITE_CITATION } from '../../lib/data-links';

/** The dataset's citation file: the repository's CITATION.cff, dated by this build. */
export const GET: APIRoute = () =>
  new Response(SITE_CITATION, { headers: { 'content-type': 'application/yaml; charset=utf-8' } });
