// What a figure is computed from, and what it returns. Everything but the case facts comes from the
// stored stage clocks, cards and extension requests, which the same transactions write as the events.
import type { CaseFacts } from './case-facts.js';
import type { Period } from './period.js';

/** A timed stage of one assignment (assignment_stages): its deadline includes approved extensions. */
export type StageFact = {
  caseId: number;
  seq: number;
  stage: 'sign_for' | 'handle' | 'co_reply' | 'return_visit';
  unitId: number;
  startAt: Date;
  /** Null while suspended: a suspension stops the clock. */
  dueAt: Date | null;
  completedAt: Date | null;
};
export type CardFact = { caseId: number; seq: number; colour: 'blue' | 'yellow' | 'red'; issuedAt: Date };
export type ExtensionFact = {
  caseId: number;
  requestingUnitId: number;
  decidedAt: Date | null;
  approved: boolean;
  /** The unit of the leader who decided; the same as the requester's is a signal. */
  deciderUnitId: number | null;
};

export type KpiInput = {
  facts: readonly CaseFacts[];
  stages: readonly StageFact[];
  cards: readonly CardFact[];
  extensions: readonly ExtensionFact[];
  /** The instant the figures are taken: what happened after it is not yet known. */
  asOf: Date;
  /** Working days between two instants under the calendar (the handling-time figure). */
  workingDays: (from: Date, to: Date) => number;
};

/** One counted item: a case, or one assignment (`seq`) of a case for the figures counted by assignment. */
export type Member = { caseId: number; seq?: number };

/**
 * A figure with its proof: the definition it follows, the items in its numerator and denominator (the
 * drill-down lists, exactly), and the value. For a mean the numerator is a sum (working days) and
 * `numeratorMembers` the same items as the denominator's.
 */
export type Figure = {
  definition: string;
  period: Period;
  numerator: number;
  denominator: number;
  value: number | null;
  numeratorMembers: Member[];
  denominatorMembers: Member[];
};
