/**
 * Keys for Astro's incremental build (experimental.incrementalBuild): a page returned with a `cacheKey`
 * is copied from the previous build when its key and its code are unchanged. A key must therefore
 * change whenever anything the page shows changes; each function here lists exactly what its page
 * reads from the record, and tests/build/incremental.test.ts edits each kind of input to prove it.
 */
import { createHash } from 'node:crypto';
import { BUILT_ON } from './build-info';
import type { SiteRecord } from './record';

/**
 * The hash of a page's inputs, with the build day: every page's footer and every citation's
 * "accessed" date show it, so a build on a new day renders everything again.
 */
export function pageKey(inputs: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([BUILT_ON, inputs]))
    .digest('base64url');
}

/** Everything an agreement page reads: its entry, and every entry or card it names. */
export function agreementPageInputs(record: SiteRecord, id: string): unknown {
  // The digest is of the whole file, so it changes with the body too (the body itself is not kept).
  const { data, digest } = record.agreement(id);
  const actorIds = [...data.malaysianParties, ...data.chineseParties, ...data.signatories].map((a) => a.id);
  return {
    data,
    digest,
    card: record.card(id),
    event: data.event && record.event(data.event.id).data,
    actors: actorIds.map((a) => record.actor(a).data),
    themes: data.themes.map((th) => record.theme(th.id).data),
    sources: data.sources.map((c) => record.source(c.source.id).data),
    related: data.related.map((r) => record.card(r.id)),
  };
}

/** Everything an actor page reads: the actor, the body it belongs to, its members, and its documents' cards. */
export function actorPageInputs(record: SiteRecord, id: string): unknown {
  const { data } = record.actor(id);
  return {
    data,
    memberOf: data.memberOf && record.actor(data.memberOf.id).data,
    members: record.membersOf(id).map((a) => [a.id, a.data]),
    cards: record.cardsFor('actors', id),
    sources: data.sources.map((c) => record.source(c.source.id).data),
  };
}

/** Everything an event page reads: its entry, its documents' cards, and the sources it cites. */
export function eventPageInputs(record: SiteRecord, id: string): unknown {
  const { data, digest } = record.event(id);
  return {
    data,
    digest,
    cards: record.cardsFor('events', id),
    sources: data.sources.map((c) => record.source(c.source.id).data),
  };
}
