import { describe, expect, it } from 'vitest';
import { availableActions } from './actions.js';
import { ACTORS, attemptAs, must, newCase, UNITS } from './case-fixtures.js';
import type { CaseEvent } from './events.js';
import { replay } from './evolve.js';
import { reviveState } from './serial.js';
import type { ActionName, Actor, CaseState } from './types.js';
import type { ActionInputs } from './actions.js';

const A = ACTORS;

describe('a neighbour dispute from the grid to the archive', () => {
  const first = newCase();
  let state: CaseState = first.state;
  const log: CaseEvent[] = [...first.events];
  const act = <K extends ActionName>(name: K, who: Actor, input: Omit<ActionInputs[K], 'expectedVersion'>) => {
    expect(availableActions(state, who)).toContain(name);
    const t = must(attemptAs(state, name, who, input));
    state = t.state;
    log.push(...t.events);
    return t;
  };

  it('runs every step with the actor the process names', () => {
    act('dispatch', A.villageDispatcher, {
      unit: UNITS.villageCommittee,
      explanation: 'rule 12: 邻里纠纷 · general → 调委会 of 某某村',
    });
    act('send_back', A.villageMediator, { reasonCode: 'not_responsible', note: '涉及宅基地界址，非调委会受理范围' });
    expect(state.status).toBe('received');
    act('redispatch', A.villageDispatcher, { unit: UNITS.villageCentre, explanation: '改由社区综治中心办理' });
    act('sign', A.villageLeader, {});
    act('escalate', A.villageLeader, { to: UNITS.townshipCentre, task: '村级无法化解，提请街道' });
    expect(state.centre).toEqual(UNITS.townshipCentre);
    // the village no longer steers the case once the township holds it
    expect(availableActions(state, A.villageDispatcher)).toEqual([]);
    act('sign', A.townshipMediator, {});
    act('start_handling', A.townshipMediator, { mode: 'on_site' });
    act('request_joint', A.townshipMediator, {
      leadTask: '牵头组织调解',
      coUnits: [{ unit: UNITS.townshipJustice, task: '提供法律意见并参与调解' }],
    });
    expect(availableActions(state, A.townshipMediator)).not.toContain('resolve');
    act('sign_co_task', A.justiceMediator, {});
    act('reply_co_task', A.justiceMediator, { reply: '已到场释法，双方同意以现状为界' });
    act('resolve', A.townshipMediator, {
      outcome: { kind: 'mediated', agreement: 'written', summary: '签订人民调解协议书' },
    });
    act('evaluate', A.countyClerk, { rating: 'dissatisfied', by: 'resident', note: '对方未按协议拆除围墙' });
    act('reopen', A.townshipDispatcher, { reason: 'dissatisfied' });
    expect(state.status).toBe('in_progress');
    act('resolve', A.townshipMediator, {
      outcome: { kind: 'mediated', agreement: 'written', summary: '围墙已拆除，协议履行完毕' },
    });
    act('evaluate', A.countyClerk, { rating: 'satisfied', by: 'resident' });
    act('close', A.townshipLeader, {});
  });

  it('leaves a timeline with each step, its actor and its transition', () => {
    expect(log.map((e) => [e.type, e.actorUserId, e.fromStatus, e.toStatus])).toEqual([
      ['received', A.gridWorker.userId, null, 'received'],
      ['dispatched', A.villageDispatcher.userId, 'received', 'dispatched'],
      ['sent_back', A.villageMediator.userId, 'dispatched', 'received'],
      ['redispatched', A.villageDispatcher.userId, 'received', 'dispatched'],
      ['signed', A.villageLeader.userId, 'dispatched', 'signed'],
      ['escalated', A.villageLeader.userId, 'signed', 'dispatched'],
      ['signed', A.townshipMediator.userId, 'dispatched', 'signed'],
      ['handling_started', A.townshipMediator.userId, 'signed', 'in_progress'],
      ['joint_requested', A.townshipMediator.userId, 'in_progress', 'in_progress'],
      ['co_task_signed', A.justiceMediator.userId, 'in_progress', 'in_progress'],
      ['co_task_replied', A.justiceMediator.userId, 'in_progress', 'in_progress'],
      ['resolved', A.townshipMediator.userId, 'in_progress', 'resolved'],
      ['evaluated', A.countyClerk.userId, 'resolved', 'evaluated'],
      ['reopened', A.townshipDispatcher.userId, 'evaluated', 'in_progress'],
      ['resolved', A.townshipMediator.userId, 'in_progress', 'resolved'],
      ['evaluated', A.countyClerk.userId, 'resolved', 'evaluated'],
      ['closed', A.townshipLeader.userId, 'evaluated', 'closed'],
    ]);
    expect(log.map((e) => e.version)).toEqual(log.map((_, n) => n + 1));
    expect(log.find((e) => e.type === 'dispatched')?.reason).toContain('rule 12');
    expect(log.find((e) => e.type === 'sent_back')?.reason).toBe('not_responsible');
    expect(log.find((e) => e.type === 'escalated')?.reason).toBe('manual');
  });

  it('ends closed, counted, and equal to its replayed log', () => {
    expect(state).toMatchObject({
      status: 'closed',
      version: 17,
      centre: UNITS.townshipCentre,
      counters: { sendBacks: 1, redos: 1, transfers: 0, escalations: 1 },
      outcome: { kind: 'mediated', summary: '围墙已拆除，协议履行完毕' },
    });
    expect(state.evaluations.map((e) => e.rating)).toEqual(['dissatisfied', 'satisfied']);
    expect(state.assignments.map((a) => [a.unitId, a.role, a.state])).toEqual([
      [UNITS.villageCommittee.unitId, 'lead', 'closed'],
      [UNITS.villageCentre.unitId, 'lead', 'closed'],
      [UNITS.townshipCentre.unitId, 'lead', 'replied'],
      [UNITS.townshipJustice.unitId, 'co', 'replied'],
      [UNITS.townshipCentre.unitId, 'lead', 'replied'],
    ]);
    expect(replay(null, log)).toEqual({ ok: true, value: state });
    expect(reviveState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(availableActions(state, A.townshipDispatcher)).toEqual(['reopen']);
  });
});
