// Concluding a case: resolve with an outcome (办结), return visit and evaluation (回访评价),
// reopen for a redo (重办), close (归档).
import { runAction, type ActionSpec, type VersionedInput } from './action-kit.js';
import { activeCos, lastLead } from './assignments.js';
import { holdsLead, jurisdictionWith } from './authz.js';
import { ok, type Result, type Transition } from './result.js';
import {
  RATINGS,
  type Actor,
  type CaseState,
  type Evaluator,
  type Outcome,
  type Rating,
  type ReopenReason,
} from './types.js';
import { checkOutcome, normaliseOutcome, orNull, Problems, unitRef } from './validate.js';

export type ResolveInput = VersionedInput & { outcome: Outcome };
export type EvaluateInput = VersionedInput & { rating: Rating; by: Evaluator; note?: string | null };
export type ReopenInput = VersionedInput & { reason: ReopenReason; note?: string | null };
export type CloseInput = VersionedInput & { note?: string | null };

export const resolveSpec: ActionSpec<ResolveInput> = {
  name: 'resolve',
  from: ['in_progress'],
  when: (s) => (activeCos(s).length > 0 ? 'co-units have not all replied or been closed' : null),
  may: holdsLead,
  decide: (s, _a, i) => {
    const checked = checkOutcome(new Problems(), i.outcome, s.kind).done(i.outcome);
    if (!checked.ok) return checked;
    const data = { outcome: normaliseOutcome(checked.value) };
    return ok({ toStatus: 'resolved' as const, reason: data.outcome.kind, body: { type: 'resolved' as const, data } });
  },
};

export const evaluateSpec: ActionSpec<EvaluateInput> = {
  name: 'evaluate',
  from: ['resolved'],
  // staff of a covering centre record the evaluation, the resident's own (from the portal or the
  // hotline) or their return visit's; `by` says which
  may: (s, a) => jurisdictionWith(s, a, 'dispatcher', 'clerk', 'leader'),
  decide: (_s, _a, i) => {
    const p = new Problems()
      .oneOf('rating', i.rating, RATINGS)
      .oneOf('by', i.by, ['resident', 'staff'])
      .optionalText('note', i.note);
    const data = { rating: i.rating, by: i.by, note: orNull(i.note) };
    return p.done({ toStatus: 'evaluated' as const, reason: i.rating, body: { type: 'evaluated' as const, data } });
  },
};

export const reopenSpec: ActionSpec<ReopenInput> = {
  name: 'reopen',
  // the only way out of closed: a repeat visit (重访) or a standing dissatisfied evaluation
  from: ['evaluated', 'closed'],
  when: (s) => (lastLead(s) ? null : 'the case has no unit to redo it'),
  may: (s, a) => jurisdictionWith(s, a, 'dispatcher', 'leader'),
  decide: (s, _a, i) => {
    const p = new Problems().oneOf('reason', i.reason, ['dissatisfied', 'repeat_visit']).optionalText('note', i.note);
    if (i.reason === 'dissatisfied' && s.evaluations.at(-1)?.rating !== 'dissatisfied') {
      p.add('reason dissatisfied needs a dissatisfied evaluation');
    }
    const lead = lastLead(s);
    const data = { reason: i.reason, note: orNull(i.note), unit: lead ? unitRef(lead) : s.centre };
    return p.done({ toStatus: 'in_progress' as const, reason: i.reason, body: { type: 'reopened' as const, data } });
  },
};

export const closeSpec: ActionSpec<CloseInput> = {
  name: 'close',
  from: ['evaluated'],
  may: (s, a) => jurisdictionWith(s, a, 'leader'),
  decide: (_s, _a, i) =>
    new Problems().optionalText('note', i.note).done({
      toStatus: 'closed' as const,
      body: { type: 'closed' as const, data: { note: orNull(i.note) } },
    }),
};

/** The lead unit concludes the case with an outcome, once every co-task is replied or closed. */
export const resolve = (s: CaseState, a: Actor, i: ResolveInput, now: Date): Result<Transition> =>
  runAction(resolveSpec, s, a, i, now);

/** Records the evaluation of a resolved case, by the resident or by staff on a return visit. */
export const evaluate = (s: CaseState, a: Actor, i: EvaluateInput, now: Date): Result<Transition> =>
  runAction(evaluateSpec, s, a, i, now);

/** Reopens an evaluated or closed case for a redo by its last lead unit; counted toward escalation. */
export const reopen = (s: CaseState, a: Actor, i: ReopenInput, now: Date): Result<Transition> =>
  runAction(reopenSpec, s, a, i, now);

/** Closes (archives) an evaluated case; a leader's act. */
export const close = (s: CaseState, a: Actor, i: CloseInput, now: Date): Result<Transition> =>
  runAction(closeSpec, s, a, i, now);
