/**
 * Deadline policies (时限规则) as data: per case kind × complexity × stage, an amount and a unit.
 * The due instant is computed once, when the stage starts, and stored; changing the table later
 * does not move existing deadlines.
 */
import { DomainError } from '../errors.js';
import {
  addCalendarDays,
  addHours,
  addWorkingDays,
  type Calendar,
  isWorkingDayNumber,
  nextWorkingDayNumber,
} from './calendar.js';
import { cstDayOfMs, DAY_MS, instantMs, startOfCstDayMs } from './cst.js';
import { advanceBy, type TimeMeasure } from './working-time.js';

import type { CaseKind, Complexity } from '../case/types.js';

// Kind and complexity are the case model's (case/types.ts), re-exported for the deadline modules.
export type { CaseKind, Complexity };
import { TIME_UNITS, type StageName, type TimeUnit } from './vocabulary.js';
import { durationInBounds } from './bounds.js';

export { STAGE_NAMES, TIME_UNITS, type StageName, type TimeUnit } from './vocabulary.js';
/** An amount of time in a unit. */
export type Duration = { readonly amount: number; readonly unit: TimeUnit };

/** One row of the policy table; '*' matches any kind or complexity. */
export type DeadlinePolicy = Duration & {
  readonly kind: CaseKind | '*';
  readonly complexity: Complexity | '*';
  readonly stage: StageName;
  /** Total extension a leader may approve, summed over all extensions; absent = none allowed. */
  readonly maxExtension?: Duration;
  /**
   * calendar_day only, default true: a period whose last day is a rest day ends on the next
   * working day (民法典第二百零三条：期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
   */
  readonly rollToWorkingDay?: boolean;
  /** Where the rule comes from (law, regulation, or 平台默认 — the platform's own choice), shown to administrators. */
  readonly source?: string;
};

/** The policy table: rows without duplicates of (kind, complexity, stage). */
export type PolicyTable = readonly DeadlinePolicy[];

/** The measure a unit's clock runs in: working days count working time, the rest wall time. */
export function measureFor(unit: TimeUnit): TimeMeasure {
  return unit === 'working_day' ? 'working_time' : 'elapsed';
}

function checkDuration(d: Duration, where: string): void {
  if (!TIME_UNITS.includes(d.unit) || !durationInBounds(d.amount, d.unit)) {
    throw new DomainError('ValidationFailed', `${where}: invalid duration ${d.amount} ${d.unit}`, { where, ...d });
  }
}

/** Checks a table (amounts in bounds.ts's range, whole days, no duplicate keys); returns it or throws ValidationFailed. */
export function validatePolicyTable(table: PolicyTable): PolicyTable {
  const seen = new Set<string>();
  for (const p of table) {
    const key = `${p.kind}/${p.complexity}/${p.stage}`;
    if (seen.has(key)) throw new DomainError('ValidationFailed', `duplicate policy ${key}`, { key });
    seen.add(key);
    checkDuration(p, key);
    if (p.maxExtension) checkDuration(p.maxExtension, `${key} maxExtension`);
  }
  return table;
}

/**
 * The policy for a stage. Fallback order, most specific first:
 * (kind, complexity) → (kind, '*') → ('*', complexity) → ('*', '*'); none → NotFound.
 */
export function resolvePolicy(
  table: PolicyTable,
  kind: CaseKind,
  complexity: Complexity,
  stage: StageName,
): DeadlinePolicy {
  const order: ReadonlyArray<readonly [CaseKind | '*', Complexity | '*']> = [
    [kind, complexity],
    [kind, '*'],
    ['*', complexity],
    ['*', '*'],
  ];
  for (const [k, c] of order) {
    const hit = table.find((p) => p.stage === stage && p.kind === k && p.complexity === c);
    if (hit) return hit;
  }
  throw noPolicy(kind, complexity, stage);
}

/**
 * The policy for a stage from layered tables, nearest jurisdiction first (a county's rows before
 * the province's before the top's): the first layer with a fitting row wins, with resolvePolicy's
 * fallback order inside it, so a county's (*, *, handle) overrides the top's (appeal, general, handle).
 */
export function resolveNearestPolicy(
  layers: readonly PolicyTable[],
  kind: CaseKind,
  complexity: Complexity,
  stage: StageName,
): DeadlinePolicy {
  for (const table of layers) {
    try {
      return resolvePolicy(table, kind, complexity, stage);
    } catch {
      // no row of this layer fits the case: the next layer up decides
    }
  }
  throw noPolicy(kind, complexity, stage);
}

/** Why a stored row cannot time a stage (outside bounds.ts's range, a bad unit), or null when it can. */
export function policyProblem(p: DeadlinePolicy): string | null {
  try {
    checkDuration(p, 'amount');
    if (p.maxExtension) checkDuration(p.maxExtension, 'maxExtension');
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

function noPolicy(kind: CaseKind, complexity: Complexity, stage: StageName): DomainError {
  return new DomainError('NotFound', `no deadline policy for ${kind}/${complexity}/${stage}`, {
    kind,
    complexity,
    stage,
  });
}

/** 24:00 of `day`, moved to 24:00 of the next working day when `day` is a rest day. */
function endOfDayRolled(cal: Calendar, day: number): Date {
  const last = isWorkingDayNumber(cal, day) ? day : nextWorkingDayNumber(cal, day);
  return new Date(startOfCstDayMs(last + 1));
}

/**
 * When a stage that starts at `start` is due, as an exclusive instant: hours exactly; days as
 * 24:00 +08:00 of the last day, the starting day not counted (民法典第二百零一条).
 */
export function dueAt(policy: Duration & Pick<DeadlinePolicy, 'rollToWorkingDay'>, cal: Calendar, start: Date): Date {
  checkDuration(policy, 'policy');
  if (policy.unit === 'hour') return addHours(start, policy.amount);
  if (policy.unit === 'working_day') return addWorkingDays(cal, start, policy.amount);
  if (policy.rollToWorkingDay === false) return addCalendarDays(start, policy.amount);
  return endOfDayRolled(cal, cstDayOfMs(instantMs(start)) + policy.amount);
}

/**
 * A due instant moved on by a duration (for extensions): hours and calendar days exactly,
 * working days in working time; a calendar-day result ending on a rest day at midnight rolls on.
 */
export function extendDue(cal: Calendar, due: Date, by: Duration, rollToWorkingDay = true): Date {
  checkDuration(by, 'extension');
  const from = instantMs(due);
  if (by.unit === 'hour') return addHours(due, by.amount);
  if (by.unit === 'working_day') return advanceBy(cal, 'working_time', due, by.amount * DAY_MS);
  const moved = from + by.amount * DAY_MS;
  const atMidnight = startOfCstDayMs(cstDayOfMs(moved)) === moved;
  if (!rollToWorkingDay || !atMidnight) return new Date(moved);
  return endOfDayRolled(cal, cstDayOfMs(moved) - 1);
}
