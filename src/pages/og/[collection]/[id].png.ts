/** The social card of each agreement, theme and event: /og/<collection>/<id>.png, 1200×630. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { cacheDir, root } from 'astro:config/server';
import { agreementCard, eventCard, themeCard } from '../../../lib/og-card';
import { drawAhead, renderCard } from '../../../lib/og-render';
import { pageKey } from '../../../lib/page-keys';
import { loadRecord } from '../../../lib/record';

export const getStaticPaths = (async () => {
  const record = await loadRecord();
  // A card is drawn from its model alone, so the model is its incremental-build key (with the day).
  const keyed = <T extends { props: { card: object } }>(path: T) => ({ ...path, cacheKey: pageKey(path.props.card) });
  const paths = [
    ...record.cards.map((a) => ({
      params: { collection: 'agreements', id: a.id },
      props: { card: agreementCard(a) },
    })),
    ...record.themes.map((theme) => ({
      params: { collection: 'themes', id: theme.id },
      props: {
        card: themeCard({ ...theme.data, agreements: record.cardsFor('themes', theme.id).length }),
      },
    })),
    ...record.events.map((event) => ({
      params: { collection: 'events', id: event.id },
      props: { card: eventCard({ ...event.data, documentsReported: event.data.documentsReported?.count }) },
    })),
  ];
  // The build knows every route before it renders the first page: start the cards now, in the card
  // worker, so they are drawn while the pages render (the dev server draws each card when it is asked).
  if (import.meta.env.PROD)
    drawAhead(
      paths.map((p) => p.props.card),
      { root, cacheDir },
    );
  return paths.map(keyed);
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** The card as a PNG, drawn once per content change (see og-render.ts). */
export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(await renderCard(props.card, { root, cacheDir }), { headers: { 'content-type': 'image/png' } });
