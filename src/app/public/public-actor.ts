import type { Actor } from '../../core/auth/actor.js';
import type { Ctx } from '../context.js';
import type { Deps } from '../deps.js';
import type { UnitInfo } from '../../storage/unit-refs.repo.js';

/**
 * The service actor the portal (or a partner system) acts as: no user (id 0, so the audit names it
 * by `username` and stores no user id), working for one service centre with the clerk's role only —
 * enough to register a case and read it back, nothing that dispatches, reveals or administers.
 * Its jurisdiction is the centre's region (or a partner key's, which is narrower or equal), so RLS
 * and `covers` keep it inside the area it serves.
 */
export function serviceActor(
  username: string,
  displayName: string,
  centre: UnitInfo,
  scopePath = centre.regionPath,
): Actor {
  return {
    userId: 0,
    username,
    displayName,
    unitId: centre.unitId,
    unitLevel: centre.unitLevel,
    unitRegionCode: centre.regionCode,
    roles: ['clerk'],
    scopePath,
  };
}

/** The name every public (resident) action is audited under. */
export const PUBLIC_ACTOR = 'public';

/** A use-case context for the portal acting for a centre. */
export function publicCtx(deps: Deps, centre: UnitInfo, requestId: string | null): Ctx {
  return { deps, actor: serviceActor(PUBLIC_ACTOR, '公众服务', centre), requestId };
}
