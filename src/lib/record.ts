/**
 * The query layer: the only module that reads collections. It loads everything once per build,
 * fails the build on integrity problems, and hands pages ready-made, typed views.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import type { PartialDate } from './dates';
import { yearOf } from './dates';
import { facetOptions, type Facet, type FacetOption, type FacetValues } from './filter';
import { collectRefs, findProblems, formatProblems, type CheckedEntry } from './integrity';
import { t } from '../i18n/ui';
import { DOCUMENT_TYPES } from './schema';
import { groupTimeline, newestFirst, type YearGroup } from './timeline';

/** An agreement entry, as its collection loads it. */
export type Agreement = CollectionEntry<'agreements'>;
/** A theme entry. */
export type Theme = CollectionEntry<'themes'>;
/** An event entry: a visit, expo or meeting. */
export type Event = CollectionEntry<'events'>;
/** An actor entry: a body or a person. */
export type Actor = CollectionEntry<'actors'>;
/** A source entry: a publication the record cites. */
export type Source = CollectionEntry<'sources'>;
/** A key-figure entry. */
export type Figure = CollectionEntry<'figures'>;

const typeLabel = (type: Agreement['data']['type']) => t(`type.${type}`);

/** An actor as lists show it. */
export interface ActorLabel {
  id: string;
  name: string;
  abbreviation: string | undefined;
}

/** An agreement as the timeline and lists show it. */
export interface AgreementCard {
  id: string;
  title: string;
  shortTitle: string;
  type: Agreement['data']['type'];
  date: PartialDate;
  eventId: string | undefined;
  status: Agreement['data']['status']['value'];
  confidence: Agreement['data']['confidence']['level'];
  malaysian: ActorLabel[];
  chinese: ActorLabel[];
  themes: { id: string; title: string }[];
  facets: FacetValues;
}

/** Everything the site shows, loaded and checked once. */
export interface SiteRecord {
  agreements: Agreement[];
  themes: Theme[];
  events: Event[];
  actors: Actor[];
  sources: Source[];
  figures: Figure[];
  cards: AgreementCard[];
  timeline: YearGroup<AgreementCard>[];
  /** The choices of each timeline filter, labelled and ordered for display. */
  facetOptions: Record<Facet, FacetOption[]>;
  agreement(id: string): Agreement;
  theme(id: string): Theme;
  event(id: string): Event;
  actor(id: string): Actor;
  source(id: string): Source;
  card(id: string): AgreementCard;
  /** Cards of the agreements that cite a theme, event, actor (as party or signatory) or source, newest first. */
  cardsFor(collection: 'themes' | 'events' | 'actors' | 'sources', id: string): AgreementCard[];
  /** The actors that are members of an actor (its `memberOf`), in the actors' order. */
  membersOf(id: string): Actor[];
  /** The events, themes, key figures, bodies and people that cite a source, each kind in its collection's order. */
  citersOf(sourceId: string): SourceCiters;
}

/** What cites a source, besides agreements. */
export interface SourceCiters {
  events: Event[];
  themes: Theme[];
  figures: Figure[];
  actors: Actor[];
}

function index<T extends { id: string }>(entries: T[], collection: string): (id: string) => T {
  const map = new Map(entries.map((e) => [e.id, e]));
  return (id) => {
    const found = map.get(id);
    if (!found) throw new Error(`No entry "${id}" in ${collection}`);
    return found;
  };
}

/** Adds a value to a key's list, starting the list on first use. */
function append<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The entries citing each source, built in one pass (as for agreements' cards), so /sources/ does not scan
 * every entry once per source; each list keeps the entries' order.
 */
function bySource<T extends { data: { sources: { source: { id: string } }[] } }>(entries: T[]): (id: string) => T[] {
  const map = new Map<string, T[]>();
  for (const entry of entries) {
    for (const id of new Set(entry.data.sources.map((c) => c.source.id))) append(map, id, entry);
  }
  return (id) => map.get(id) ?? [];
}

type Collections = Pick<SiteRecord, 'agreements' | 'themes' | 'events' | 'actors' | 'sources' | 'figures'>;

/** The record as the integrity checker reads it. */
function checkedEntries(c: Collections): CheckedEntry[] {
  const base = (collection: string, e: { id: string; filePath?: string | undefined; data: object }): CheckedEntry => ({
    collection,
    id: e.id,
    filePath: e.filePath,
    refs: collectRefs(e.data),
  });
  return [
    ...c.agreements.map((a) => ({ ...base('agreements', a), date: a.data.date, event: a.data.event?.id })),
    ...c.events.map((e) => ({
      ...base('events', e),
      span: { start: e.data.start, end: e.data.end ?? e.data.start },
      countedSeparately: e.data.documentsReported?.countedSeparately.map((ref) => ref.id),
    })),
    ...c.themes.map((t) => base('themes', t)),
    ...c.actors.map((a) => base('actors', a)),
    ...c.sources.map((s) => base('sources', s)),
    ...c.figures.map((f) => base('figures', f)),
  ];
}

async function load(): Promise<SiteRecord> {
  const [agreements, themes, events, actors, sources, figures] = await Promise.all([
    getCollection('agreements'),
    getCollection('themes'),
    getCollection('events'),
    getCollection('actors'),
    getCollection('sources'),
    getCollection('figures'),
  ]);
  themes.sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title, 'en'));
  actors.sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'));

  const problems = findProblems(checkedEntries({ agreements, themes, events, actors, sources, figures }));
  if (problems.length > 0) {
    // An AstroError prints its message and hint; without a stack, Astro adds no "Location" in its own
    // route cache, which pointed the maintainer away from the content file the message names.
    const error = new AstroError(
      `Content integrity check failed (${problems.length}):\n${formatProblems(problems)}`,
      'Each line names a content file, a field and its value. Correct the value, or add the entry it names; README\'s "How to add an agreement" describes every field.',
    );
    delete error.stack;
    throw error;
  }

  const actor = index(actors, 'actors');
  const theme = index(themes, 'themes');
  const label = ({ id }: { id: string }): ActorLabel => {
    const { name, abbreviation } = actor(id).data;
    return { id, name, abbreviation };
  };
  const cards = agreements.map((a): AgreementCard => {
    const d = a.data;
    return {
      id: a.id,
      title: d.title,
      shortTitle: d.shortTitle,
      type: d.type,
      date: d.date,
      eventId: d.event?.id,
      status: d.status.value,
      confidence: d.confidence.level,
      malaysian: d.malaysianParties.map(label),
      chinese: d.chineseParties.map(label),
      themes: d.themes.map(({ id }) => ({ id, title: theme(id).data.title })),
      facets: {
        theme: d.themes.map((t) => t.id),
        type: [d.type],
        year: [String(yearOf(d.date))],
        my: d.malaysianParties.map((p) => p.id),
        cn: d.chineseParties.map((p) => p.id),
      },
    };
  });
  const card = index(cards, 'agreements');
  // One pass builds every "agreements citing X" list, so list pages stay linear in the record's size.
  const citing = new Map<string, AgreementCard[]>();
  for (const a of agreements) {
    const refs = [
      ...a.data.themes,
      ...(a.data.event ? [a.data.event] : []),
      ...a.data.malaysianParties,
      ...a.data.chineseParties,
      ...a.data.signatories,
      ...a.data.sources.map((c) => c.source),
    ];
    for (const key of new Set(refs.map((r) => `${r.collection}/${r.id}`))) append(citing, key, card(a.id));
  }
  // Sorted here, once a build, rather than by each page that lists them.
  for (const [key, list] of citing) citing.set(key, newestFirst(list));

  // Also one pass, since both an actor page and its incremental-build key list its members.
  const members = new Map<string, Actor[]>();
  for (const a of actors) {
    const parent = a.data.memberOf?.id;
    if (parent) append(members, parent, a);
  }

  const eventsCiting = bySource(events);
  const themesCiting = bySource(themes);
  const figuresCiting = bySource(figures);
  const actorsCiting = bySource(actors);

  return {
    agreements,
    themes,
    events,
    actors,
    sources,
    figures,
    cards,
    timeline: groupTimeline(cards),
    facetOptions: facetOptions(
      cards.map((c) => c.facets),
      (facet, value) => {
        if (facet === 'theme') return theme(value).data.title;
        if (facet === 'type') return typeLabel(value as Agreement['data']['type']);
        if (facet === 'my' || facet === 'cn') return actor(value).data.name;
        return value;
      },
      {
        theme: themes.map((t) => t.id),
        type: DOCUMENT_TYPES,
        year: [...new Set(cards.map((c) => c.facets.year[0] ?? ''))].sort().reverse(),
      },
    ),
    agreement: index(agreements, 'agreements'),
    theme,
    event: index(events, 'events'),
    actor,
    source: index(sources, 'sources'),
    card,
    cardsFor: (collection, id) => citing.get(`${collection}/${id}`) ?? [],
    membersOf: (id) => members.get(id) ?? [],
    citersOf: (id) => ({
      events: eventsCiting(id),
      themes: themesCiting(id),
      figures: figuresCiting(id),
      actors: actorsCiting(id),
    }),
  };
}

let cached: Promise<SiteRecord> | undefined;

/** The site's record, loaded on first use and shared by every page of the build. */
export function loadRecord(): Promise<SiteRecord> {
  cached ??= load();
  return cached;
}
