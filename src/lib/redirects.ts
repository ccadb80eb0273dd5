/**
 * The redirects map, `content/redirects.yaml`: when an entry's id (and so its URL) changes, the old
 * address keeps working. Each item names the old and the new site path, e.g.
 * `- { from: /agreements/old-id/, to: /agreements/new-id/ }`. It also holds an address a reader may guess,
 * such as `/timeline/` for the home page.
 */
import { readYaml } from './data-file';

/** One redirect: an old site path and where it now lives. */
export interface Redirect {
  from: string;
  to: string;
}

/** A page's path below the home page, e.g. `/agreements/some-id/`: what an old address must be. */
const SITE_PATH = /^\/(?:[a-z0-9-]+\/)+$/;
/** A target may also be the home page, `/`, where the timeline lives. */
const TARGET_PATH = /^\/(?:[a-z0-9-]+\/)*$/;

/** Parses and checks the redirects file, or throws naming the file, the item, the field and the value. */
export function parseRedirects(fileName: string, text: string): Redirect[] {
  const data = readYaml(text) ?? [];
  if (!Array.isArray(data)) throw new Error(`${fileName}: expected a YAML list of { from, to } items`);
  const seen = new Set<string>();
  return data.map((item: unknown, index) => {
    const where = `${fileName}: item ${index + 1}`;
    const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    for (const field of ['from', 'to'] as const) {
      const value = record[field];
      if (typeof value !== 'string' || !(field === 'from' ? SITE_PATH : TARGET_PATH).test(value)) {
        throw new Error(
          `${where}: field "${field}" value ${JSON.stringify(value)} is not a site path like /agreements/some-id/`,
        );
      }
    }
    const { from, to } = record as unknown as Redirect;
    if (from === to) throw new Error(`${where}: field "to" value "${to}" redirects to itself`);
    if (seen.has(from)) throw new Error(`${where}: field "from" value "${from}" is redirected twice`);
    seen.add(from);
    return { from, to };
  });
}

/**
 * Astro's redirect page with its refresh written as the HTML standard asks, `0; url=…`: Astro writes
 * `0;url=…`, which browsers follow but the Nu Html Checker rejects, since the standard wants a space.
 */
export function conformingRedirect(html: string): string {
  return html.replace(/(<meta http-equiv="refresh" content="\d+);url=/, '$1; url=');
}
