// A case state stored as JSON (cases.state jsonb) comes back with its instants as strings; this
// turns them back into Dates so that a stored state equals the replayed one.
import type { Assignment, CaseState, Evaluation } from './types.js';

type Json = Record<string, unknown>;

const instant = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const maybeInstant = (v: unknown): Date | null => (v === null || v === undefined ? null : instant(v));

/** Rebuilds a CaseState from its JSON form (the inverse of JSON.stringify of a state). */
export function reviveState(raw: unknown): CaseState {
  const s = raw as Json & CaseState;
  const suspension = s.suspension as (Json & { reason: string }) | null;
  return {
    ...s,
    assignments: (s.assignments as unknown as Json[]).map((a) => ({
      ...(a as unknown as Assignment),
      assignedAt: instant(a.assignedAt),
      signedAt: maybeInstant(a.signedAt),
      endedAt: maybeInstant(a.endedAt),
    })),
    evaluations: (s.evaluations as unknown as Json[]).map((e) => ({
      ...(e as unknown as Evaluation),
      at: instant(e.at),
    })),
    suspension: suspension ? { reason: suspension.reason, since: instant(suspension.since) } : null,
    receivedAt: instant(s.receivedAt),
    updatedAt: instant(s.updatedAt),
    resolvedAt: maybeInstant(s.resolvedAt),
    closedAt: maybeInstant(s.closedAt),
  };
}
