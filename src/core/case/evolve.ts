// evolve: the one place a case's state changes. Actions decide an event and then apply it here, so
// replaying the log rebuilds exactly the state the actions produced.
import { activeLead, addAssignment, closeActive, patchAssignment } from './assignments.js';
import type { CaseEvent, ReceivedData } from './events.js';
import { fail, ok, type Result } from './result.js';
import type { CaseState } from './types.js';

const NO_STREAK = { sendBacks: 0, redos: 0, transfers: 0 };

/** The state of a case just received, as its `received` event describes it. */
export function initialState(d: ReceivedData, at: Date): CaseState {
  return {
    id: d.id, kind: d.kind, channel: d.channel, complexity: d.complexity, categoryCode: d.categoryCode,
    regionPath: d.regionPath, status: 'received', centre: d.centre, assignments: [], handlingMode: null,
    outcome: null, evaluations: [], suspension: null, mergedInto: null,
    counters: { sendBacks: 0, redos: 0, transfers: 0, escalations: 0 }, streak: NO_STREAK,
    version: 1, receivedAt: at, updatedAt: at, resolvedAt: null, closedAt: null,
  };
}

/** Applies one event to a state; events are trusted (they were decided by the actions). */
export function evolve(prev: CaseState, e: CaseEvent): CaseState {
  if (e.type === 'received') return initialState(e.data, e.at);
  const s: CaseState = { ...prev, status: e.toStatus, version: e.version, updatedAt: e.at };
  const { at } = e;
  const leadSeq = activeLead(prev)?.seq ?? 0;
  switch (e.type) {
    case 'dispatched':
    case 'redispatched':
      return { ...s, assignments: addAssignment(closeActive(s.assignments, at), e.data.unit, 'lead', e.data.task, at) };
    case 'signed':
    case 'co_task_signed':
      return { ...s, assignments: patchAssignment(s.assignments, e.data.seq, { state: 'signed', signedAt: at }) };
    case 'handling_started':
      return { ...s, handlingMode: e.data.mode, streak: { ...s.streak, transfers: 0 } };
    case 'joint_requested': {
      let list = e.data.leadTask ? patchAssignment(s.assignments, leadSeq, { task: e.data.leadTask }) : s.assignments;
      for (const co of e.data.coUnits) list = addAssignment(list, co.unit, 'co', co.task, at);
      return { ...s, assignments: list, handlingMode: 'joint', streak: { ...s.streak, transfers: 0 } };
    }
    case 'co_task_replied':
      return { ...s, assignments: patchAssignment(s.assignments, e.data.seq, { state: 'replied', reply: e.data.reply, endedAt: at }) };
    case 'co_task_closed':
      return { ...s, assignments: patchAssignment(s.assignments, e.data.seq, { state: 'closed', reply: e.data.note, endedAt: at }) };
    case 'escalated':
      return {
        ...s, centre: e.data.to, handlingMode: null, suspension: null, streak: NO_STREAK,
        assignments: addAssignment(closeActive(s.assignments, at), e.data.to, 'lead', e.data.task, at),
        counters: { ...s.counters, escalations: s.counters.escalations + 1 },
      };
    case 'sent_back':
      return {
        ...s, handlingMode: null,
        assignments: patchAssignment(s.assignments, e.data.seq, { state: 'closed', reply: e.data.note, endedAt: at }),
        counters: { ...s.counters, sendBacks: s.counters.sendBacks + 1 },
        streak: { ...s.streak, sendBacks: s.streak.sendBacks + 1 },
      };
    case 'transferred':
      return {
        ...s, handlingMode: null,
        assignments: addAssignment(closeActive(s.assignments, at), e.data.to, 'lead', e.data.task, at),
        counters: { ...s.counters, transfers: s.counters.transfers + 1 },
        streak: { ...s.streak, transfers: s.streak.transfers + 1 },
      };
    case 'suspended':
      return { ...s, suspension: { reason: e.data.reason, since: at } };
    case 'resumed':
      return { ...s, suspension: null };
    default:
      return evolveConclusion(s, e, leadSeq);
  }
}

/** The second half of evolve: conclusion, evaluation, reopening, closing, merging. */
function evolveConclusion(s: CaseState, e: CaseEvent, leadSeq: number): CaseState {
  const { at } = e;
  switch (e.type) {
    case 'resolved': {
      const o = e.data.outcome;
      const reply = o.kind === 'not_accepted' ? o.reason : o.summary;
      const assignments = patchAssignment(s.assignments, leadSeq, { state: 'replied', reply, endedAt: at });
      return { ...s, assignments, outcome: o, resolvedAt: at };
    }
    case 'evaluated':
      return { ...s, evaluations: [...s.evaluations, { ...e.data, at, actorUserId: e.actorUserId }] };
    case 'reopened':
      return {
        ...s, outcome: null, resolvedAt: null, closedAt: null,
        // the same unit redoes the case: it has accepted it before, so the new assignment starts signed
        assignments: addAssignment(s.assignments, e.data.unit, 'lead', null, at, true),
        counters: { ...s.counters, redos: s.counters.redos + 1 },
        streak: { ...s.streak, redos: s.streak.redos + 1 },
      };
    case 'closed':
      return { ...s, closedAt: at };
    case 'merged':
      return { ...s, mergedInto: e.data.into, suspension: null, assignments: closeActive(s.assignments, at) };
    default:
      return s;
  }
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
      return fail('ValidationFailed', `event version ${e.version} where ${expected} was expected`, { version: e.version, expected });
    }
    if (e.type === 'received') state = initialState(e.data, e.at);
    else if (state === null) return fail('ValidationFailed', 'a log replayed without a state must start with received');
    else state = evolve(state, e);
  }
  return state === null ? fail('ValidationFailed', 'no state and no events to replay') : ok(state);
}
