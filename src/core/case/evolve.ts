// evolve: the one place a case's state changes. Actions decide an event and then apply it here, so
// replaying the log rebuilds exactly the state the actions produced.
import { activeLead, addAssignment, closeActive, patchAssignment } from './assignments.js';
import type { CaseEvent, CaseEventType, ReceivedData } from './events.js';
import { fail, ok, type Result } from './result.js';
import type { CaseState, UnitRef } from './types.js';

const NO_STREAK = { sendBacks: 0, redos: 0, transfers: 0 };

/** The state of a case just received, as its `received` event describes it. */
export function initialState(d: ReceivedData, at: Date): CaseState {
  return {
    id: d.id,
    kind: d.kind,
    channel: d.channel,
    complexity: d.complexity,
    categoryCode: d.categoryCode,
    regionPath: d.regionPath,
    status: 'received',
    centre: d.centre,
    assignments: [],
    handlingMode: null,
    outcome: null,
    evaluations: [],
    suspension: null,
    mergedInto: null,
    counters: { sendBacks: 0, redos: 0, transfers: 0, escalations: 0 },
    streak: NO_STREAK,
    version: 1,
    receivedAt: at,
    updatedAt: at,
    resolvedAt: null,
    closedAt: null,
  };
}

type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
type Reducer<T extends CaseEventType> = (s: CaseState, e: EventOf<T>, leadSeq: number) => CaseState;

/** A new lead at `unit`: whatever was active closes (re-dispatch, transfer, escalation move the whole case). */
const newLead = (s: CaseState, unit: UnitRef, task: string | null, at: Date) =>
  addAssignment(closeActive(s.assignments, at), unit, 'lead', task, at);

const dispatchedTo = (s: CaseState, e: EventOf<'dispatched' | 'redispatched'>): CaseState => ({
  ...s,
  assignments: newLead(s, e.data.unit, e.data.task, e.at),
});
const signedFor = (s: CaseState, e: EventOf<'signed' | 'co_task_signed'>): CaseState => ({
  ...s,
  assignments: patchAssignment(s.assignments, e.data.seq, { state: 'signed', signedAt: e.at }),
});

// One reducer per event type; each receives the state with status, version and updatedAt already set.
const reducers: { [T in CaseEventType]: Reducer<T> } = {
  received: (_s, e) => initialState(e.data, e.at),
  dispatched: dispatchedTo,
  redispatched: dispatchedTo,
  signed: signedFor,
  co_task_signed: signedFor,
  handling_started: (s, e) => ({ ...s, handlingMode: e.data.mode, streak: { ...s.streak, transfers: 0 } }),
  joint_requested: (s, e, leadSeq) => {
    let list = e.data.leadTask ? patchAssignment(s.assignments, leadSeq, { task: e.data.leadTask }) : s.assignments;
    for (const co of e.data.coUnits) list = addAssignment(list, co.unit, 'co', co.task, e.at);
    return { ...s, assignments: list, handlingMode: 'joint', streak: { ...s.streak, transfers: 0 } };
  },
  co_task_replied: (s, e) => ({
    ...s,
    assignments: patchAssignment(s.assignments, e.data.seq, { state: 'replied', reply: e.data.reply, endedAt: e.at }),
  }),
  co_task_closed: (s, e) => ({
    ...s,
    assignments: patchAssignment(s.assignments, e.data.seq, { state: 'closed', reply: e.data.note, endedAt: e.at }),
  }),
  escalated: (s, e) => ({
    ...s,
    centre: e.data.to,
    handlingMode: null,
    suspension: null,
    streak: NO_STREAK,
    assignments: newLead(s, e.data.to, e.data.task, e.at),
    counters: { ...s.counters, escalations: s.counters.escalations + 1 },
  }),
  sent_back: (s, e) => ({
    ...s,
    handlingMode: null,
    assignments: patchAssignment(s.assignments, e.data.seq, { state: 'closed', reply: e.data.note, endedAt: e.at }),
    counters: { ...s.counters, sendBacks: s.counters.sendBacks + 1 },
    streak: { ...s.streak, sendBacks: s.streak.sendBacks + 1 },
  }),
  transferred: (s, e) => ({
    ...s,
    handlingMode: null,
    assignments: newLead(s, e.data.to, e.data.task, e.at),
    counters: { ...s.counters, transfers: s.counters.transfers + 1 },
    streak: { ...s.streak, transfers: s.streak.transfers + 1 },
  }),
  suspended: (s, e) => ({ ...s, suspension: { reason: e.data.reason, since: e.at } }),
  resumed: (s) => ({ ...s, suspension: null }),
  resolved: (s, e, leadSeq) => {
    const o = e.data.outcome;
    const reply = o.kind === 'not_accepted' ? o.reason : o.summary;
    const assignments = patchAssignment(s.assignments, leadSeq, { state: 'replied', reply, endedAt: e.at });
    return { ...s, assignments, outcome: o, resolvedAt: e.at };
  },
  evaluated: (s, e) => ({ ...s, evaluations: [...s.evaluations, { ...e.data, at: e.at, actorUserId: e.actorUserId }] }),
  reopened: (s, e) => ({
    ...s,
    outcome: null,
    resolvedAt: null,
    closedAt: null,
    // the same unit redoes the case: it accepted it before, so the new assignment starts signed
    assignments: addAssignment(s.assignments, e.data.unit, 'lead', null, e.at, true),
    counters: { ...s.counters, redos: s.counters.redos + 1 },
    streak: { ...s.streak, redos: s.streak.redos + 1 },
  }),
  closed: (s, e) => ({ ...s, closedAt: e.at }),
  merged: (s, e) => ({
    ...s,
    mergedInto: e.data.into,
    suspension: null,
    assignments: closeActive(s.assignments, e.at),
  }),
  // The stages' clocks live beside the case (assignment_stages); the event only records the move.
  deadline_recounted: (s) => s,
};

/** Applies one event to a state; events are trusted (they were decided by the actions). */
export function evolve(prev: CaseState, e: CaseEvent): CaseState {
  const s: CaseState = { ...prev, status: e.toStatus, version: e.version, updatedAt: e.at };
  const reduce = reducers[e.type] as Reducer<CaseEventType>;
  return reduce(s, e as never, activeLead(prev)?.seq ?? 0);
}

/**
 * Rebuilds a case from its event log. `initial` is the state to continue from (null when the log
 * starts with `received`); versions must follow on one by one, which catches gaps and reordering.
 */
export function replay(initial: CaseState | null, events: readonly CaseEvent[]): Result<CaseState> {
  let state = initial;
  for (const e of events) {
    const expected = e.type === 'received' ? 1 : (state?.version ?? 0) + 1;
    if (e.version !== expected) {
      return fail('ValidationFailed', `event version ${e.version} where ${expected} was expected`, {
        version: e.version,
        expected,
      });
    }
    if (e.type === 'received') state = initialState(e.data, e.at);
    else if (state === null) return fail('ValidationFailed', 'a log replayed without a state must start with received');
    else state = evolve(state, e);
  }
  return state === null ? fail('ValidationFailed', 'no state and no events to replay') : ok(state);
}
