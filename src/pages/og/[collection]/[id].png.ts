/** The social card of each agreement, theme and event: /og/<collection>/<id>.png, 1200×630. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { cacheDir, root } from 'astro:config/server';
import { agreementCard, eventCard, themeCard } from '../../../lib/og-card';
import { cardsWanted, offerCards } from '../../../lib/og-outputs';
import { cardOutputs, drawAhead, renderCard } from '../../../lib/og-render';
import { loadRecord } from '../../../lib/record';

export const getStaticPaths = (async () => {
  const record = await loadRecord();
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
  if (!cardsWanted()) return paths;
  // A build knows every card before it renders the first page: the card worker starts on them now, on the
  // second core while the pages render, and the og-cards integration writes them while Pagefind indexes
  // (og-outputs.ts says why they are not routes there). The dev server draws each card when it is asked.
  const cards = paths.map(({ params, props }) => ({ file: `og/${params.collection}/${params.id}.png`, ...props }));
  const ctx = { root, cacheDir };
  drawAhead(
    cards.map((c) => c.card),
    ctx,
  );
  offerCards(cardOutputs(cards, ctx));
  return [];
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** The card as a PNG, drawn once per content change (see og-render.ts). */
export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(await renderCard(props.card, { root, cacheDir }), { headers: { 'content-type': 'image/png' } });
