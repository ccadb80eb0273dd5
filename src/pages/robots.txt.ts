import type { APIRoute } from 'astro';
import { url } from '../lib/paths';

/** Allows every crawler and points it at the sitemap, under this build's site and base. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(url('/sitemap-index.xml'), site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
};
