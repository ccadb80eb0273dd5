/** Site-relative URLs that respect `base`, so one build deploys at a domain root or under a sub-path. */

/** Joins a base ("/" or "/tracker/") and a site path ("/themes/ai/") into one URL path. */
export function joinBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return `${head}${path.replace(/^\/+/, '')}`;
}

/** A URL path under this build's base. */
export function url(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** The page of each kind of entry. */
export const routes = {
  agreement: (id: string) => url(`/agreements/${id}/`),
  theme: (id: string) => url(`/themes/${id}/`),
  event: (id: string) => url(`/events/${id}/`),
  actor: (id: string) => url(`/actors/${id}/`),
  source: (id: string) => url(`/sources/#${id}`),
};
