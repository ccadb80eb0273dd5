/**
 * Feeds and discovery: both RSS feeds are well-formed RSS 2.0 and list what the content holds; the
 * sitemap is well-formed; every page says how to find it (canonical, hreflang, feeds); entry pages
 * describe themselves in JSON-LD that agrees with the content.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { rawDataFile, rawFrontmatter } from '../support/content';
import { contentIds, distDir, htmlPages, readPage } from '../support/dist';
import { xmlError } from '../support/xml';

const SITE = 'https://malaysia-china-tracker.example.org';
const ids = contentIds('agreements');

interface Item {
  title: string;
  link: string;
  guid: string | { '#text': string };
  pubDate: string;
  description: string;
}

function readFeed(name: string): { channel: Record<string, unknown>; items: Item[] } {
  const xml = readFileSync(join(distDir, 'feeds', `${name}.xml`), 'utf8');
  expect(xmlError(xml)).toBeUndefined();
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (tag) => tag === 'item' }).parse(xml);
  expect(parsed.rss['@_version']).toBe('2.0');
  const channel = parsed.rss.channel as Record<string, unknown>;
  return { channel, items: (channel['item'] as Item[] | undefined) ?? [] };
}

/** The site path of an absolute URL on the deployed site, fragment dropped. */
const pathOf = (link: string) => new URL(link).pathname;
/** The agreement id of an item's link. */
const idOf = (link: string) => pathOf(link).split('/')[2] ?? '';

describe('the agreements feed', () => {
  const { channel, items } = readFeed('agreements');

  it('is a titled RSS channel pointing at itself', () => {
    expect(channel['title']).toMatch(/Cooperation Tracker/);
    expect(channel['language']).toBe('en-GB');
    expect(JSON.stringify(channel['atom:link'])).toContain(`${SITE}/feeds/agreements.xml`);
  });

  it('lists every agreement exactly once, each linking to its built page', () => {
    const linked = items.map((i) => pathOf(i.link));
    expect(items.map((i) => idOf(i.link)).sort()).toEqual(ids);
    for (const path of linked) expect(htmlPages()).toContain(path);
  });

  it('orders items by the date of the document, latest first', () => {
    // A month or year sorts by its last possible day ("2024-06" as 2024-06-31 is fine for ordering).
    const latestDay = (value: string) => `${value}${'-12-31'.slice(value.length - 4)}`;
    const days = items.map((i) => {
      const date = rawFrontmatter('agreements', idOf(i.link))['date'] as { value: string };
      return latestDay(date.value);
    });
    expect(days).toEqual([...days].sort().reverse());
  });

  it('orders the documents of one date by title, A to Z, as the site’s lists do', () => {
    const byDate = Map.groupBy(
      items,
      (i) => (rawFrontmatter('agreements', idOf(i.link))['date'] as { value: string }).value,
    );
    const shared = [...byDate.values()].filter((group) => group.length > 1);
    // The 14 documents of 19 June 2024 share a date.
    expect(shared.length).toBeGreaterThan(0);
    for (const group of shared) {
      const titles = group.map((i) => i.title);
      expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')));
    }
  });

  it('gives each item an RFC 822 date and the document title from the content', () => {
    for (const item of items) {
      expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      const id = idOf(item.link);
      expect(item.title).toBe(rawFrontmatter('agreements', id)['title']);
    }
  });
});

describe('the changes feed', () => {
  const { items } = readFeed('changes');

  it('has one "added" item per agreement, plus one per update the content lists', () => {
    const expected = ids.reduce(
      (n, id) => n + 1 + ((rawFrontmatter('agreements', id)['updates'] as unknown[]) ?? []).length,
      0,
    );
    expect(items).toHaveLength(expected);
    const added = items.filter((i) => i.title.startsWith('Added: ')).map((i) => idOf(i.link));
    expect(added.sort()).toEqual(ids);
  });

  it('gives every change its own guid, which points at an element on the agreement page', () => {
    const guids = items.map((i) => (typeof i.guid === 'string' ? i.guid : i.guid['#text']));
    expect(new Set(guids).size).toBe(guids.length);
    for (const guid of guids) {
      const url = new URL(guid);
      expect(url.hash).not.toBe('');
      expect(readPage(url.pathname).querySelector(url.hash), guid).not.toBeNull();
    }
  });

  it('dates each addition on the day the content says the entry was added', () => {
    for (const item of items.filter((i) => i.title.startsWith('Added: '))) {
      const id = idOf(item.link);
      const added = String(rawFrontmatter('agreements', id)['added']);
      expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe(added);
    }
  });
});

describe('discovery', () => {
  it('has a well-formed sitemap index and sitemap with absolute URLs of built pages', () => {
    const index = readFileSync(join(distDir, 'sitemap-index.xml'), 'utf8');
    expect(xmlError(index)).toBeUndefined();
    const sitemap = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
    expect(xmlError(sitemap)).toBeUndefined();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
    expect(locs.length).toBeGreaterThan(ids.length);
    for (const loc of locs) expect(htmlPages()).toContain(pathOf(loc));
  });

  it('gives every page a canonical URL, hreflang alternates and both feeds', () => {
    // Noindex pages (the not-found page, embeds) have no canonical address to give.
    const indexable = htmlPages().filter(
      (p) => readPage(p).querySelector('meta[name="robots"]')?.getAttribute('content') !== 'noindex',
    );
    expect(indexable.length).toBeGreaterThan(ids.length);
    for (const path of indexable) {
      const head = readPage(path).querySelector('head');
      const canonical = head?.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical, path).toBe(`${SITE}${path}`);
      const langs = head?.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => l.getAttribute('hreflang'));
      expect(langs, path).toEqual(['en-GB', 'x-default']);
      const feeds = head
        ?.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')
        .map((l) => l.getAttribute('href'));
      expect(feeds, path).toEqual(['/feeds/agreements.xml', '/feeds/changes.xml']);
    }
  });

  it('keeps the not-found page, served at any missing address, out of search engines', () => {
    const head = readPage('/404.html').querySelector('head');
    expect(head?.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(head?.querySelector('link[rel="canonical"]')).toBeNull();
    expect(head?.querySelector('meta[property="og:url"]')).toBeNull();
  });

  it('links robots.txt to the sitemap', () => {
    expect(readFileSync(join(distDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });
});

/** The one JSON-LD block of a page, parsed. */
function jsonLd(path: string): Record<string, unknown> {
  const blocks = readPage(path).querySelectorAll('script[type="application/ld+json"]');
  expect(blocks, path).toHaveLength(1);
  return JSON.parse(blocks[0]?.textContent ?? '') as Record<string, unknown>;
}

describe('JSON-LD', () => {
  it('describes each agreement with its title, date at its precision and parties', () => {
    for (const id of ids) {
      const fm = rawFrontmatter('agreements', id);
      const ld = jsonLd(`/agreements/${id}/`);
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['url']).toBe(`${SITE}/agreements/${id}/`);
      const work = ld['mainEntity'] as Record<string, unknown>;
      expect(work['name']).toBe(fm['title']);
      expect(work['dateCreated']).toBe((fm['date'] as { value: string }).value);
      const parties = [...(fm['malaysianParties'] as string[]), ...(fm['chineseParties'] as string[])];
      expect((work['creator'] as { url: string }[]).map((c) => c.url)).toEqual(
        parties.map((p) => `${SITE}/actors/${p}/`),
      );
    }
  });

  it('describes each event as a schema.org Event with the content’s dates', () => {
    for (const id of contentIds('events')) {
      const fm = rawFrontmatter('events', id);
      const ld = jsonLd(`/events/${id}/`);
      expect(ld['@type']).toBe('Event');
      expect(ld['name']).toBe(fm['title']);
      expect(ld['startDate']).toBe((fm['start'] as { value: string }).value);
      expect(ld['location'] === undefined).toBe(fm['place'] === undefined);
    }
  });

  it('describes each body or person as an Organization or Person named as in actors.yaml', () => {
    const actors = rawDataFile('actors.yaml') as {
      id: string;
      name: string;
      kind: string;
    }[];
    const built = new Set(readdirSync(join(distDir, 'actors')));
    for (const actor of actors.filter((a) => built.has(a.id))) {
      const ld = jsonLd(`/actors/${actor.id}/`);
      expect(ld['name']).toBe(actor.name);
      if (actor.kind === 'person') expect(ld['@type']).toBe('Person');
      else expect(ld['@type']).toMatch(/Organization|CollegeOrUniversity|Corporation/);
    }
  });

  it('cannot be closed early by the content: no "<" inside any JSON-LD block', () => {
    for (const path of htmlPages()) {
      for (const block of readPage(path).querySelectorAll('script[type="application/ld+json"]')) {
        expect(block.textContent).not.toContain('<');
      }
    }
  });
});
