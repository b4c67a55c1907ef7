/**
 * A stage's clock as a value a repository can store in columns: start, due (indexed; null while
 * suspended), the allowed time in the stage's measure, the remaining time while suspended, and
 * the extension used so far. Suspension (中止) stops the clock; resumption starts it again with
 * the time that was left; an approved extension (延期) moves the due instant within the policy's
 * maximum. The sweeper only reads `due` and the card instants derived from it.
 */
import { DomainError } from '../errors.js';
import { type Calendar, unscheduledYearsIn } from './calendar.js';
import { instantMs } from './cst.js';
import { type DeadlinePolicy, type Duration, dueAt, extendDue, measureFor } from './policy.js';
import { advanceBy, measureBetween, type TimeMeasure } from './working-time.js';

export { EXTENSION_STATUSES, type ExtensionStatus } from './vocabulary.js';

/** The stored state of one timed stage of an assignment. */
export type StageClock = {
  readonly start: Date;
  readonly measure: TimeMeasure;
  /** The stage's time in its measure (ms): start→due at creation, plus approved extensions. */
  readonly allowedMs: number;
  /** Exclusive due instant; null while suspended. */
  readonly due: Date | null;
  readonly suspendedAt: Date | null;
  /** Time that was left (ms, in the measure) when suspended; negative if it was already overdue. */
  readonly remainingMs: number | null;
  /** Extension granted so far, in the unit of the policy's maxExtension. */
  readonly extended: number;
  /**
   * The due instant was counted across a day of a year whose schedule was not entered (calendar.ts):
   * it may move when that year's holidays are entered (recountStage). Hour limits never are.
   */
  readonly provisional: boolean;
};

/** A suspension interval [from, to): the clock stood still between these instants. */
export type Suspension = { readonly from: Date; readonly to: Date };

/** Starts a stage at `start` under a policy: computes and fixes its due instant. */
export function startStage(policy: DeadlinePolicy, cal: Calendar, start: Date): StageClock {
  const due = dueAt(policy, cal, start);
  const measure = measureFor(policy.unit);
  const allowedMs = measureBetween(cal, measure, start, due);
  const clock = { start, measure, allowedMs, due, suspendedAt: null, remainingMs: null, extended: 0 };
  return { ...clock, provisional: isProvisional(cal, clock, policy) };
}

/**
 * Whether a running clock's due was counted across a day of a year without an entered schedule: its
 * start to its due crosses such a year and the count read the calendar (a limit in days, or an
 * extension in days). Without the policy, a clock in working time reads it. Computed the same way
 * wherever a due is set, so a recount under the same calendar finds the same mark.
 */
export function isProvisional(
  cal: Calendar,
  clock: Pick<StageClock, 'start' | 'due' | 'measure' | 'extended'>,
  policy?: Pick<DeadlinePolicy, 'unit' | 'maxExtension'>,
): boolean {
  if (clock.due === null) return false;
  const reads = policy
    ? policy.unit !== 'hour' || (clock.extended > 0 && (policy.maxExtension?.unit ?? 'hour') !== 'hour')
    : clock.measure === 'working_time';
  return reads && unscheduledYearsIn(cal, clock.start, clock.due).length > 0;
}

/** Stops the clock at `at`; a suspended stage has no due instant and collects no cards. */
export function suspendStage(cal: Calendar, stage: StageClock, at: Date): StageClock {
  if (stage.due === null)
    throw new DomainError('InvalidTransition', 'stage is already suspended', { suspendedAt: stage.suspendedAt });
  const remainingMs = measureBetween(cal, stage.measure, at, stage.due);
  return { ...stage, due: null, suspendedAt: at, remainingMs };
}

/** Restarts the clock at `at` with the time that was left when it stopped (the policy decides the provisional mark). */
export function resumeStage(
  cal: Calendar,
  stage: StageClock,
  at: Date,
  policy?: Pick<DeadlinePolicy, 'unit' | 'maxExtension'>,
): StageClock {
  if (stage.due !== null || stage.suspendedAt === null || stage.remainingMs === null) {
    throw new DomainError('InvalidTransition', 'stage is not suspended');
  }
  if (instantMs(at) < instantMs(stage.suspendedAt)) {
    throw new DomainError('ValidationFailed', 'resumed before it was suspended', {
      suspendedAt: stage.suspendedAt,
      at,
    });
  }
  const due = advanceBy(cal, stage.measure, at, stage.remainingMs);
  const resumed = { ...stage, due, suspendedAt: null, remainingMs: null };
  return { ...resumed, provisional: isProvisional(cal, resumed, policy) };
}

/**
 * The due instant after a list of suspensions (ascending, not overlapping), recomputed from the
 * original due: each interval shifts it by the interval's length in the measure. It equals
 * suspending and resuming one by one, so a sweeper can rebuild `due` from the case events.
 */
export function dueAfterSuspensions(
  cal: Calendar,
  measure: TimeMeasure,
  due: Date,
  suspensions: readonly Suspension[],
): Date {
  let current = due;
  let previousEnd = -Infinity;
  for (const { from, to } of suspensions) {
    if (instantMs(to) < instantMs(from) || instantMs(from) < previousEnd) {
      throw new DomainError('ValidationFailed', 'suspensions must be ascending and not overlap', { from, to });
    }
    current = advanceBy(cal, measure, to, measureBetween(cal, measure, from, current));
    previousEnd = instantMs(to);
  }
  return current;
}

/**
 * What is left of the policy's maximum extension for a stage, in that maximum's unit; null when the
 * policy allows none. The case page uses it to bound a request before the server would refuse it.
 */
export function extensionLeft(stage: StageClock, policy: DeadlinePolicy): Duration | null {
  const max = policy.maxExtension;
  return max ? { amount: Math.max(0, max.amount - stage.extended), unit: max.unit } : null;
}

/**
 * Moves the due instant by `amount` (in the unit of the policy's maxExtension) after approval;
 * refuses when the policy allows no extension or the total would pass its maximum.
 */
export function applyExtension(stage: StageClock, amount: number, policy: DeadlinePolicy, cal: Calendar): StageClock {
  const max = policy.maxExtension;
  if (!max) throw new DomainError('Unprocessable', 'this stage allows no extension', { stage: policy.stage });
  if (!Number.isInteger(amount) || amount <= 0) {
    throw new DomainError('ValidationFailed', `extension must be a whole number > 0, got ${amount}`, { amount });
  }
  if (stage.extended + amount > max.amount) {
    throw new DomainError('Unprocessable', `extension beyond the maximum of ${max.amount} ${max.unit}`, {
      max: max.amount,
      unit: max.unit,
      used: stage.extended,
      requested: amount,
    });
  }
  if (stage.due === null) throw new DomainError('InvalidTransition', 'resume a suspended stage before extending it');
  const due = extendDue(cal, stage.due, { amount, unit: max.unit }, policy.rollToWorkingDay ?? true);
  const allowedMs = stage.allowedMs + measureBetween(cal, stage.measure, stage.due, due);
  const extended = { ...stage, due, allowedMs, extended: stage.extended + amount };
  return { ...extended, provisional: isProvisional(cal, extended, policy) };
}

/**
 * The clock counted again from its start under another calendar (a year's schedule entered or
 * changed): the policy's due from the start, the extension granted so far, then the suspensions
 * (ascending; the stage's own open suspension, if any, is taken from the clock). Under the calendar
 * the clock was counted with it returns the same clock, so re-counting is safe to repeat.
 */
export function recountStage(
  policy: DeadlinePolicy,
  cal: Calendar,
  clock: StageClock,
  suspensions: readonly Suspension[],
): StageClock {
  let base = dueAt(policy, cal, clock.start);
  const max = policy.maxExtension;
  if (clock.extended > 0 && max)
    base = extendDue(cal, base, { amount: clock.extended, unit: max.unit }, policy.rollToWorkingDay ?? true);
  const allowedMs = measureBetween(cal, clock.measure, clock.start, base);
  const due = dueAfterSuspensions(cal, clock.measure, base, suspensions);
  const provisional = isProvisional(cal, { ...clock, due }, policy);
  if (clock.suspendedAt === null) return { ...clock, allowedMs, due, remainingMs: null, provisional };
  const remainingMs = measureBetween(cal, clock.measure, clock.suspendedAt, due);
  return { ...clock, allowedMs, due: null, remainingMs, provisional };
}
