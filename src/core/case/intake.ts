// Intake (受理登记): the first event of every case. The app layer assigns the id, stores title,
// parties and attachments, and picks the receiving service centre; the core records the facts that
// steer the lifecycle.
import { covers, hasRole } from './authz.js';
import { escalationDue } from './escalation.js';
import type { CaseEvent, ReceivedData } from './events.js';
import { initialState } from './evolve.js';
import { fail, ok, type Result, type Transition } from './result.js';
import { CASE_KINDS, CHANNELS, COMPLEXITIES, type Actor } from './types.js';
import { isInstant, Problems, unitRef } from './validate.js';

export type ReceiveInput = ReceivedData;

/** Roles that may register a case; residents filing online come through the app's service actor. */
const INTAKE_ROLES = ['clerk', 'dispatcher', 'gridworker', 'leader', 'mediator'] as const;

/** Registers a new case at its receiving centre: the `received` event and the state at version 1. */
export function receive(input: ReceiveInput, actor: Actor, now: Date): Result<Transition> {
  if (!isInstant(now)) return fail('ValidationFailed', 'now must be a valid time');
  const p = new Problems()
    .oneOf('kind', input.kind, CASE_KINDS)
    .oneOf('channel', input.channel, CHANNELS)
    .oneOf('complexity', input.complexity, COMPLEXITIES)
    .text('categoryCode', input.categoryCode);
  if (!Number.isInteger(input.id) || input.id <= 0) p.add('id must be a positive integer');
  if (typeof input.regionPath !== 'string' || !/^(\d+\/)+$/.test(input.regionPath)) p.add('regionPath is malformed');
  else p.unit('centre', input.centre, input.regionPath);
  const checked = p.done(input);
  if (!checked.ok) return checked;
  // A grid worker reports from their own grid; everyone else registers within their jurisdiction.
  const mayReport = input.channel === 'grid' ? hasRole(actor, 'gridworker') : hasRole(actor, ...INTAKE_ROLES);
  if (!mayReport || !covers(actor.scopePath, input.regionPath)) return fail('Forbidden', 'not allowed: receive');
  const data: ReceivedData = {
    id: input.id,
    kind: input.kind,
    channel: input.channel,
    complexity: input.complexity,
    categoryCode: input.categoryCode.trim(),
    regionPath: input.regionPath,
    centre: unitRef(input.centre),
  };
  const event: CaseEvent = {
    type: 'received',
    data,
    at: now,
    version: 1,
    actorUserId: actor.userId,
    actorUnitId: actor.unitId,
    fromStatus: null,
    toStatus: 'received',
  };
  const state = initialState(data, now);
  return ok({ state, events: [event], escalationDue: escalationDue(state) });
}
