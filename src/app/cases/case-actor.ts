import type { Actor as CaseActor, UnitRef } from '../../core/case/index.js';
import type { Actor } from '../../core/auth/actor.js';
import type { UnitInfo } from '../../storage/unit-refs.repo.js';

/** The signed-in user as the case machine sees them. */
export const caseActor = (a: Actor): CaseActor => ({
  userId: a.userId,
  unitId: a.unitId,
  unitLevel: a.unitLevel,
  roles: a.roles,
  scopePath: a.scopePath,
});

/**
 * The system acting for a service centre (automatic dispatch, owed escalations). Its events carry
 * user 0, shown in the timeline as the system on behalf of that centre.
 */
export const centreActor = (centre: UnitInfo): CaseActor => ({
  userId: 0,
  unitId: centre.unitId,
  unitLevel: centre.unitLevel,
  roles: ['dispatcher'],
  scopePath: centre.regionPath,
});

/** Only what the case machine stores of a unit (names stay in the units table). */
export const toRef = (u: UnitRef): UnitRef => ({ unitId: u.unitId, unitLevel: u.unitLevel, regionPath: u.regionPath });
