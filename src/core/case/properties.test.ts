import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableActions, perform, whyNot, type ActionInputs } from './actions.js';
import { activeCos, isActive } from './assignments.js';
import { ALL_ACTORS, ALL_UNITS, centreAt, later, newCase, UNITS } from './case-fixtures.js';
import { currentLevel, escalationDue, escalationTrigger } from './escalation.js';
import type { CaseEvent } from './events.js';
import { replay } from './evolve.js';
import { reviveState } from './serial.js';
import {
  ACTION_NAMES,
  CASE_KINDS,
  HANDLING_STATUSES,
  RATINGS,
  SEND_BACK_REASONS,
  type ActionName,
  type Actor,
  type CaseState,
  type Outcome,
} from './types.js';

/** Each action and the statuses it can succeed from (the lifecycle table, by status rather than fixture). */
const ALLOWED_STATUSES: { [K in ActionName]: readonly string[] } = {
  dispatch: ['received'],
  redispatch: ['received', 'dispatched'],
  sign: ['dispatched'],
  start_handling: ['signed'],
  request_joint: ['signed', 'in_progress'],
  sign_co_task: ['in_progress'],
  reply_co_task: ['in_progress'],
  close_co_task: ['in_progress'],
  escalate: ['received', 'dispatched', 'signed', 'in_progress', 'suspended'],
  send_back: ['dispatched', 'signed'],
  transfer: ['dispatched', 'signed'],
  suspend: ['in_progress'],
  resume: ['suspended'],
  resolve: ['in_progress'],
  evaluate: ['resolved'],
  reopen: ['evaluated', 'closed'],
  close: ['evaluated'],
  merge: ['received', 'dispatched', 'signed', 'in_progress', 'suspended'],
};

type Step = {
  guided: boolean;
  pick: number;
  actor: number;
  unit: number;
  variant: number;
  stale: boolean;
  hours: number;
};

const stepArb: fc.Arbitrary<Step> = fc.record({
  guided: fc.integer({ min: 0, max: 9 }).map((n) => n < 7),
  pick: fc.nat(),
  actor: fc.nat(),
  unit: fc.nat(),
  variant: fc.integer({ min: 0, max: 9 }),
  stale: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
  hours: fc.integer({ min: 0, max: 72 }),
});

const OUTCOMES: Outcome[] = [
  { kind: 'mediated', agreement: 'written', summary: '达成协议' },
  { kind: 'not_mediated', guidance: 'arbitration', summary: '引导仲裁' },
  { kind: 'answered', summary: '已答复' },
  { kind: 'not_accepted', reason: '已进入诉讼程序' },
];

/** A plausible input for the action, sometimes a wrong one (variant ≥ 8). */
function inputFor(name: ActionName, s: CaseState, st: Step): Omit<ActionInputs[ActionName], 'expectedVersion'> {
  const unit = ALL_UNITS[st.unit % ALL_UNITS.length]!;
  const sane = st.variant < 8;
  const co = activeCos(s)[0];
  const inputs: { [K in ActionName]: Omit<ActionInputs[K], 'expectedVersion'> } = {
    dispatch: { unit, explanation: 'rule' },
    redispatch: { unit },
    sign: {},
    start_handling: { mode: st.variant % 2 ? 'on_site' : 'online' },
    request_joint: { coUnits: [{ unit, task: '协助' }] },
    sign_co_task: {},
    reply_co_task: { reply: sane ? '已办' : '' },
    close_co_task: { unitId: sane && co ? co.unitId : unit.unitId },
    escalate: { to: sane ? centreAt(currentLevel(s) - 1) : unit },
    send_back: {
      reasonCode: SEND_BACK_REASONS[st.variant % SEND_BACK_REASONS.length]!,
      note: st.variant % 2 ? '说明' : null,
    },
    transfer: { to: unit, note: '转办' },
    suspend: { reason: sane ? '等待判决' : '' },
    resume: {},
    resolve: { outcome: OUTCOMES[st.variant % OUTCOMES.length]! },
    evaluate: { rating: RATINGS[st.variant % RATINGS.length]!, by: st.variant % 2 ? 'resident' : 'staff' },
    reopen: { reason: st.variant % 2 ? 'dissatisfied' : 'repeat_visit' },
    close: {},
    merge: { into: st.variant === 9 ? s.id : 99 },
  };
  return inputs[name];
}

/** Chooses who does what: mostly among the moves someone may make now, sometimes anything at all. */
function choose(s: CaseState, st: Step): { name: ActionName; actor: Actor } {
  if (st.guided) {
    // action first, then one of the actors who may take it, so that actions open to many actors do
    // not crowd out the rest; merging ends the walk and escalating by hand resets the counts that
    // make escalation due, so both are rarer unless nothing else is possible
    const pairs = ALL_ACTORS.flatMap((actor) => availableActions(s, actor).map((name) => ({ name, actor })));
    const all = [...new Set(pairs.map((p) => p.name))];
    const common = all.filter((n) => n !== 'merge' && n !== 'escalate');
    const names = st.variant < 2 || common.length === 0 ? all : common;
    const name = names[st.pick % Math.max(names.length, 1)];
    const able = pairs.filter((p) => p.name === name);
    if (able.length > 0) return able[st.actor % able.length]!;
  }
  return { name: ACTION_NAMES[st.pick % ACTION_NAMES.length]!, actor: ALL_ACTORS[st.actor % ALL_ACTORS.length]! };
}

/** The invariants of a case at rest. */
function checkState(s: CaseState): void {
  const leads = s.assignments.filter((a) => a.role === 'lead' && isActive(a));
  if (HANDLING_STATUSES.includes(s.status)) {
    // exactly one lead assignment is open (signed for) while the case is in handling
    expect(leads.map((a) => a.state)).toEqual(['signed']);
  } else if (s.status === 'dispatched') {
    expect(leads.map((a) => a.state)).toEqual(['open']);
  } else {
    expect(leads).toEqual([]);
  }
  if (activeCos(s).length > 0) expect(['in_progress', 'suspended']).toContain(s.status);
  expect(s.outcome !== null).toBe(['resolved', 'evaluated', 'closed'].includes(s.status));
  expect(s.suspension !== null).toBe(s.status === 'suspended');
  expect(s.mergedInto !== null).toBe(s.status === 'merged');
  expect(s.assignments.map((a) => a.seq)).toEqual(s.assignments.map((_, n) => n + 1));
  for (const k of ['sendBacks', 'redos', 'transfers'] as const)
    expect(s.counters[k]).toBeGreaterThanOrEqual(s.streak[k]);
}

/** Runs one step and checks what the action did, or that its refusal was typed and changed nothing. */
function runStep(s: CaseState, st: Step, log: CaseEvent[], seen: Set<string>): CaseState {
  const { name, actor } = choose(s, st);
  const listed = availableActions(s, actor).includes(name);
  const input = { ...inputFor(name, s, st), expectedVersion: st.stale ? s.version - 1 : s.version };
  const before = JSON.stringify(s);
  const r = perform(name, s, actor, input as ActionInputs[typeof name], later(s, st.hours));
  expect(JSON.stringify(s)).toBe(before); // actions are pure: a refused or accepted action leaves its input alone
  if (!r.ok) {
    const expected = st.stale ? 'StaleVersion' : listed ? 'ValidationFailed' : whyNot(name, s, actor)?.code;
    expect(r.error.code).toBe(expected);
    seen.add(`refused:${r.error.code}`);
    return s;
  }
  const { state, events, escalationDue: due } = r.value;
  expect(st.stale).toBe(false);
  expect(listed).toBe(true);
  if (s.status === 'closed') expect(name).toBe('reopen'); // a closed case changes only by reopening
  if (escalationDue(s)) expect(['escalate', 'merge']).toContain(name);
  expect(s.status).not.toBe('merged');
  expect(state.version).toBe(s.version + 1);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    version: state.version,
    fromStatus: s.status,
    toStatus: state.status,
    actorUserId: actor.userId,
  });
  expect(due).toBe(escalationDue(state));
  log.push(...events);
  seen.add(`${name}:${s.status}`);
  const trigger = escalationTrigger(state);
  if (trigger) seen.add(`due:${trigger}`);
  return state;
}

describe('random action sequences by random actors', () => {
  it('never break the invariants, and the log always replays to the state', () => {
    const seen = new Set<string>();
    const start = fc.record({
      kind: fc.constantFrom(...CASE_KINDS),
      centre: fc.constantFrom(UNITS.villageCentre, UNITS.townshipCentre, UNITS.countyCentre),
    });
    fc.assert(
      fc.property(start, fc.array(stepArb, { minLength: 1, maxLength: 60, size: 'max' }), (facts, steps) => {
        const first = newCase({ ...facts, channel: 'grid' });
        const log: CaseEvent[] = [...first.events];
        let s = first.state;
        for (const st of steps) {
          s = runStep(s, st, log, seen);
          checkState(s);
          // cheap per step (JSON), exact (Dates and all) once per run below
          const replayed = replay(null, log);
          expect(replayed.ok && JSON.stringify(replayed.value)).toBe(JSON.stringify(s));
        }
        expect(replay(null, log)).toEqual({ ok: true, value: s });
        expect(reviveState(JSON.parse(JSON.stringify(s)))).toEqual(s);
      }),
      { numRuns: 400 },
    );
    // the runs are worth something only if they reached every action, from every status it leaves
    const wanted = Object.entries(ALLOWED_STATUSES).flatMap(([name, from]) =>
      from.map((status) => `${name}:${status}`),
    );
    const codes = ['StaleVersion', 'InvalidTransition', 'Forbidden', 'ValidationFailed'].map((c) => `refused:${c}`);
    // owed escalations happen on these walks too (three redos are rarer: escalation.test.ts has them)
    const dues = ['send_backs', 'transfers'].map((t) => `due:${t}`);
    expect([...wanted, ...codes, ...dues].filter((k) => !seen.has(k))).toEqual([]);
  });
});
