// The escalate action (提级): the case moves to the parent level's service centre, which becomes its
// centre and its new lead (awaiting sign-for). The caller finds that centre; the core checks the level.
import { runAction, type ActionSpec, type VersionedInput } from './action-kit.js';
import { holdsLead, jurisdictionWith } from './authz.js';
import {
  canClimb,
  currentLevel,
  ESCALATABLE,
  escalationDue,
  escalationTrigger,
  type EscalationTrigger,
} from './escalation.js';
import type { Result, Transition } from './result.js';
import type { Actor, CaseState, UnitRef } from './types.js';
import { orNull, Problems, unitRef } from './validate.js';

export type EscalateInput = VersionedInput & { to: UnitRef; task?: string | null };

export const escalateSpec: ActionSpec<EscalateInput> = {
  name: 'escalate',
  from: ESCALATABLE,
  when: (s) => (canClimb(s) ? null : 'the county is the final stop (终点站): the case must be concluded here'),
  // A leader approves an escalation by hand. When a rule has made it due, the escalation is owed, so the
  // centre's dispatcher or the lead unit may carry it out too (the app does so in the same transaction).
  may: (s, a) =>
    jurisdictionWith(s, a, 'leader') || (escalationDue(s) && (jurisdictionWith(s, a, 'dispatcher') || holdsLead(s, a))),
  decide: (s, _a, i) => {
    const p = new Problems().unit('to', i.to, s.regionPath).optionalText('task', i.task);
    const parent = currentLevel(s) - 1;
    if (i.to && i.to.unitLevel !== parent) p.add(`to must be a unit of the parent level ${parent}`);
    const trigger: EscalationTrigger | 'manual' = escalationTrigger(s) ?? 'manual';
    const data = { to: i.to && unitRef(i.to), trigger, task: orNull(i.task) };
    return p.done({ toStatus: 'dispatched' as const, reason: trigger, body: { type: 'escalated' as const, data } });
  },
};

/** Escalates the case to the parent level's service centre, by hand or because a rule made it due. */
export const escalate = (s: CaseState, a: Actor, i: EscalateInput, now: Date): Result<Transition> =>
  runAction(escalateSpec, s, a, i, now);
