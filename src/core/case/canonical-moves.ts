// For the tests: one case resting in each status, and for each action the actor and input that
// should carry it out, so that a table can try every action from every status.
import type { ActionInputs } from './actions.js';
import { activeCos, activeLead } from './assignments.js';
import { ACTORS, centreAt, memberOf, newCase, step, UNITS } from './case-fixtures.js';
import { currentLevel } from './escalation.js';
import type { ActionName, Actor, CaseState } from './types.js';

export const LABELS = [
  'received',
  'received_after_send_back',
  'dispatched',
  'signed',
  'in_progress',
  'in_progress_joint',
  'suspended',
  'resolved',
  'evaluated',
  'closed',
  'merged',
] as const;
export type Label = (typeof LABELS)[number];

const { villageDispatcher, villageMediator, countyLeader, countyClerk, countyDispatcher } = ACTORS;
const explanation = 'rule 12: 邻里纠纷 · general → 调委会';

/** Builds the case for each label through the real actions. */
export function fixture(label: Label): CaseState {
  const received = newCase().state;
  const dispatched = step(received, 'dispatch', villageDispatcher, { unit: UNITS.villageCommittee, explanation });
  const signed = step(dispatched, 'sign', villageMediator, {});
  const inProgress = step(signed, 'start_handling', villageMediator, { mode: 'on_site' });
  const resolved = step(inProgress, 'resolve', villageMediator, {
    outcome: { kind: 'mediated', agreement: 'written', summary: '双方达成调解协议' },
  });
  const evaluated = step(resolved, 'evaluate', countyClerk, { rating: 'dissatisfied', by: 'resident' });
  const byLabel: Record<Label, () => CaseState> = {
    received: () => received,
    received_after_send_back: () => step(dispatched, 'send_back', villageMediator, { reasonCode: 'not_responsible' }),
    dispatched: () => dispatched,
    signed: () => signed,
    in_progress: () => inProgress,
    in_progress_joint: () =>
      step(inProgress, 'request_joint', villageMediator, {
        coUnits: [{ unit: UNITS.townshipJustice, task: '法律释明' }],
      }),
    suspended: () => step(inProgress, 'suspend', countyLeader, { reason: '等待法院判决' }),
    resolved: () => resolved,
    evaluated: () => evaluated,
    closed: () => step(evaluated, 'close', countyLeader, {}),
    merged: () => step(received, 'merge', countyDispatcher, { into: 99 }),
  };
  return byLabel[label]();
}

type Move<K extends ActionName> = { actor: Actor; input: Omit<ActionInputs[K], 'expectedVersion'> };

/** A unit other than the current lead, for dispatch-like moves. */
const otherUnit = (s: CaseState) =>
  activeLead(s)?.unitId === UNITS.villageCentre.unitId ? UNITS.villageCommittee : UNITS.villageCentre;

/** The actor and input that are entitled to take the action on this case, were its status right. */
export function canonicalMove<K extends ActionName>(name: K, s: CaseState): Move<K> {
  const lead = memberOf(activeLead(s)?.unitId);
  const co = activeCos(s)[0];
  const coActor = memberOf(co?.unitId ?? UNITS.townshipJustice.unitId);
  const jointWith = activeCos(s).some((c) => c.unitId === UNITS.townshipJustice.unitId)
    ? UNITS.townshipPolice
    : UNITS.townshipJustice;
  const moves: { [N in ActionName]: Move<N> } = {
    dispatch: { actor: countyDispatcher, input: { unit: UNITS.villageCommittee, explanation } },
    redispatch: { actor: countyDispatcher, input: { unit: otherUnit(s) } },
    sign: { actor: lead, input: {} },
    start_handling: { actor: lead, input: { mode: 'online' } },
    request_joint: { actor: lead, input: { leadTask: '牵头调解', coUnits: [{ unit: jointWith, task: '协助' }] } },
    sign_co_task: { actor: coActor, input: {} },
    reply_co_task: { actor: coActor, input: { reply: '已提供法律意见' } },
    close_co_task: { actor: lead, input: { unitId: co?.unitId ?? UNITS.townshipJustice.unitId, note: '不再需要' } },
    escalate: { actor: countyLeader, input: { to: centreAt(currentLevel(s) - 1) } },
    send_back: { actor: lead, input: { reasonCode: 'not_responsible', note: '非本单位职责' } },
    transfer: { actor: lead, input: { to: otherUnit(s), note: '属社区综治中心职责' } },
    suspend: { actor: countyLeader, input: { reason: '等待法院判决' } },
    resume: { actor: lead, input: {} },
    resolve: { actor: lead, input: { outcome: { kind: 'answered', summary: '已答复' } } },
    evaluate: { actor: countyClerk, input: { rating: 'satisfied', by: 'staff' } },
    reopen: { actor: countyDispatcher, input: { reason: 'repeat_visit' } },
    close: { actor: countyLeader, input: {} },
    merge: { actor: countyDispatcher, input: { into: 99 } },
  };
  return moves[name] as Move<K>;
}

/** Where each action succeeds in the table: the specification of the lifecycle in one place. */
export const ALLOWED_FROM: { readonly [K in ActionName]: readonly Label[] } = {
  dispatch: ['received'],
  redispatch: ['received_after_send_back', 'dispatched'],
  sign: ['dispatched'],
  start_handling: ['signed'],
  request_joint: ['signed', 'in_progress', 'in_progress_joint'],
  sign_co_task: ['in_progress_joint'],
  reply_co_task: ['in_progress_joint'],
  close_co_task: ['in_progress_joint'],
  escalate: [
    'received',
    'received_after_send_back',
    'dispatched',
    'signed',
    'in_progress',
    'in_progress_joint',
    'suspended',
  ],
  send_back: ['dispatched', 'signed'],
  transfer: ['dispatched', 'signed'],
  suspend: ['in_progress', 'in_progress_joint'],
  resume: ['suspended'],
  resolve: ['in_progress'],
  evaluate: ['resolved'],
  reopen: ['evaluated', 'closed'],
  close: ['evaluated'],
  merge: [
    'received',
    'received_after_send_back',
    'dispatched',
    'signed',
    'in_progress',
    'in_progress_joint',
    'suspended',
  ],
};
