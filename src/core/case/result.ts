// One error style for the case core: actions return a discriminated Result and never throw.
import { DomainError, type ErrorCode } from '../errors.js';
import type { CaseEvent } from './events.js';
import type { CaseState } from './types.js';

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/** The success value of every action: the new state, the events to append, and the escalation signal. */
export type Transition = {
  state: CaseState;
  events: CaseEvent[];
  /** True when the new state requires escalation (see escalation.ts): the caller should escalate now. */
  escalationDue: boolean;
};

/** Wraps a value as a success. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Builds a failure carrying a DomainError with the given code. */
export const fail = (code: ErrorCode, message: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: new DomainError(code, message, details),
});
