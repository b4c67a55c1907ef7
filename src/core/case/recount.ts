// The record of a deadline counted again (a calendar year's schedule entered or changed). It is no
// action of the case's handlers: the status stays, the version moves by one, and the history shows it.
import type { CaseEvent, DeadlineRecount } from './events.js';
import { evolve } from './evolve.js';
import type { Transition } from './result.js';
import type { CaseState } from './types.js';

/** The `deadline_recounted` event for a case whose stages the administrator's calendar change moved. */
export function recordDeadlineRecount(
  s: CaseState,
  by: { userId: number; unitId: number },
  recount: DeadlineRecount,
  at: Date,
): Transition {
  const event: CaseEvent = {
    type: 'deadline_recounted',
    data: recount,
    at,
    version: s.version + 1,
    actorUserId: by.userId,
    actorUnitId: by.unitId,
    fromStatus: s.status,
    toStatus: s.status,
  };
  return { state: evolve(s, event), events: [event], escalationDue: false };
}
