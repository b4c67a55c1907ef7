// The frame every action runs in: version check, status gate, escalation gate, authorisation,
// input decision, then evolve. Keeping the order in one place keeps the error codes uniform:
// StaleVersion → InvalidTransition → Forbidden → ValidationFailed.
import { DomainError } from '../errors.js';
import { escalationDue, escalationTrigger } from './escalation.js';
import type { CaseEvent, EventBody } from './events.js';
import { evolve } from './evolve.js';
import { fail, ok, type Result, type Transition } from './result.js';
import type { ActionName, Actor, CaseState, CaseStatus } from './types.js';
import { isInstant } from './validate.js';

/** Every action input names the case version its actor saw (optimistic concurrency, 409 on mismatch). */
export type VersionedInput = { expectedVersion: number };

/** What an action decided: the event's payload, its target status and a short reason for the timeline. */
export type Draft = { toStatus: CaseStatus; reason?: string | null; body: EventBody };

/** The part of an action that depends on the case and the actor only: used by availableActions too. */
export type ActionGate = {
  name: ActionName;
  /** Statuses the action may start from. */
  from: readonly CaseStatus[];
  /** Why the case's state rules the action out beyond its status, or null. */
  when?: (s: CaseState) => string | null;
  /** Whether this actor may take the action on this case. */
  may: (s: CaseState, actor: Actor) => boolean;
};

export type ActionSpec<I> = ActionGate & {
  /** Checks the input against the state and builds the event; fails only with ValidationFailed. */
  decide: (s: CaseState, actor: Actor, input: I, now: Date) => Result<Draft>;
};

// While escalation is due nothing else may happen: the rule says the case must climb. Merging a
// duplicate away stays possible, since it ends the case rather than moving it at the wrong level.
const ALLOWED_WHILE_DUE: readonly ActionName[] = ['escalate', 'merge'];

/** Why an action is refused, before it becomes a DomainError (building Errors is costly, listing is frequent). */
export type Refusal = { code: 'InvalidTransition' | 'Forbidden'; message: string; details: Record<string, unknown> };

/** The first reason the actor may not take the action now (ignoring input and version), or null. */
export function refusal(spec: ActionGate, s: CaseState, actor: Actor): Refusal | null {
  const details = { action: spec.name, status: s.status };
  if (!spec.from.includes(s.status)) {
    return { code: 'InvalidTransition', message: `${spec.name} is not possible from ${s.status}`, details };
  }
  const trigger = ALLOWED_WHILE_DUE.includes(spec.name) ? null : escalationTrigger(s);
  if (trigger) {
    return {
      code: 'InvalidTransition',
      message: `escalation is due (${trigger}): escalate first`,
      details: { ...details, trigger },
    };
  }
  const why = spec.when?.(s);
  if (why) return { code: 'InvalidTransition', message: `${spec.name}: ${why}`, details };
  if (!spec.may(s, actor)) return { code: 'Forbidden', message: `not allowed: ${spec.name}`, details };
  return null;
}

/** The refusal as a DomainError, or null when the actor may take the action. */
export function gate(spec: ActionGate, s: CaseState, actor: Actor): DomainError | null {
  const r = refusal(spec, s, actor);
  return r && new DomainError(r.code, r.message, r.details);
}

/** Runs one action against a case: the result is the new state with its one event, or a typed error. */
export function runAction<I extends VersionedInput>(
  spec: ActionSpec<I>,
  s: CaseState,
  actor: Actor,
  input: I,
  now: Date,
): Result<Transition> {
  if (input?.expectedVersion !== s.version) {
    return fail('StaleVersion', `case ${s.id} is at version ${s.version}, not ${input?.expectedVersion}`, {
      caseId: s.id,
      version: s.version,
      expectedVersion: input?.expectedVersion,
    });
  }
  // A simulated clock may not run backwards within one case: history stays in time order.
  if (!isInstant(now) || now.getTime() < s.updatedAt.getTime()) {
    return fail('ValidationFailed', 'now must be a valid time not before the case was last changed');
  }
  const denied = gate(spec, s, actor);
  if (denied) return { ok: false, error: denied };
  const decided = spec.decide(s, actor, input, now);
  if (!decided.ok) return decided;
  const { toStatus, reason, body } = decided.value;
  const event = {
    at: now,
    version: s.version + 1,
    actorUserId: actor.userId,
    actorUnitId: actor.unitId,
    fromStatus: s.status,
    toStatus,
    ...(reason ? { reason } : {}),
    ...body,
  } as CaseEvent;
  const state = evolve(s, event);
  return ok({ state, events: [event], escalationDue: escalationDue(state) });
}
