import type { APIRoute } from 'astro';
import { dataResponse } from '../../lib/data-links';

/** The whole record as JSON: agreements, events, themes, actors, sources and figures. */
export const GET: APIRoute = ({ site }) => dataResponse('dataset.json', site);
