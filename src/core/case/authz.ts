// Who may act on a case. Two sources of power: holding the case's current assignment (the unit's
// handlers), or jurisdiction with the right role (dispatcher, clerk, leader of a covering region).
import { activeLead, worksFor } from './assignments.js';
import type { Actor, CaseState, Role } from './types.js';

/** True when the actor has at least one of the roles. */
export const hasRole = (actor: Actor, ...roles: Role[]): boolean => actor.roles.some((r) => roles.includes(r));

/** True when a materialised region path lies within a scope path ('' covers nothing, never everything). */
export const covers = (scopePath: string, regionPath: string): boolean =>
  scopePath.length > 0 && regionPath.startsWith(scopePath);

/**
 * Jurisdiction over a case: the actor's scope covers both the case's region and its current centre.
 * The second condition keeps a lower level from steering a case that has climbed above it (提级):
 * once the township centre holds it, the village acts only through an assignment of its own.
 */
export const inJurisdiction = (s: CaseState, actor: Actor): boolean =>
  covers(actor.scopePath, s.regionPath) && covers(actor.scopePath, s.centre.regionPath);

/** Jurisdiction plus one of the roles. */
export const jurisdictionWith = (s: CaseState, actor: Actor, ...roles: Role[]): boolean =>
  hasRole(actor, ...roles) && inJurisdiction(s, actor);

/** True when the actor handles cases for the unit that holds the active lead assignment. */
export const holdsLead = (s: CaseState, actor: Actor): boolean => worksFor(actor, activeLead(s)?.unitId);
