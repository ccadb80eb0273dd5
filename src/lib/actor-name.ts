/** What an actor is called: its name, and the abbreviation (MITI, NDRC) when it has one. */
export interface ActorNames {
  name: string;
  abbreviation?: string | undefined;
}

/**
 * The short form cards and compact lists show: the abbreviation, or the name when there is none.
 * It is also the value of the search's party facets, which shared `?my=` and `?cn=` links carry.
 */
export const shortName = (actor: ActorNames): string => actor.abbreviation ?? actor.name;

/** A name written around its abbreviation: what comes before it, and what closes the brackets after it. */
export interface AroundAbbreviation {
  before: string;
  after: string;
}

/**
 * Where an abbreviation goes in a full name: in brackets after it ("Ministry of Commerce (" … ")"), or, when the
 * name already ends in brackets, inside them ("Ministry of Finance (Malaysia, " … ")"), so that no name is
 * followed by two pairs of brackets.
 */
export function aroundAbbreviation(name: string): AroundAbbreviation {
  return name.endsWith(')') ? { before: `${name.slice(0, -1)}, `, after: ')' } : { before: `${name} (`, after: ')' };
}

/**
 * The name with its abbreviation in brackets, as on the actor's own page: "Ministry of Commerce (MOFCOM)",
 * "Ministry of Finance (Malaysia, MOF)".
 */
export function fullName(actor: ActorNames): string {
  if (!actor.abbreviation) return actor.name;
  const { before, after } = aroundAbbreviation(actor.name);
  return `${before}${actor.abbreviation}${after}`;
}
