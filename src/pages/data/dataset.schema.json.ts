import type { APIRoute } from 'astro';
import { dataResponse } from '../../lib/data-links';

/** The JSON Schema of dataset.json, generated from the content schemas. */
export const GET: APIRoute = ({ site }) => dataResponse('dataset.schema.json', site);
