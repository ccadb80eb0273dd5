/** The social card of each agreement, theme and event: /og/<collection>/<id>.png, 1200×630. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { cacheDir, root } from 'astro:config/server';
import { agreementCard, eventCard, themeCard } from '../../../lib/og-card';
import { cardsWanted, offerCards } from '../../../lib/og-outputs';
import { cardOutputs, renderCard } from '../../../lib/og-render';
import { pageKey } from '../../../lib/page-keys';
import { cardFile } from '../../../lib/paths';
import { loadRecord } from '../../../lib/record';

/** A route per card in the dev server; in a build, none: the cards go to the card worker instead. */
export const getStaticPaths = (async () => {
  const record = await loadRecord();
  const paths = [
    ...record.cards.map((a) => ({
      params: { collection: 'agreements' as const, id: a.id },
      props: { card: agreementCard(a) },
    })),
    ...record.themes.map((theme) => ({
      params: { collection: 'themes' as const, id: theme.id },
      props: {
        card: themeCard({ ...theme.data, agreements: record.cardsFor('themes', theme.id).length }),
      },
    })),
    ...record.events.map((event) => ({
      params: { collection: 'events' as const, id: event.id },
      props: { card: eventCard({ ...event.data, documentsReported: event.data.documentsReported?.count }) },
    })),
  ];
  // The dev server, or a config without the og-cards integration: each card is drawn when its route is
  // asked, and an incremental build keeps a card whose model (its key, with the day) is unchanged.
  if (!cardsWanted()) return paths.map((path) => ({ ...path, cacheKey: pageKey(path.props.card) }));
  // A build knows every card before it renders the first page: the card worker starts on them now, on the
  // second core while the pages render, and the og-cards integration writes them while Pagefind indexes
  // (og-outputs.ts says why they are not routes there).
  const cards = paths.map(({ params, props }) => ({ file: cardFile(params.collection, params.id), card: props.card }));
  offerCards(cardOutputs(cards, { root, cacheDir }));
  return [];
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** The card as a PNG, drawn once per content change (see og-render.ts). */
export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(await renderCard(props.card, { root, cacheDir }), { headers: { 'content-type': 'image/png' } });
