// The pure core of the case lifecycle: types, one function per action, what an actor may do now,
// the automatic escalation rule, and replay of the event log. Nothing here touches I/O or the clock.
export * from './types.js';
export type {
  CaseEvent,
  CaseEventType,
  CoTaskSpec,
  DeadlineRecount,
  EventBody,
  EventHead,
  ReceivedData,
  RecountedStage,
} from './events.js';
export { EVENT_TYPES, isEventType } from './events.js';
export type { Result, Transition } from './result.js';
export type { VersionedInput } from './action-kit.js';
export { receive, type ReceiveInput } from './intake.js';
export {
  dispatch,
  redispatch,
  transfer,
  sendBack,
  merge,
  type DispatchInput,
  type TransferInput,
  type SendBackInput,
  type MergeInput,
} from './routing.js';
export {
  sign,
  startHandling,
  suspend,
  resume,
  type SignInput,
  type StartHandlingInput,
  type SuspendInput,
  type ResumeInput,
} from './handling.js';
export {
  requestJoint,
  signCoTask,
  replyCoTask,
  closeCoTask,
  type RequestJointInput,
  type SignCoTaskInput,
  type ReplyCoTaskInput,
  type CloseCoTaskInput,
} from './joint.js';
export { escalate, type EscalateInput } from './escalate.js';
export {
  resolve,
  evaluate,
  reopen,
  close,
  type ResolveInput,
  type EvaluateInput,
  type ReopenInput,
  type CloseInput,
} from './conclusion.js';
export { caseActions, perform, availableActions, whyNot, type ActionInputs, type CaseAction } from './actions.js';
export {
  escalationDue,
  escalationTrigger,
  escalationTargetLevel,
  currentLevel,
  ESCALATION_THRESHOLD,
  FINAL_LEVEL,
  type EscalationTrigger,
} from './escalation.js';
export { evolve, replay, initialState } from './evolve.js';
export { recordDeadlineRecount } from './recount.js';
export { reviveState } from './serial.js';
export { activeLead, activeCos, lastLead, isActive } from './assignments.js';
export { inJurisdiction, covers } from './authz.js';
