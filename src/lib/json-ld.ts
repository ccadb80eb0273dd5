/**
 * schema.org descriptions of the record's entries, embedded in pages as JSON-LD so search engines and
 * reference managers can read what a page is about. Pure: pages pass plain values, URLs already absolute.
 */
import { t } from '../i18n/ui';
import type { PartialDate } from './dates';
import type { ACTOR_KINDS, COUNTRIES } from './schema';

type Ld = Record<string, unknown>;

/**
 * The text of a `<script type="application/ld+json">`: JSON with `<` escaped, so no value in the
 * content can close the script element early.
 */
export function jsonLdScript(data: Ld): string {
  return JSON.stringify({ '@context': 'https://schema.org', ...data }).replace(/</g, '\\u003c');
}

/** A body or person as JSON-LD needs it. */
export interface LdActor {
  name: string;
  url: string;
  kind: (typeof ACTOR_KINDS)[number];
  country: (typeof COUNTRIES)[number];
  abbreviation?: string | undefined;
  aliases?: readonly string[] | undefined;
  role?: string | undefined;
  description?: string | undefined;
  memberOf?: LdActor | undefined;
}

/** An actor's content (extra fields such as its own `memberOf` reference are ignored) at its page's URL. */
export function ldActorOf(
  data: Pick<LdActor, 'name' | 'kind' | 'country' | 'abbreviation' | 'aliases' | 'role' | 'description'>,
  url: string,
  memberOf?: LdActor,
): LdActor {
  const { name, kind, country, abbreviation, aliases, role, description } = data;
  return { name, url, kind, country, abbreviation, aliases, role, description, memberOf };
}

/** The schema.org type of an actor: public bodies are GovernmentOrganization, universities CollegeOrUniversity. */
function actorType(kind: LdActor['kind']): string {
  if (kind === 'person') return 'Person';
  if (kind === 'university') return 'CollegeOrUniversity';
  if (kind === 'company') return 'Corporation';
  if (kind === 'body') return 'Organization';
  return 'GovernmentOrganization';
}

/** A schema.org Organization or Person; nested `memberOf` is described by name and URL only. */
export function actorLd(actor: LdActor, { nested = false } = {}): Ld {
  const alternateName = [...(actor.abbreviation ? [actor.abbreviation] : []), ...(actor.aliases ?? [])];
  // Named as the pages name the two countries; "other" names no country.
  const country = actor.country === 'other' ? undefined : t(`country.${actor.country}`);
  const ld: Ld = { '@type': actorType(actor.kind), name: actor.name, url: actor.url };
  if (nested) return ld;
  if (alternateName.length > 0) ld['alternateName'] = alternateName;
  if (actor.description) ld['description'] = actor.description;
  if (actor.kind === 'person') {
    if (actor.role) ld['jobTitle'] = actor.role;
    if (country) ld['nationality'] = { '@type': 'Country', name: country };
  } else if (country) {
    ld['areaServed'] = { '@type': 'Country', name: country };
  }
  if (actor.memberOf) ld['memberOf'] = actorLd(actor.memberOf, { nested: true });
  return ld;
}

/** An agreement's page: a WebPage whose main entity is the document (a CreativeWork of its type). */
export interface LdAgreement {
  url: string;
  title: string;
  shortTitle: string;
  typeLabel: string;
  date: PartialDate;
  summary: string;
  lastReviewed: string;
  parties: readonly LdActor[];
  themes: readonly { name: string; url: string }[];
  event?: { name: string; url: string } | undefined;
  sourceUrls: readonly string[];
  site: { name: string; url: string };
}

/**
 * The agreement as schema.org sees it. The document's date is written only as precisely as the
 * sources give it (ISO 8601 allows "2024-06" and "2024"), never padded to a day.
 */
export function agreementLd(a: LdAgreement): Ld {
  return {
    '@type': 'WebPage',
    url: a.url,
    name: a.shortTitle,
    dateModified: a.lastReviewed,
    isPartOf: { '@type': 'WebSite', name: a.site.name, url: a.site.url },
    mainEntity: {
      '@type': 'CreativeWork',
      additionalType: a.typeLabel,
      name: a.title,
      alternateName: a.shortTitle,
      dateCreated: a.date.value,
      description: a.summary,
      creator: a.parties.map((p) => actorLd(p, { nested: true })),
      about: a.themes.map((th) => ({ '@type': 'DefinedTerm', name: th.name, url: th.url })),
      ...(a.event ? { recordedAt: { '@type': 'Event', name: a.event.name, url: a.event.url } } : {}),
      citation: [...a.sourceUrls],
    },
  };
}

/** An event as schema.org sees it; dates only as precise as the sources, place only when stated. */
export interface LdEvent {
  url: string;
  title: string;
  start: PartialDate;
  end?: PartialDate | undefined;
  place?: string | undefined;
  summary: string;
}

/** A schema.org Event. */
export function eventLd(e: LdEvent): Ld {
  return {
    '@type': 'Event',
    name: e.title,
    url: e.url,
    description: e.summary,
    startDate: e.start.value,
    ...(e.end ? { endDate: e.end.value } : {}),
    ...(e.place ? { location: { '@type': 'Place', name: e.place } } : {}),
  };
}
