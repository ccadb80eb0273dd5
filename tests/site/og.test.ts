/** Social cards: every page names a 1200×630 PNG card that exists in the build; entries have their own. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { describe, expect, it } from 'vitest';
import { contentIds, distDir, htmlPages, readPage, requireBuild } from '../support/dist';

requireBuild();
const base = process.env.BASE_PATH ?? '/';

const meta = (path: string, key: string) =>
  readPage(path).querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? '';

// Pages that keep out of search engines (the iframe-only embed, the not-found page) are not shared as links.
const pages = htmlPages().filter((path) => meta(path, 'robots') !== 'noindex');

/** The built file an absolute og:image URL points at: the site's origin and base stripped. */
function cardFile(imageUrl: string): string {
  const { pathname } = new URL(imageUrl);
  expect(pathname.startsWith(base)).toBe(true);
  return join(distDir, decodeURIComponent(pathname.slice(base.length)));
}

const sizes = new Map<string, ReturnType<typeof imageSize> | undefined>();
function sizeOf(file: string) {
  if (!sizes.has(file)) sizes.set(file, existsSync(file) ? imageSize(readFileSync(file)) : undefined);
  return sizes.get(file);
}

describe('social card metadata', () => {
  it.each(pages)('%s has Open Graph and Twitter card metadata', (path) => {
    for (const key of ['og:title', 'og:description', 'og:url', 'og:image', 'twitter:card']) {
      expect(meta(path, key), key).not.toBe('');
    }
    expect(meta(path, 'twitter:card')).toBe('summary_large_image');
    expect(meta(path, 'og:url')).toBe(readPage(path).querySelector('link[rel="canonical"]')?.getAttribute('href'));
    expect(meta(path, 'twitter:image')).toBe(meta(path, 'og:image'));
  });

  it.each(pages)(
    '%s has a description that reads as a whole sentence on its own, as a link preview shows it',
    (path) => {
      const description = meta(path, 'description');
      expect(meta(path, 'og:description')).toBe(description);
      // Not a page's lead-in to a list ("Find them:") or a cut-off sentence.
      expect(description).toMatch(/[.?!”)]$/);
    },
  );

  it.each(pages)('%s has an og:image that is a 1200×630 PNG in the build', (path) => {
    const file = cardFile(meta(path, 'og:image'));
    expect(sizeOf(file), file).toMatchObject({ type: 'png', width: 1200, height: 630 });
    expect([meta(path, 'og:image:width'), meta(path, 'og:image:height')]).toEqual(['1200', '630']);
  });
});

describe('entry cards', () => {
  const siteCard = readFileSync(cardFile(meta('/', 'og:image')));

  it.each(
    (['agreements', 'themes', 'events'] as const).flatMap((collection) =>
      contentIds(collection).map((id) => [collection, id] as const),
    ),
  )('%s/%s has its own card, not the site card', (collection, id) => {
    const image = meta(`/${collection}/${id}/`, 'og:image');
    expect(new URL(image).pathname).toBe(`${base}og/${collection}/${id}.png`);
    const card = readFileSync(cardFile(image));
    expect(card.equals(siteCard)).toBe(false);
  });

  it('leaves out only pages that search engines are told to skip', () => {
    expect(pages).toContain('/');
    // The not-found page is served at any missing address, so it has none of its own to share.
    expect(pages).not.toContain('/404.html');
    // It and the embed are the only ones.
    expect(pages.length).toBe(htmlPages().length - 2);
  });

  it('draws different cards for different agreements', () => {
    const [a, b] = contentIds('agreements').map((id) => readFileSync(join(distDir, 'og', 'agreements', `${id}.png`)));
    expect(a && b && a.equals(b)).toBe(false);
  });
});
