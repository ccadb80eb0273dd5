/** RSS of changes to the record: new entries and later updates, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { t } from '../../i18n/ui';
import { changesOf } from '../../lib/changes';
import { feedChannel } from '../../lib/feed-channel';
import { absoluteUrl, routes } from '../../lib/paths';
import { loadRecord } from '../../lib/record';

/** The feed of the record's changes, newest first. */
export const GET: APIRoute = async ({ site }) => {
  const record = await loadRecord();
  return rss({
    ...feedChannel('changes', site),
    items: changesOf(record.agreements).map((change) => ({
      title: t('changes.itemTitle', { kind: t(`changes.kind.${change.kind}`), title: change.shortTitle }),
      // The anchor makes each change its own permalink (and guid), even for one agreement's many changes.
      link: absoluteUrl(`${routes.agreement(change.agreementId)}#${change.anchor}`, site),
      pubDate: new Date(`${change.date}T00:00:00Z`),
      description: change.note ?? t('changes.addedNote', { title: change.shortTitle }),
    })),
  });
};
