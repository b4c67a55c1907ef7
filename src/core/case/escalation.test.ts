import { describe, expect, it } from 'vitest';
import { availableActions } from './actions.js';
import { fixture } from './canonical-moves.js';
import { ACTORS, attemptAs, must, newCase, step, UNITS } from './case-fixtures.js';
import { escalationDue, escalationTargetLevel, escalationTrigger } from './escalation.js';
import type { CaseState } from './types.js';

const A = ACTORS;
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

/** Dispatches to the committee and has it sent back, n times. */
function sentBack(times: number): CaseState {
  let s = fixture('received');
  for (let n = 0; n < times; n++) {
    s = step(s, n === 0 ? 'dispatch' : 'redispatch', A.villageDispatcher, { unit: UNITS.villageCommittee });
    s = step(s, 'send_back', A.villageMediator, { reasonCode: 'not_responsible' });
  }
  return s;
}

describe('sent back three times', () => {
  const twice = sentBack(2);
  const thrice = sentBack(3);

  it('is not due after two, and the third send-back signals it', () => {
    expect(escalationDue(twice)).toBe(false);
    const s = step(twice, 'redispatch', A.villageDispatcher, { unit: UNITS.villageCommittee });
    const t = must(attemptAs(s, 'send_back', A.villageMediator, { reasonCode: 'not_responsible' }));
    expect(t.escalationDue).toBe(true);
    expect(escalationTrigger(t.state)).toBe('send_backs');
    expect(escalationTargetLevel(t.state)).toBe(4);
  });

  it('blocks every move at the same level until the case climbs', () => {
    const r = attemptAs(thrice, 'redispatch', A.villageDispatcher, { unit: UNITS.villageCentre });
    expect(code(r)).toBe('InvalidTransition');
    expect(r.ok ? null : r.error.details).toMatchObject({ trigger: 'send_backs' });
    expect(availableActions(thrice, A.villageDispatcher)).toEqual(['escalate', 'merge']);
  });

  it('may be carried out by the centre dispatcher, and resets the streak at the new level', () => {
    const t = must(attemptAs(thrice, 'escalate', A.villageDispatcher, { to: UNITS.townshipCentre }));
    expect(t.events[0]).toMatchObject({ type: 'escalated', reason: 'send_backs', data: { trigger: 'send_backs' } });
    expect(t.escalationDue).toBe(false);
    expect(t.state).toMatchObject({
      status: 'dispatched',
      centre: UNITS.townshipCentre,
      counters: { sendBacks: 3, escalations: 1 },
      streak: { sendBacks: 0, redos: 0, transfers: 0 },
    });
  });
});

describe('transferred among three units with none taking the lead', () => {
  const passOn = (s: CaseState, from: keyof typeof A, to: keyof typeof UNITS) =>
    step(s, 'transfer', A[from], { to: UNITS[to], note: '非本单位职责' });
  const dispatched = fixture('dispatched'); // at the village committee

  it('is due after the third transfer', () => {
    let s = passOn(dispatched, 'villageMediator', 'villageCentre');
    s = passOn(s, 'gridWorker', 'townshipPolice');
    expect(escalationDue(s)).toBe(false);
    const t = must(attemptAs(s, 'transfer', A.policeClerk, { to: UNITS.townshipJustice, note: '非本单位职责' }));
    expect(t.escalationDue).toBe(true);
    expect(escalationTrigger(t.state)).toBe('transfers');
    // the justice office holds it: it may not pass it on again, but it may carry out the escalation
    expect(availableActions(t.state, A.justiceMediator)).toEqual(['escalate']);
  });

  it('starts counting again once a unit takes the lead', () => {
    let s = passOn(dispatched, 'villageMediator', 'villageCentre');
    s = passOn(s, 'gridWorker', 'villageCommittee');
    s = step(step(s, 'sign', A.villageMediator, {}), 'start_handling', A.villageMediator, { mode: 'online' });
    expect(s.streak.transfers).toBe(0);
    expect(s.counters.transfers).toBe(2);
  });
});

describe('redone three times', () => {
  it('is due on the third reopening and the lead may escalate, not resolve', () => {
    let s = fixture('evaluated');
    let due = false;
    for (let n = 0; n < 3; n++) {
      if (n > 0) {
        s = step(s, 'resolve', A.villageMediator, { outcome: { kind: 'answered', summary: '已处理' } });
        s = step(s, 'evaluate', A.countyClerk, { rating: 'dissatisfied', by: 'staff' });
      }
      const t = must(attemptAs(s, 'reopen', A.countyDispatcher, { reason: 'dissatisfied' }));
      s = t.state;
      due = t.escalationDue;
    }
    expect(due).toBe(true);
    expect(escalationTrigger(s)).toBe('redos');
    expect(availableActions(s, A.villageMediator)).toEqual(['escalate']);
    const up = step(s, 'escalate', A.villageMediator, { to: UNITS.townshipCentre });
    expect(up).toMatchObject({ status: 'dispatched', counters: { redos: 3, escalations: 1 } });
  });
});

describe('the county is the final stop (终点站)', () => {
  const atCounty = () => {
    let s = newCase({ centre: UNITS.countyCentre }).state;
    for (let n = 0; n < 3; n++) {
      s = step(s, n === 0 ? 'dispatch' : 'redispatch', A.countyDispatcher, { unit: UNITS.countyHrss });
      s = step(s, 'send_back', A.hrssClerk, { reasonCode: 'not_responsible' });
    }
    return s;
  };

  it("a case the county centre sent down to a village is still the county's: it does not climb", () => {
    let s = newCase({ centre: UNITS.countyCentre }).state;
    for (let n = 0; n < 3; n++) {
      s = step(s, n === 0 ? 'dispatch' : 'redispatch', A.countyDispatcher, { unit: UNITS.villageCommittee });
      s = step(s, 'send_back', A.villageMediator, { reasonCode: 'not_responsible' });
    }
    expect(s.counters.sendBacks).toBe(3);
    expect(escalationDue(s)).toBe(false);
    expect(escalationTargetLevel(s)).toBeNull();
    expect(availableActions(s, A.countyDispatcher)).toEqual(['redispatch', 'merge']);
  });

  it('never makes escalation due, and refuses it', () => {
    const s = atCounty();
    expect(escalationDue(s)).toBe(false);
    expect(code(attemptAs(s, 'escalate', A.countyLeader, { to: UNITS.countyCentre }))).toBe('InvalidTransition');
    expect(code(attemptAs(s, 'redispatch', A.countyDispatcher, { unit: UNITS.countyHrss }))).toBe('ok');
  });
});

describe('escalation by hand', () => {
  const signed = fixture('signed'); // the village committee holds it

  it("is a leader's decision", () => {
    expect(code(attemptAs(signed, 'escalate', A.villageDispatcher, { to: UNITS.townshipCentre }))).toBe('Forbidden');
    expect(code(attemptAs(signed, 'escalate', A.villageMediator, { to: UNITS.townshipCentre }))).toBe('Forbidden');
    const t = must(attemptAs(signed, 'escalate', A.townshipLeader, { to: UNITS.townshipCentre }));
    expect(t.events[0]?.reason).toBe('manual');
  });

  it('goes exactly one level up, to a centre whose region holds the case', () => {
    expect(code(attemptAs(signed, 'escalate', A.countyLeader, { to: UNITS.countyCentre }))).toBe('ValidationFailed');
    expect(code(attemptAs(signed, 'escalate', A.countyLeader, { to: UNITS.otherTownshipCentre }))).toBe(
      'ValidationFailed',
    );
  });

  it('closes co-tasks and lifts a suspension on the way up', () => {
    const joint = fixture('in_progress_joint');
    const s = step(step(joint, 'suspend', A.countyLeader, { reason: '等待鉴定' }), 'escalate', A.countyLeader, {
      to: UNITS.townshipCentre,
    });
    expect(s.suspension).toBeNull();
    expect(s.assignments.filter((a) => a.state === 'open' || a.state === 'signed').map((a) => a.unitId)).toEqual([
      UNITS.townshipCentre.unitId,
    ]);
  });
});
