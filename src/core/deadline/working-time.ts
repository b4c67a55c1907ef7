/**
 * Measuring a stage's clock. Two measures:
 * - 'elapsed': wall-clock time (hour and calendar-day limits run through nights and weekends);
 * - 'working_time': only the time that lies inside working days counts, each working day being
 *   the whole CST day 00:00–24:00 (a working-day limit is counted in whole days, not office hours).
 * Suspension, extensions and card instants are all computed in the stage's own measure, so
 * "80 % of a 3-working-day stage" skips the weekend just as the deadline does.
 */
import { DomainError } from '../errors.js';
import { type Calendar, isWorkingDayNumber } from './calendar.js';
import { cstDayOfMs, DAY_MS, instantMs, startOfCstDayMs } from './cst.js';

import type { TimeMeasure } from './vocabulary.js';

export { TIME_MEASURES, type TimeMeasure } from './vocabulary.js';

/** Milliseconds of working-day time in [a, b); negative when b < a. */
export function workingMsBetween(cal: Calendar, a: Date, b: Date): number {
  const [from, to] = [instantMs(a), instantMs(b)];
  if (to < from) return 0 - workingMsBetween(cal, b, a);
  let total = 0;
  for (let day = cstDayOfMs(from); startOfCstDayMs(day) < to; day += 1) {
    if (!isWorkingDayNumber(cal, day)) continue;
    total += Math.min(to, startOfCstDayMs(day) + DAY_MS) - Math.max(from, startOfCstDayMs(day));
  }
  return total;
}

/** The earliest instant t ≥ from with workingMsBetween(from, t) = ms (ms ≥ 0). */
function advanceWorkingMs(cal: Calendar, from: number, ms: number): number {
  let [cursor, left, day] = [from, ms, cstDayOfMs(from)];
  for (;;) {
    if (left === 0) return cursor;
    if (isWorkingDayNumber(cal, day)) {
      const available = startOfCstDayMs(day) + DAY_MS - cursor;
      if (left <= available) return cursor + left;
      left -= available;
    }
    day += 1;
    cursor = startOfCstDayMs(day);
  }
}

/** The latest instant t ≤ to with workingMsBetween(t, to) = ms (ms ≥ 0). */
function retreatWorkingMs(cal: Calendar, to: number, ms: number): number {
  let [cursor, left, day] = [to, ms, cstDayOfMs(to)];
  for (;;) {
    if (left === 0) return cursor;
    if (isWorkingDayNumber(cal, day)) {
      const available = cursor - startOfCstDayMs(day);
      if (left <= available) return cursor - left;
      left -= available;
    }
    cursor = startOfCstDayMs(day);
    day -= 1;
  }
}

/** Time from a to b in a measure, in ms; negative when b < a. */
export function measureBetween(cal: Calendar, measure: TimeMeasure, a: Date, b: Date): number {
  return measure === 'elapsed' ? instantMs(b) - instantMs(a) : workingMsBetween(cal, a, b);
}

/**
 * The instant reached by running the clock ms from `from` (backwards when ms < 0). In working
 * time it is the first instant the amount is reached going forwards, the last going backwards,
 * so a deadline never waits through a weekend that lies at its edge.
 */
export function advanceBy(cal: Calendar, measure: TimeMeasure, from: Date, ms: number): Date {
  if (!Number.isFinite(ms)) throw new DomainError('ValidationFailed', `not a duration: ${ms}`, { ms });
  const start = instantMs(from);
  const whole = Math.round(ms);
  if (measure === 'elapsed') return new Date(start + whole);
  return new Date(whole >= 0 ? advanceWorkingMs(cal, start, whole) : retreatWorkingMs(cal, start, -whole));
}
