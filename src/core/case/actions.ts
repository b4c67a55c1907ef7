// The action registry: one table from action name to its function and gate, so that the HTTP route
// `POST /cases/:id/actions/:action` and availableActions stay in step with the functions themselves.
import { gate, refusal, type ActionGate } from './action-kit.js';
import * as concl from './conclusion.js';
import * as climb from './escalate.js';
import * as handling from './handling.js';
import * as joint from './joint.js';
import type { Result, Transition } from './result.js';
import * as routing from './routing.js';
import { ACTION_NAMES, type ActionName, type Actor, type CaseState } from './types.js';

/** The input each action takes, by action name. */
export type ActionInputs = {
  dispatch: routing.DispatchInput;
  redispatch: routing.DispatchInput;
  sign: handling.SignInput;
  start_handling: handling.StartHandlingInput;
  request_joint: joint.RequestJointInput;
  sign_co_task: joint.SignCoTaskInput;
  reply_co_task: joint.ReplyCoTaskInput;
  close_co_task: joint.CloseCoTaskInput;
  escalate: climb.EscalateInput;
  send_back: routing.SendBackInput;
  transfer: routing.TransferInput;
  suspend: handling.SuspendInput;
  resume: handling.ResumeInput;
  resolve: concl.ResolveInput;
  evaluate: concl.EvaluateInput;
  reopen: concl.ReopenInput;
  close: concl.CloseInput;
  merge: routing.MergeInput;
};

export type CaseAction<K extends ActionName> = (
  s: CaseState,
  a: Actor,
  i: ActionInputs[K],
  now: Date,
) => Result<Transition>;

/** Every action function by name. */
export const caseActions: { readonly [K in ActionName]: CaseAction<K> } = {
  dispatch: routing.dispatch,
  redispatch: routing.redispatch,
  sign: handling.sign,
  start_handling: handling.startHandling,
  request_joint: joint.requestJoint,
  sign_co_task: joint.signCoTask,
  reply_co_task: joint.replyCoTask,
  close_co_task: joint.closeCoTask,
  escalate: climb.escalate,
  send_back: routing.sendBack,
  transfer: routing.transfer,
  suspend: handling.suspend,
  resume: handling.resume,
  resolve: concl.resolve,
  evaluate: concl.evaluate,
  reopen: concl.reopen,
  close: concl.close,
  merge: routing.merge,
};

const gates: { readonly [K in ActionName]: ActionGate } = {
  dispatch: routing.dispatchSpec,
  redispatch: routing.redispatchSpec,
  sign: handling.signSpec,
  start_handling: handling.startHandlingSpec,
  request_joint: joint.requestJointSpec,
  sign_co_task: joint.signCoTaskSpec,
  reply_co_task: joint.replyCoTaskSpec,
  close_co_task: joint.closeCoTaskSpec,
  escalate: climb.escalateSpec,
  send_back: routing.sendBackSpec,
  transfer: routing.transferSpec,
  suspend: handling.suspendSpec,
  resume: handling.resumeSpec,
  resolve: concl.resolveSpec,
  evaluate: concl.evaluateSpec,
  reopen: concl.reopenSpec,
  close: concl.closeSpec,
  merge: routing.mergeSpec,
};

/** Runs an action chosen by name (for routes and simulations that dispatch on a string). */
export const perform = <K extends ActionName>(
  name: K,
  s: CaseState,
  a: Actor,
  i: ActionInputs[K],
  now: Date,
): Result<Transition> => (caseActions[name] as CaseAction<K>)(s, a, i, now);

/**
 * The actions this actor may take on the case now, in lifecycle order. A listed action can still fail
 * on its input (ValidationFailed) or a stale version, never on status or authorisation.
 */
export const availableActions = (s: CaseState, actor: Actor): ActionName[] =>
  ACTION_NAMES.filter((name) => refusal(gates[name], s, actor) === null);

/** Why the actor may not take the action now (InvalidTransition or Forbidden), or null when they may. */
export const whyNot = (name: ActionName, s: CaseState, actor: Actor) => gate(gates[name], s, actor);
