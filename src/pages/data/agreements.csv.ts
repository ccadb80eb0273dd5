import type { APIRoute } from 'astro';
import { dataResponse } from '../../lib/data-links';

/** Every agreement as CSV, one row each, for spreadsheets. */
export const GET: APIRoute = ({ site }) => dataResponse('agreements.csv', site);
