import type { Actor } from '../../core/auth/actor.js';
import { can } from '../../core/auth/permissions.js';
import { extensionLeft } from '../../core/deadline/stage-clock.js';
import type { StageRow } from '../../storage/stages.repo.js';

/**
 * Whether the caller may ask for more time on a stage now: the conditions requestExtension checks
 * (their unit holds the running, unsuspended stage, the policy leaves some, no request is pending),
 * so the case page offers the button only where the server would accept the request.
 */
export function mayRequestExtension(actor: Actor, stage: StageRow, pending: boolean): boolean {
  return (
    actor.userId > 0 &&
    can(actor.roles, 'extension.request') &&
    stage.unitId === actor.unitId &&
    stage.completedAt === null &&
    stage.clock.due !== null &&
    !pending &&
    (extensionLeft(stage.clock, stage.policy)?.amount ?? 0) > 0
  );
}
