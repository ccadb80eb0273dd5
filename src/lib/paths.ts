/** Site-relative URLs that respect `base`, so one build deploys at a domain root or under a sub-path. */
import { base } from 'astro:config/client';

/** Joins a base ("/" or "/tracker/") and a site path ("/themes/ai/") into one URL path. */
function joinBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return `${head}${path.replace(/^\/+/, '')}`;
}

/**
 * A URL path under this build's base. Read from Astro's config module: in Astro 7 builds,
 * `import.meta.env.BASE_URL` is "/" in prerendered pages whatever `base` says.
 */
export function url(path: string): string {
  return joinBase(base, path);
}

/** A site path ("/agreements/x/", already under the base) as an absolute URL on the deployed site. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (!site) throw new Error('`site` must be set in astro.config.mjs (SITE_URL) to write absolute URLs');
  return new URL(path, site).href;
}

/** The social card of an agreement, theme or event, as a path under the site (and a file in the output folder). */
export const cardFile = (collection: 'agreements' | 'themes' | 'events', id: string): string =>
  `og/${collection}/${id}.png`;

/** The page of each kind of entry. */
export const routes = {
  agreement: (id: string) => url(`/agreements/${id}/`),
  theme: (id: string) => url(`/themes/${id}/`),
  event: (id: string) => url(`/events/${id}/`),
  actor: (id: string) => url(`/actors/${id}/`),
  source: (id: string) => url(`/sources/#${id}`),
  /** A key figure's row in the table on /figures/. */
  figure: (id: string) => url(`/figures/#${id}`),
  /** The 1200×630 social card of an agreement, theme or event. */
  card: (collection: Parameters<typeof cardFile>[0], id: string) => url(cardFile(collection, id)),
  /** The social card of every other page. */
  siteCard: url('/og/site.png'),
  /** A year's own timeline page, which a folded year on the home page links to and loads from. */
  year: (year: number | string) => url(`/years/${year}/`),
  /** Every agreement's facet values, which the filters fetch when older years are folded. */
  facetIndex: url('/timeline/facets.json'),
  /** A year's rows for the embed, which a filtered embed loads for agreements older than its page holds. */
  embedYear: (year: number | string) => url(`/embed/timeline/${year}.json`),
};
