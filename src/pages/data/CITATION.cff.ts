import type { APIRoute } from 'astro';
import citation from '../../../CITATION.cff?raw';

/** The repository's CITATION.cff, served as it is: one file, for the repository and the site. */
export const GET: APIRoute = () =>
  new Response(citation, { headers: { 'content-type': 'application/yaml; charset=utf-8' } });
