// Input checks shared by the actions. Shapes are checked by the contract (zod) at the edge; these
// check values the domain cares about, and again at runtime because inputs may come from JSON.
import { fail, ok, type Result } from './result.js';
import type { CaseKind, Outcome, UnitRef } from './types.js';

export const MAX_TEXT = 2000;
export const MAX_CO_UNITS = 10;
const REGION_PATH = /^(\d+\/)+$/;

/** Collects the problems of one input so that the caller hears them all at once. */
export class Problems {
  readonly list: string[] = [];
  add(problem: string): this {
    this.list.push(problem);
    return this;
  }
  /** Checks a required text field. */
  text(field: string, value: unknown): this {
    if (typeof value !== 'string' || value.trim() === '') return this.add(`${field} is required`);
    return value.length > MAX_TEXT ? this.add(`${field} is longer than ${MAX_TEXT}`) : this;
  }
  /** Checks an optional text field (absent, null or a string within the limit). */
  optionalText(field: string, value: unknown): this {
    if (value === undefined || value === null) return this;
    return typeof value === 'string' && value.length <= MAX_TEXT
      ? this
      : this.add(`${field} must be text up to ${MAX_TEXT}`);
  }
  /** Checks that a value is one of the allowed ones. */
  oneOf(field: string, value: unknown, allowed: readonly unknown[]): this {
    return allowed.includes(value) ? this : this.add(`${field} must be one of ${allowed.join(', ')}`);
  }
  /** Checks a unit reference and that the unit's region contains the case's region. */
  unit(field: string, value: UnitRef | undefined, caseRegionPath: string): this {
    if (!value || !Number.isInteger(value.unitId) || !Number.isInteger(value.unitLevel))
      return this.add(`${field} is not a unit`);
    if (value.unitLevel < 1 || value.unitLevel > 7) this.add(`${field}.unitLevel must be 1..7`);
    if (typeof value.regionPath !== 'string' || !REGION_PATH.test(value.regionPath))
      return this.add(`${field}.regionPath is malformed`);
    return caseRegionPath.startsWith(value.regionPath) ? this : this.add(`${field} does not cover the case's region`);
  }
  /** Ends the checks: ValidationFailed with every problem, or the value. */
  done<T>(value: T): Result<T> {
    return this.list.length === 0 ? ok(value) : fail('ValidationFailed', this.list.join('; '), { problems: this.list });
  }
}

/** Trims optional text to null when empty, so the state never holds '' and undefined side by side. */
export const orNull = (value: string | null | undefined): string | null => {
  const t = value?.trim();
  return t ? t : null;
};

/** True when `at` is a usable instant. */
export const isInstant = (at: unknown): at is Date => at instanceof Date && !Number.isNaN(at.getTime());

/** Checks an outcome against the case's kind: a hazard has no parties, so nothing to mediate. */
export function checkOutcome(p: Problems, outcome: Outcome | undefined, kind: CaseKind): Problems {
  if (!outcome) return p.add('outcome is required');
  p.oneOf('outcome.kind', outcome.kind, ['mediated', 'not_mediated', 'answered', 'not_accepted']);
  const mediation = outcome.kind === 'mediated' || outcome.kind === 'not_mediated';
  if (mediation && kind === 'hazard') p.add('a hazard has no parties to mediate');
  switch (outcome.kind) {
    case 'mediated':
      return p
        .oneOf('outcome.agreement', outcome.agreement, ['written', 'oral'])
        .text('outcome.summary', outcome.summary);
    case 'not_mediated':
      // 人民调解法 第二十六条: when mediation fails, the parties are told of the arbitration, administrative
      // and judicial routes; the outcome records which one they were guided to.
      return p
        .oneOf('outcome.guidance', outcome.guidance, ['litigation', 'arbitration'])
        .text('outcome.summary', outcome.summary);
    case 'answered':
      return p.text('outcome.summary', outcome.summary);
    case 'not_accepted':
      // 《信访工作条例》: a matter that is not accepted is answered with the reason.
      return p.text('outcome.reason', outcome.reason);
    default:
      return p;
  }
}

/** Copies only the fields of a unit reference, so that stray input properties never reach the log. */
export const unitRef = (u: UnitRef): UnitRef => ({
  unitId: u.unitId,
  unitLevel: u.unitLevel,
  regionPath: u.regionPath,
});

/** Copies only an outcome's own fields, trimmed, so that the log holds exactly what the outcome means. */
export function normaliseOutcome(o: Outcome): Outcome {
  switch (o.kind) {
    case 'mediated':
      return { kind: o.kind, agreement: o.agreement, summary: o.summary.trim() };
    case 'not_mediated':
      return { kind: o.kind, guidance: o.guidance, summary: o.summary.trim() };
    case 'answered':
      return { kind: o.kind, summary: o.summary.trim() };
    case 'not_accepted':
      return { kind: o.kind, reason: o.reason.trim() };
  }
}
