// The pure core of the case lifecycle: types, actions, availability, escalation rule and replay.
export * from './types.js';
export type { CaseEvent, CaseEventType, CoTaskSpec, EventBody, EventHead, ReceivedData } from './events.js';
export type { Result, Transition } from './result.js';
export { receive, type ReceiveInput } from './intake.js';
export * from './routing.js';
export * from './handling.js';
export * from './joint.js';
export * from './escalate.js';
export * from './conclusion.js';
export { caseActions, perform, availableActions, whyNot, type ActionInputs, type CaseAction } from './actions.js';
export { escalationDue, escalationTrigger, currentLevel, ESCALATION_THRESHOLD, FINAL_LEVEL, type EscalationTrigger } from './escalation.js';
export { evolve, replay, initialState } from './evolve.js';
export { activeLead, activeCos, lastLead, isActive } from './assignments.js';
export { inJurisdiction, covers } from './authz.js';
export type { VersionedInput } from './action-kit.js';
export { reviveState } from './serial.js';
