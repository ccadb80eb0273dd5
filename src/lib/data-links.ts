/**
 * The open-data files as the site serves them: the dataset built from the record, with this build's
 * absolute addresses (site and base path). Endpoints and the /data/ page share one build of the files.
 */
import repositoryCitation from '../../CITATION.cff?raw';
import { BUILT_ON, REPOSITORY_URL } from './build-info';
import { readYaml } from './data-file';
import { dataFiles, type DataFileName, type DataLinks } from './dataset';
import { routes, url } from './paths';
import { loadRecord } from './record';

/** The absolute addresses of a build: its pages and its /data/ files. */
export function siteDataLinks(site: URL | undefined): DataLinks {
  const absolute = (path: string) => new URL(path, site).href;
  return {
    home: absolute(url('/')),
    page: (collection, id) => {
      if (collection === 'agreements') return absolute(routes.agreement(id));
      if (collection === 'events') return absolute(routes.event(id));
      if (collection === 'themes') return absolute(routes.theme(id));
      if (collection === 'actors') return absolute(routes.actor(id));
      if (collection === 'sources') return absolute(routes.source(id));
      return absolute(routes.figure(id));
    },
    file: (name) => absolute(url(`/data/${name}`)),
  };
}

let built: Promise<Record<DataFileName, string>> | undefined;

/** Every /data/ file's contents, built once per build from the record. */
export function siteDataFiles(site: URL | undefined): Promise<Record<DataFileName, string>> {
  built ??= loadRecord().then((record) => dataFiles(record, siteDataLinks(site)));
  return built;
}

/**
 * /data/CITATION.cff: the repository's file with this build's day as `date-released` and its own home
 * page as `url`. Each build publishes the dataset anew, and a citation made from a file without a date says
 * "n.d."; a site built for its real address (SITE_URL) must not send readers to the placeholder. With
 * REPOSITORY_URL set it names the repository too (`repository-code`). The file's opening comments are for
 * its maintainers, so readers get it without them.
 */
export function siteCitation(site: URL | undefined): string {
  const repository = REPOSITORY_URL ? `\nrepository-code: '${REPOSITORY_URL}'` : '';
  const body = repositoryCitation
    .replace(/^(?:#.*\n)+/, '')
    .replace(/^url: .*$/m, `url: '${siteDataLinks(site).home}'${repository}`)
    .trimEnd();
  return `${body}\ndate-released: '${BUILT_ON}'\n`;
}

/** Media types of the downloads. */
const TYPES = { json: 'application/json', csv: 'text/csv; charset=utf-8' } as const;

/** The response of a /data/ file's endpoint. */
export async function dataResponse(name: DataFileName, site: URL | undefined): Promise<Response> {
  const body = (await siteDataFiles(site))[name];
  return new Response(body, { headers: { 'content-type': name.endsWith('.csv') ? TYPES.csv : TYPES.json } });
}

/**
 * The dataset's APA reference (7th edition), from CITATION.cff: its authors, this build's year, title and
 * version, and the /data/ page; for a student who does not know what to do with a CITATION.cff file.
 */
export function datasetApa(site: URL | undefined): string {
  const cff = readYaml(repositoryCitation) as {
    title: string;
    version: string;
    authors: { name: string }[];
  };
  const authors = cff.authors.map((author) => author.name).join(', ');
  const page = new URL(url('/data/'), site).href;
  return `${authors}. (${BUILT_ON.slice(0, 4)}). ${cff.title} (Version ${cff.version}) [Data set]. ${page}`;
}
