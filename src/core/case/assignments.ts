// Pure helpers over a case's assignments (交办). Active = open or signed: the unit still owes work.
import type { Actor, Assignment, AssignmentRole, CaseState, Role, UnitRef } from './types.js';

/** Roles that may work a case for the unit they belong to; admin, security and auditor never handle cases. */
export const HANDLER_ROLES: readonly Role[] = ['dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'];

/** True while the unit still owes work on the assignment. */
export const isActive = (a: Assignment): boolean => a.state === 'open' || a.state === 'signed';

/** The lead assignment currently held (at most one by construction). */
export const activeLead = (s: CaseState): Assignment | undefined =>
  s.assignments.find((a) => a.role === 'lead' && isActive(a));

/** The most recent lead assignment, active or not: the unit that last handled the case. */
export const lastLead = (s: CaseState): Assignment | undefined =>
  [...s.assignments].reverse().find((a) => a.role === 'lead');

/** Co-unit assignments that still owe a reply. */
export const activeCos = (s: CaseState): Assignment[] => s.assignments.filter((a) => a.role === 'co' && isActive(a));

/** The active co-unit assignment of a unit, if any (a unit holds at most one at a time). */
export const activeCoOf = (s: CaseState, unitId: number): Assignment | undefined =>
  activeCos(s).find((a) => a.unitId === unitId);

/** True when the actor has a handling role in the given unit. */
export const worksFor = (actor: Actor, unitId: number | undefined): boolean =>
  unitId !== undefined && actor.unitId === unitId && actor.roles.some((r) => HANDLER_ROLES.includes(r));

/** A new assignment appended with the next sequence number. */
export function addAssignment(
  list: readonly Assignment[],
  unit: UnitRef,
  role: AssignmentRole,
  task: string | null,
  at: Date,
  signed = false,
): Assignment[] {
  const next: Assignment = {
    seq: list.length + 1,
    role,
    unitId: unit.unitId,
    unitLevel: unit.unitLevel,
    regionPath: unit.regionPath,
    state: signed ? 'signed' : 'open',
    task,
    reply: null,
    assignedAt: at,
    signedAt: signed ? at : null,
    endedAt: null,
  };
  return [...list, next];
}

/** Returns the list with one assignment changed by `patch`. */
export const patchAssignment = (list: readonly Assignment[], seq: number, patch: Partial<Assignment>): Assignment[] =>
  list.map((a) => (a.seq === seq ? { ...a, ...patch } : a));

/** Closes every active assignment that matches `which` (all of them by default). */
export const closeActive = (
  list: readonly Assignment[],
  at: Date,
  which: (a: Assignment) => boolean = () => true,
): Assignment[] => list.map((a) => (isActive(a) && which(a) ? { ...a, state: 'closed', endedAt: at } : a));
