// Handling by the lead unit: sign for (签收), start on site or online, suspend (中止) and resume.
import { runAction, type ActionSpec, type VersionedInput } from './action-kit.js';
import { activeLead } from './assignments.js';
import { hasRole, holdsLead, jurisdictionWith } from './authz.js';
import type { Result, Transition } from './result.js';
import type { Actor, CaseState, HandlingMode } from './types.js';
import { orNull, Problems } from './validate.js';

export type SignInput = VersionedInput;
export type StartHandlingInput = VersionedInput & { mode: Exclude<HandlingMode, 'joint'> };
export type SuspendInput = VersionedInput & { reason: string };
export type ResumeInput = VersionedInput & { note?: string | null };

export const signSpec: ActionSpec<SignInput> = {
  name: 'sign',
  from: ['dispatched'],
  may: holdsLead,
  decide: (s) => {
    const data = { seq: activeLead(s)?.seq ?? 0 };
    return new Problems().done({ toStatus: 'signed' as const, body: { type: 'signed' as const, data } });
  },
};

export const startHandlingSpec: ActionSpec<StartHandlingInput> = {
  name: 'start_handling',
  from: ['signed'],
  may: holdsLead,
  decide: (_s, _a, i) =>
    new Problems().oneOf('mode', i.mode, ['on_site', 'online']).done({
      toStatus: 'in_progress' as const,
      reason: i.mode,
      body: { type: 'handling_started' as const, data: { mode: i.mode } },
    }),
};

export const suspendSpec: ActionSpec<SuspendInput> = {
  name: 'suspend',
  from: ['in_progress'],
  // suspension stops the clock, so a leader decides it: of the lead unit, or of a covering jurisdiction
  may: (s, a) => jurisdictionWith(s, a, 'leader') || (holdsLead(s, a) && hasRole(a, 'leader')),
  decide: (_s, _a, i) =>
    new Problems().text('reason', i.reason).done({
      toStatus: 'suspended' as const,
      reason: i.reason?.trim(),
      body: { type: 'suspended' as const, data: { reason: i.reason?.trim() } },
    }),
};

export const resumeSpec: ActionSpec<ResumeInput> = {
  name: 'resume',
  from: ['suspended'],
  may: (s, a) => holdsLead(s, a) || jurisdictionWith(s, a, 'leader'),
  decide: (_s, _a, i) =>
    new Problems().optionalText('note', i.note).done({
      toStatus: 'in_progress' as const,
      body: { type: 'resumed' as const, data: { note: orNull(i.note) } },
    }),
};

/** The lead unit signs for a dispatched case (签收), which starts its handling clock. */
export const sign = (s: CaseState, a: Actor, i: SignInput, now: Date): Result<Transition> =>
  runAction(signSpec, s, a, i, now);

/** The lead unit starts handling on site or online; the case now has a lead, so the transfer count restarts. */
export const startHandling = (s: CaseState, a: Actor, i: StartHandlingInput, now: Date): Result<Transition> =>
  runAction(startHandlingSpec, s, a, i, now);

/** Suspends handling (中止), e.g. while a court decides; a leader's decision with a reason. */
export const suspend = (s: CaseState, a: Actor, i: SuspendInput, now: Date): Result<Transition> =>
  runAction(suspendSpec, s, a, i, now);

/** Resumes a suspended case. */
export const resume = (s: CaseState, a: Actor, i: ResumeInput, now: Date): Result<Transition> =>
  runAction(resumeSpec, s, a, i, now);
