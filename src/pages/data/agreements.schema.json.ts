import type { APIRoute } from 'astro';
import { dataResponse } from '../../lib/data-links';

/** The JSON Schema of agreements.json, generated from the content schemas. */
export const GET: APIRoute = ({ site }) => dataResponse('agreements.schema.json', site);
