/** RSS of every agreement, the most recently signed first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { t } from '../../i18n/ui';
import { formatDate } from '../../lib/dates';
import { feedChannel } from '../../lib/feed-channel';
import { absoluteUrl, routes } from '../../lib/paths';
import { loadRecord } from '../../lib/record';
import { newestFirst } from '../../lib/timeline';

/** The feed, in the order of the site's lists: newest first, documents of one date by title. */
export const GET: APIRoute = async ({ site }) => {
  const record = await loadRecord();
  const agreements = newestFirst(record.cards).map((card) => record.agreement(card.id));
  return rss({
    ...feedChannel('agreements', site),
    items: agreements.map(({ id, data }) => ({
      title: data.title,
      link: absoluteUrl(routes.agreement(id), site),
      // When the entry appeared on this site; the document's own date, at its precision, leads the text.
      pubDate: new Date(`${data.added}T00:00:00Z`),
      description: `${t(`type.${data.type}`)}, ${formatDate(data.date)}. ${data.summary}`,
      categories: [t(`type.${data.type}`), ...data.themes.map(({ id: theme }) => record.theme(theme).data.title)],
    })),
  });
};
