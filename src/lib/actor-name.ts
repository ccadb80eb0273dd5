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

/** The name with its abbreviation in brackets, as on the actor's own page: "Ministry of Commerce (MOFCOM)". */
export const fullName = (actor: ActorNames): string =>
  actor.abbreviation ? `${actor.name} (${actor.abbreviation})` : actor.name;
