// The sane range of every configurable duration (issue 11, point 5): the contract's schemas, the
// core's checks and the SQL CHECKs of migration 0012 spell these numbers
// (test/storage/config-bounds.test.ts holds the SQL to them). A limit a legal rule needs is far
// inside: the longest statutory handling period is 60 days, the longest extension 30.
import type { TimeUnit } from './vocabulary.js';

/** The largest amount of a policy's limit or extension, per unit: a year of hours, a year of days. */
export const MAX_DURATION_AMOUNT: Readonly<Record<TimeUnit, number>> = Object.freeze({
  hour: 8760,
  calendar_day: 365,
  working_day: 365,
});

/** The longest yellow-card grace after the deadline: 30 days in milliseconds. */
export const MAX_YELLOW_OVERDUE_MS = 30 * 86_400_000;
/** The most working days a card rule may count (blue's lead, red's overdue). */
export const MAX_CARD_WORKING_DAYS = 365;
/** Red's overdue fraction: at most 100 times the stage's allowed time. */
export const MAX_RED_OVERDUE_FRACTION = 100;
/** The oldest backlog threshold: ten years of calendar days. */
export const MAX_BACKLOG_DAYS = 3650;
/** How many colours a difficult petition may be raised. */
export const MAX_DIFFICULT_RAISE = 2;

/** Whether an amount in a unit lies in (0, max]; days must be whole. */
export function durationInBounds(amount: number, unit: TimeUnit): boolean {
  return (
    Number.isFinite(amount) &&
    amount > 0 &&
    amount <= MAX_DURATION_AMOUNT[unit] &&
    (unit === 'hour' || Number.isInteger(amount))
  );
}
