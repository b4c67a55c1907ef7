import { describe, expect, it } from 'vitest';
import { availableActions, whyNot } from './actions.js';
import { fixture } from './canonical-moves.js';
import { ACTORS, attemptAs, NEIGHBOUR_DISPUTE, step, T0, UNITS } from './case-fixtures.js';
import { receive } from './intake.js';
import type { Result } from './result.js';

const A = ACTORS;
const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

describe('intake', () => {
  it('a grid worker reports from their own grid only', () => {
    expect(code(receive(NEIGHBOUR_DISPUTE, A.gridWorker, T0))).toBe('ok');
    const elsewhere = {
      ...NEIGHBOUR_DISPUTE,
      regionPath: UNITS.otherVillageCentre.regionPath,
      centre: UNITS.townshipCentre,
    };
    expect(code(receive(elsewhere, A.gridWorker, T0))).toBe('Forbidden');
  });
  it('only grid workers use the grid channel; clerks register within their jurisdiction', () => {
    expect(code(receive(NEIGHBOUR_DISPUTE, A.countyClerk, T0))).toBe('Forbidden');
    expect(code(receive({ ...NEIGHBOUR_DISPUTE, channel: 'walk_in' }, A.countyClerk, T0))).toBe('ok');
    expect(code(receive({ ...NEIGHBOUR_DISPUTE, channel: 'hotline' }, A.auditor, T0))).toBe('Forbidden');
  });
  it('checks the facts it records', () => {
    const r = receive(
      { ...NEIGHBOUR_DISPUTE, kind: 'gossip' as never, centre: UNITS.otherVillageCentre },
      A.gridWorker,
      T0,
    );
    expect(code(r)).toBe('ValidationFailed');
    expect(r.ok ? [] : r.error.details?.problems).toHaveLength(2);
  });
});

describe('the unit that holds the assignment', () => {
  const dispatched = fixture('dispatched'); // the village committee holds it

  it('signs for it; nobody else does, whatever their rank', () => {
    expect(availableActions(dispatched, A.villageMediator)).toEqual(['sign', 'send_back', 'transfer']);
    for (const who of [A.countyLeader, A.countyDispatcher, A.justiceMediator, A.gridWorker]) {
      expect(whyNot('sign', dispatched, who)?.code).toBe('Forbidden');
    }
  });

  it('co-units reply to their own task only, and the lead does not reply for them', () => {
    const joint = fixture('in_progress_joint');
    expect(code(attemptAs(joint, 'reply_co_task', A.villageMediator, { reply: '代答' }))).toBe('Forbidden');
    expect(code(attemptAs(joint, 'reply_co_task', A.policeClerk, { reply: '代答' }))).toBe('Forbidden');
    expect(availableActions(joint, A.justiceMediator)).toEqual(['sign_co_task', 'reply_co_task']);
  });
});

describe('jurisdiction with a role', () => {
  it("a dispatcher outside the case's region may not dispatch it", () => {
    const s = fixture('received');
    expect(whyNot('dispatch', s, A.otherTownshipDispatcher)?.code).toBe('Forbidden');
    expect(whyNot('dispatch', s, A.villageDispatcher)).toBeNull();
    expect(whyNot('dispatch', s, A.countyDispatcher)).toBeNull();
  });

  it('once escalated, the lower level no longer steers the case', () => {
    const up = step(fixture('dispatched'), 'escalate', A.villageLeader, { to: UNITS.townshipCentre });
    expect(whyNot('redispatch', up, A.villageDispatcher)?.code).toBe('Forbidden');
    expect(whyNot('merge', up, A.villageDispatcher)?.code).toBe('Forbidden');
    expect(whyNot('redispatch', up, A.townshipDispatcher)).toBeNull();
  });

  it('closing is for leaders, evaluation for centre staff, not for the handler', () => {
    const evaluated = fixture('evaluated');
    expect(availableActions(evaluated, A.villageMediator)).toEqual([]);
    expect(availableActions(evaluated, A.countyLeader)).toEqual(['reopen', 'close']);
    expect(availableActions(evaluated, A.countyDispatcher)).toEqual(['reopen']);
    const resolved = fixture('resolved');
    expect(availableActions(resolved, A.villageMediator)).toEqual([]);
    expect(availableActions(resolved, A.countyClerk)).toEqual(['evaluate']);
  });

  it("suspension is a leader's decision; resuming is the lead unit's or a leader's", () => {
    const s = fixture('in_progress');
    expect(whyNot('suspend', s, A.villageMediator)?.code).toBe('Forbidden');
    expect(whyNot('suspend', s, A.villageLeader)).toBeNull();
    const suspended = fixture('suspended');
    expect(whyNot('resume', suspended, A.villageMediator)).toBeNull();
    expect(whyNot('resume', suspended, A.countyDispatcher)?.code).toBe('Forbidden');
  });

  it("the lead unit's own leader may suspend even without jurisdiction over the centre", () => {
    const atCounty = step(fixture('received'), 'escalate', A.countyLeader, { to: UNITS.townshipCentre });
    const held = step(
      step(atCounty, 'redispatch', A.townshipDispatcher, { unit: UNITS.townshipJustice }),
      'sign',
      A.justiceMediator,
      {},
    );
    const running = step(held, 'start_handling', A.justiceMediator, { mode: 'on_site' });
    const justiceLeader = {
      ...A.justiceMediator,
      userId: 200,
      roles: ['leader' as const],
      scopePath: '32/3201/320114/320114001/320114001009/',
    };
    expect(whyNot('suspend', running, justiceLeader)).toBeNull();
  });
});
