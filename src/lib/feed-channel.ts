/** What both RSS feeds say about themselves: title, description, language, self link, licence. */
import { t } from '../i18n/ui';
import { LOCALE } from '../i18n/locale';
import { LICENCE } from './build-info';
import { absoluteUrl, url } from './paths';

/** The feeds the site publishes, by name; the file is /feeds/<name>.xml. */
export type FeedName = 'agreements' | 'changes';

/** The channel options of `rss()` for a feed: everything but its items. */
export function feedChannel(name: FeedName, site: URL | undefined) {
  const self = absoluteUrl(url(`/feeds/${name}.xml`), site);
  return {
    title: `${t('site.title')}: ${t(`feed.${name}`)}`,
    description: t(`feed.${name}.description`),
    site: absoluteUrl(url('/'), site),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${LOCALE}</language>`,
      `<copyright>${LICENCE.name} (${LICENCE.url})</copyright>`,
      `<atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
  };
}
