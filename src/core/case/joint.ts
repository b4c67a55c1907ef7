// Joint handling (提请会办): the lead unit keeps the case and co-units each take a task and reply.
// The lead may resolve only once every co-task is replied or closed (see conclusion.ts).
import { runAction, type ActionSpec, type VersionedInput } from './action-kit.js';
import { activeCoOf, activeCos, activeLead, worksFor } from './assignments.js';
import { holdsLead, jurisdictionWith } from './authz.js';
import type { CoTaskSpec } from './events.js';
import type { Result, Transition } from './result.js';
import type { Actor, CaseState } from './types.js';
import { MAX_CO_UNITS, orNull, Problems, unitRef } from './validate.js';

export type RequestJointInput = VersionedInput & { leadTask?: string | null; coUnits: CoTaskSpec[] };
export type SignCoTaskInput = VersionedInput;
export type ReplyCoTaskInput = VersionedInput & { reply: string };
export type CloseCoTaskInput = VersionedInput & { unitId: number; note?: string | null };

const leadOrDispatcher = (s: CaseState, a: Actor) => holdsLead(s, a) || jurisdictionWith(s, a, 'dispatcher');
const noneActive = (s: CaseState) => (activeCos(s).length === 0 ? 'no co-task is open' : null);

export const requestJointSpec: ActionSpec<RequestJointInput> = {
  name: 'request_joint',
  from: ['signed', 'in_progress'],
  may: leadOrDispatcher,
  decide: (s, _a, i) => {
    const p = new Problems().optionalText('leadTask', i.leadTask);
    const cos = Array.isArray(i.coUnits) ? i.coUnits : [];
    if (cos.length === 0 || cos.length > MAX_CO_UNITS) p.add(`coUnits must list 1..${MAX_CO_UNITS} units`);
    const seen = new Set<number>();
    cos.forEach((c, n) => {
      p.unit(`coUnits[${n}].unit`, c?.unit, s.regionPath).text(`coUnits[${n}].task`, c?.task);
      const id = c?.unit?.unitId;
      if (id === activeLead(s)?.unitId) p.add(`coUnits[${n}] is the lead unit`);
      if (seen.has(id) || activeCoOf(s, id) !== undefined) p.add(`coUnits[${n}] already has an open co-task`);
      seen.add(id);
    });
    const coUnits = cos.map((c) => ({ unit: c.unit && unitRef(c.unit), task: c.task?.trim() }));
    const body = { type: 'joint_requested' as const, data: { leadTask: orNull(i.leadTask), coUnits } };
    return p.done({ toStatus: 'in_progress' as const, body });
  },
};

export const signCoTaskSpec: ActionSpec<SignCoTaskInput> = {
  name: 'sign_co_task',
  from: ['in_progress'],
  when: (s) => (activeCos(s).some((c) => c.state === 'open') ? null : 'no co-task awaits signing'),
  may: (s, a) => activeCoOf(s, a.unitId)?.state === 'open' && worksFor(a, a.unitId),
  decide: (s, a) => {
    const data = { seq: activeCoOf(s, a.unitId)?.seq ?? 0 };
    return new Problems().done({ toStatus: 'in_progress' as const, body: { type: 'co_task_signed' as const, data } });
  },
};

export const replyCoTaskSpec: ActionSpec<ReplyCoTaskInput> = {
  name: 'reply_co_task',
  from: ['in_progress'],
  when: noneActive,
  may: (s, a) => worksFor(a, activeCoOf(s, a.unitId)?.unitId),
  decide: (s, a, i) => {
    const data = { seq: activeCoOf(s, a.unitId)?.seq ?? 0, reply: i.reply?.trim() };
    const body = { type: 'co_task_replied' as const, data };
    return new Problems().text('reply', i.reply).done({ toStatus: 'in_progress' as const, body });
  },
};

export const closeCoTaskSpec: ActionSpec<CloseCoTaskInput> = {
  name: 'close_co_task',
  from: ['in_progress'],
  when: noneActive,
  may: leadOrDispatcher,
  decide: (s, _a, i) => {
    const co = activeCoOf(s, i.unitId);
    const p = new Problems().optionalText('note', i.note);
    if (!co) p.add(`unit ${i.unitId} has no open co-task`);
    const data = { seq: co?.seq ?? 0, note: orNull(i.note) };
    return p.done({
      toStatus: 'in_progress' as const,
      reason: data.note,
      body: { type: 'co_task_closed' as const, data },
    });
  },
};

/** Arranges joint handling: co-units with their own tasks beside the lead (by the lead unit or a dispatcher). */
export const requestJoint = (s: CaseState, a: Actor, i: RequestJointInput, now: Date): Result<Transition> =>
  runAction(requestJointSpec, s, a, i, now);

/** A co-unit signs for its task. */
export const signCoTask = (s: CaseState, a: Actor, i: SignCoTaskInput, now: Date): Result<Transition> =>
  runAction(signCoTaskSpec, s, a, i, now);

/** A co-unit replies to its task (signed or not: the reply is what the lead waits for). */
export const replyCoTask = (s: CaseState, a: Actor, i: ReplyCoTaskInput, now: Date): Result<Transition> =>
  runAction(replyCoTaskSpec, s, a, i, now);

/** The lead unit or a dispatcher closes a co-task without a reply, e.g. when it is no longer needed. */
export const closeCoTask = (s: CaseState, a: Actor, i: CloseCoTaskInput, now: Date): Result<Transition> =>
  runAction(closeCoTaskSpec, s, a, i, now);
