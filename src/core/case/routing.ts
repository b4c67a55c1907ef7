// Moving a case between units: dispatch (分流交办), re-dispatch, transfer (转办), send back (退回),
// and merging a duplicate away. Dispatchers steer from the centre; the lead unit passes on or refuses.
import { runAction, type ActionSpec, type VersionedInput } from './action-kit.js';
import { activeLead } from './assignments.js';
import { holdsLead, jurisdictionWith } from './authz.js';
import type { Result, Transition } from './result.js';
import { SEND_BACK_REASONS, type Actor, type CaseState, type SendBackReason, type UnitRef } from './types.js';
import { orNull, Problems, unitRef } from './validate.js';

export type DispatchInput = VersionedInput & { unit: UnitRef; task?: string | null; explanation?: string | null };
export type TransferInput = VersionedInput & { to: UnitRef; note: string; task?: string | null };
export type SendBackInput = VersionedInput & { reasonCode: SendBackReason; note?: string | null };
export type MergeInput = VersionedInput & { into: number; note?: string | null };

const isDispatcher = (s: CaseState, a: Actor) => jurisdictionWith(s, a, 'dispatcher');
const UNCONCLUDED = ['received', 'dispatched', 'signed', 'in_progress', 'suspended'] as const;

/** The shared decision of dispatch and re-dispatch: a new lead assignment at the chosen unit. */
function decideDispatch(type: 'dispatched' | 'redispatched') {
  return (s: CaseState, _a: Actor, i: DispatchInput) => {
    const p = new Problems()
      .unit('unit', i.unit, s.regionPath)
      .optionalText('task', i.task)
      .optionalText('explanation', i.explanation);
    if (i.unit && activeLead(s)?.unitId === i.unit.unitId) p.add('the case is already with that unit');
    const data = { unit: i.unit && unitRef(i.unit), task: orNull(i.task), explanation: orNull(i.explanation) };
    return p.done({ toStatus: 'dispatched' as const, reason: data.explanation, body: { type, data } });
  };
}

export const dispatchSpec: ActionSpec<DispatchInput> = {
  name: 'dispatch',
  from: ['received'],
  when: (s) => (s.assignments.length > 0 ? 'the case has been dispatched before: re-dispatch it' : null),
  may: isDispatcher,
  decide: decideDispatch('dispatched'),
};

export const redispatchSpec: ActionSpec<DispatchInput> = {
  name: 'redispatch',
  // from received after a send-back, or from dispatched while the unit has not yet signed
  from: ['received', 'dispatched'],
  when: (s) => (s.assignments.length === 0 ? 'the case has never been dispatched: dispatch it' : null),
  may: isDispatcher,
  decide: decideDispatch('redispatched'),
};

export const transferSpec: ActionSpec<TransferInput> = {
  name: 'transfer',
  from: ['dispatched', 'signed'],
  may: holdsLead,
  decide: (s, _a, i) => {
    const p = new Problems().unit('to', i.to, s.regionPath).text('note', i.note).optionalText('task', i.task);
    if (i.to && activeLead(s)?.unitId === i.to.unitId) p.add('a unit cannot transfer a case to itself');
    const data = { to: i.to && unitRef(i.to), note: i.note?.trim(), task: orNull(i.task) };
    return p.done({ toStatus: 'dispatched' as const, reason: data.note, body: { type: 'transferred' as const, data } });
  },
};

export const sendBackSpec: ActionSpec<SendBackInput> = {
  name: 'send_back',
  // before handling starts: once a unit has started, it transfers or asks for escalation instead
  from: ['dispatched', 'signed'],
  may: holdsLead,
  decide: (s, _a, i) => {
    const p = new Problems().oneOf('reasonCode', i.reasonCode, SEND_BACK_REASONS).optionalText('note', i.note);
    if (i.reasonCode === 'other' && !orNull(i.note)) p.add('note is required when the reason is other');
    const data = { seq: activeLead(s)?.seq ?? 0, reasonCode: i.reasonCode, note: orNull(i.note) };
    return p.done({ toStatus: 'received' as const, reason: i.reasonCode, body: { type: 'sent_back' as const, data } });
  },
};

export const mergeSpec: ActionSpec<MergeInput> = {
  name: 'merge',
  from: UNCONCLUDED,
  may: isDispatcher,
  decide: (s, _a, i) => {
    const p = new Problems().optionalText('note', i.note);
    if (!Number.isInteger(i.into) || i.into <= 0) p.add('into must be a case id');
    if (i.into === s.id) p.add('a case cannot be merged into itself');
    const data = { into: i.into, note: orNull(i.note) };
    return p.done({
      toStatus: 'merged' as const,
      reason: `merged into ${i.into}`,
      body: { type: 'merged' as const, data },
    });
  },
};

/** Dispatches a received case to its first lead unit (a dispatcher in jurisdiction; the rule's explanation is kept). */
export const dispatch = (s: CaseState, a: Actor, i: DispatchInput, now: Date): Result<Transition> =>
  runAction(dispatchSpec, s, a, i, now);

/** Re-dispatches: after a send-back, or to another unit before the current one has signed. */
export const redispatch = (s: CaseState, a: Actor, i: DispatchInput, now: Date): Result<Transition> =>
  runAction(redispatchSpec, s, a, i, now);

/** The lead unit passes the case straight to another unit (转办), counted toward automatic escalation. */
export const transfer = (s: CaseState, a: Actor, i: TransferInput, now: Date): Result<Transition> =>
  runAction(transferSpec, s, a, i, now);

/** The lead unit refuses the case (退回) with a reason code; it goes back to the centre, counted. */
export const sendBack = (s: CaseState, a: Actor, i: SendBackInput, now: Date): Result<Transition> =>
  runAction(sendBackSpec, s, a, i, now);

/** Merges a duplicate into its main case: terminal, every open assignment closes. */
export const merge = (s: CaseState, a: Actor, i: MergeInput, now: Date): Result<Transition> =>
  runAction(mergeSpec, s, a, i, now);
