import type { APIRoute } from 'astro';
import { dataResponse } from '../../lib/data-links';

/** Every agreement as JSON, with the version, build date and licence. */
export const GET: APIRoute = ({ site }) => dataResponse('agreements.json', site);
