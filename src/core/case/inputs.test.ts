import { describe, expect, it } from 'vitest';
import { fixture } from './canonical-moves.js';
import { ACTORS, attemptAs, newCase, step, UNITS } from './case-fixtures.js';
import { replay } from './evolve.js';
import type { Result } from './result.js';
import type { Outcome } from './types.js';

const A = ACTORS;
const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

describe('joint handling', () => {
  const joint = fixture('in_progress_joint'); // the committee leads, the justice office is co-unit

  it('the lead resolves only after every co-task is replied or closed', () => {
    const outcome: Outcome = { kind: 'mediated', agreement: 'oral', summary: '口头协议' };
    expect(code(attemptAs(joint, 'resolve', A.villageMediator, { outcome }))).toBe('InvalidTransition');
    const replied = step(joint, 'reply_co_task', A.justiceMediator, { reply: '已释法' });
    expect(code(attemptAs(replied, 'resolve', A.villageMediator, { outcome }))).toBe('ok');
    const closed = step(joint, 'close_co_task', A.villageMediator, {
      unitId: UNITS.townshipJustice.unitId,
      note: '当事人撤回',
    });
    expect(code(attemptAs(closed, 'resolve', A.villageMediator, { outcome }))).toBe('ok');
  });

  it("refuses the lead as its own co-unit, a unit twice, and units outside the case's region", () => {
    const co = (unit: typeof UNITS.townshipJustice) => ({ unit, task: '协助' });
    const tries = [
      [co(UNITS.villageCommittee)],
      [co(UNITS.townshipJustice)],
      [co(UNITS.townshipPolice), co(UNITS.townshipPolice)],
      [co(UNITS.otherVillageCentre)],
      [],
    ];
    for (const coUnits of tries)
      expect(code(attemptAs(joint, 'request_joint', A.villageMediator, { coUnits }))).toBe('ValidationFailed');
  });

  it('closes only a co-task that is open', () => {
    const r = attemptAs(joint, 'close_co_task', A.villageMediator, { unitId: UNITS.townshipPolice.unitId });
    expect(code(r)).toBe('ValidationFailed');
  });
});

describe('outcomes', () => {
  const hazard = () => {
    let s = newCase({ kind: 'hazard', channel: 'grid' }).state;
    s = step(s, 'dispatch', A.villageDispatcher, { unit: UNITS.villageCentre });
    return step(step(s, 'sign', A.gridWorker, {}), 'start_handling', A.gridWorker, { mode: 'on_site' });
  };

  it('a failed mediation names where the parties were guided (人民调解法 第二十六条)', () => {
    const s = fixture('in_progress');
    const bad = { kind: 'not_mediated', guidance: 'petition', summary: '调解不成' } as unknown as Outcome;
    expect(code(attemptAs(s, 'resolve', A.villageMediator, { outcome: bad }))).toBe('ValidationFailed');
    const good: Outcome = { kind: 'not_mediated', guidance: 'litigation', summary: '调解不成，引导诉讼' };
    expect(code(attemptAs(s, 'resolve', A.villageMediator, { outcome: good }))).toBe('ok');
  });

  it('a hazard cannot be mediated, but it can be answered', () => {
    const s = hazard();
    const mediated: Outcome = { kind: 'mediated', agreement: 'written', summary: 'x' };
    expect(code(attemptAs(s, 'resolve', A.gridWorker, { outcome: mediated }))).toBe('ValidationFailed');
    expect(code(attemptAs(s, 'resolve', A.gridWorker, { outcome: { kind: 'answered', summary: '隐患已排除' } }))).toBe(
      'ok',
    );
  });

  it('not accepted needs a reason, and stray fields do not reach the log', () => {
    const s = fixture('in_progress');
    expect(code(attemptAs(s, 'resolve', A.villageMediator, { outcome: { kind: 'not_accepted', reason: '  ' } }))).toBe(
      'ValidationFailed',
    );
    const sneaky = { kind: 'not_accepted', reason: ' 已进入诉讼程序 ', secret: 1 } as Outcome;
    const r = attemptAs(s, 'resolve', A.villageMediator, { outcome: sneaky });
    expect(r.ok && r.value.state.outcome).toEqual({ kind: 'not_accepted', reason: '已进入诉讼程序' });
  });
});

describe('other inputs', () => {
  it('reopening as dissatisfied needs a dissatisfied evaluation; a repeat visit does not', () => {
    const satisfied = step(fixture('resolved'), 'evaluate', A.countyClerk, { rating: 'satisfied', by: 'resident' });
    expect(code(attemptAs(satisfied, 'reopen', A.countyDispatcher, { reason: 'dissatisfied' }))).toBe(
      'ValidationFailed',
    );
    const again = step(satisfied, 'reopen', A.countyDispatcher, { reason: 'repeat_visit' });
    expect(again.assignments.at(-1)).toMatchObject({
      unitId: UNITS.villageCommittee.unitId,
      role: 'lead',
      state: 'signed',
    });
  });

  it('a send-back for another reason says what it is', () => {
    const s = fixture('dispatched');
    expect(code(attemptAs(s, 'send_back', A.villageMediator, { reasonCode: 'other' }))).toBe('ValidationFailed');
    expect(code(attemptAs(s, 'send_back', A.villageMediator, { reasonCode: 'nope' as never }))).toBe(
      'ValidationFailed',
    );
  });

  it('refuses merging a case into itself and dispatching to the unit that already has it', () => {
    const s = fixture('dispatched');
    expect(code(attemptAs(s, 'merge', A.countyDispatcher, { into: s.id }))).toBe('ValidationFailed');
    expect(code(attemptAs(s, 'redispatch', A.countyDispatcher, { unit: UNITS.villageCommittee }))).toBe(
      'ValidationFailed',
    );
    expect(code(attemptAs(s, 'transfer', A.villageMediator, { to: UNITS.villageCommittee, note: '转' }))).toBe(
      'ValidationFailed',
    );
  });

  it('refuses overlong text and unknown modes', () => {
    const s = fixture('signed');
    expect(code(attemptAs(s, 'start_handling', A.villageMediator, { mode: 'joint' as never }))).toBe(
      'ValidationFailed',
    );
    const joint = fixture('in_progress_joint');
    expect(code(attemptAs(joint, 'reply_co_task', A.justiceMediator, { reply: '长'.repeat(2001) }))).toBe(
      'ValidationFailed',
    );
  });
});

describe('replay', () => {
  const first = newCase();
  const t = attemptAs(first.state, 'dispatch', A.villageDispatcher, { unit: UNITS.villageCommittee });
  const events = [...first.events, ...(t.ok ? t.value.events : [])];

  it('rebuilds from the full log or continues from a state', () => {
    expect(replay(null, events)).toEqual({ ok: true, value: t.ok && t.value.state });
    expect(replay(first.state, events.slice(1))).toEqual({ ok: true, value: t.ok && t.value.state });
  });

  it('refuses gaps, reordering and a log without its start', () => {
    expect(code(replay(null, events.slice(1)))).toBe('ValidationFailed');
    expect(code(replay(null, [...events].reverse()))).toBe('ValidationFailed');
    expect(code(replay(null, [events[0]!, events[1]!, events[1]!]))).toBe('ValidationFailed');
    expect(code(replay(null, []))).toBe('ValidationFailed');
  });
});
