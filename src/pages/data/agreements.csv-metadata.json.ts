import type { APIRoute } from 'astro';
import { dataResponse } from '../../lib/data-links';

/** The CSV on the Web metadata of agreements.csv: licence, version, build date and columns. */
export const GET: APIRoute = ({ site }) => dataResponse('agreements.csv-metadata.json', site);
