/** The social card of every page that has none of its own: /og/site.png, 1200×630. */
import type { APIRoute } from 'astro';
import { cacheDir, root } from 'astro:config/server';
import { siteCard } from '../../lib/og-card';
import { renderCard } from '../../lib/og-render';
import { loadRecord } from '../../lib/record';

/** The site's name, tagline and the size of the record, as a PNG. */
export const GET: APIRoute = async () => {
  const record = await loadRecord();
  const card = siteCard({
    agreements: record.agreements.length,
    themes: record.themes.length,
    events: record.events.length,
  });
  return new Response(await renderCard(card, { root, cacheDir }), { headers: { 'content-type': 'image/png' } });
};
