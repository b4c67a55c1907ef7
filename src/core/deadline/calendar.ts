/**
 * The working-day calendar (工作日历): Monday–Friday work, Saturday and Sunday rest, unless an
 * explicit override says otherwise — a statutory holiday on a weekday, or a make-up working day
 * (调休上班) on a weekend, as published each year by the State Council (国务院办公厅关于部分节假日
 * 安排的通知). Overrides are data (seeded from `chinese-days`, editable by administrators).
 *
 * New Year's Day (元旦, 1 January) is a holiday in every year by law (全国年节及纪念日放假办法第二条),
 * so it rests even in a year whose schedule has not been entered; an override of that date still wins.
 * A year with no override at all has no entered schedule: deadlines counted across any of its days
 * are provisional (`unscheduledYearsIn`), since its holidays and make-up days are not yet known.
 *
 * Days are CST days (see cst.ts). Day-counted results are exclusive due instants at 24:00 +08:00
 * of the last day, and the day of the starting instant is not counted
 * (民法典第二百零一条：开始的当日不计入，自下一日开始计算；第二百零三条：截止时间为二十四时).
 */
import { DomainError } from '../errors.js';
import { cstDayOfMs, dayNumber, instantMs, isoDateOf, startOfCstDayMs, weekdayOf, type IsoDate } from './cst.js';

import type { DayKind } from './vocabulary.js';

export { CALENDAR_SOURCES, DAY_KINDS, type CalendarSource, type DayKind } from './vocabulary.js';

/** One override row: a date, its kind, and the holiday's name (or the make-up day's, 调休). */
export type CalendarDay = { readonly date: IsoDate; readonly kind: DayKind; readonly name?: string | null };

/**
 * A working-day calendar: the default rule (Monday–Friday, New Year's Day off) plus overrides keyed by
 * day number, and the years whose schedule has been entered (those that hold any override).
 */
export type Calendar = {
  readonly overrides: ReadonlyMap<number, CalendarDay>;
  readonly scheduledYears: ReadonlySet<number>;
};

/** Builds a calendar from override rows; a later row for the same date wins (seed first, edits after). */
export function makeCalendar(days: Iterable<CalendarDay>): Calendar {
  const overrides = new Map<number, CalendarDay>();
  const scheduledYears = new Set<number>();
  for (const day of days) {
    if (day.kind !== 'workday' && day.kind !== 'holiday') {
      throw new DomainError('ValidationFailed', `unknown day kind: ${String(day.kind)}`, { date: day.date });
    }
    overrides.set(dayNumber(day.date), day);
    scheduledYears.add(Number(day.date.slice(0, 4)));
  }
  return { overrides, scheduledYears };
}

/** The CST year of a day number. */
export const yearOfDay = (day: number): number => Number(isoDateOf(day).slice(0, 4));

/** The kind a day has without any override: rest on Saturday, Sunday and New Year's Day, work otherwise. */
export function ruleKindOf(day: number): DayKind {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6 || isoDateOf(day).endsWith('-01-01') ? 'holiday' : 'workday';
}

/**
 * The year whose missing schedule administrators should be warned of at `now`: the current CST year
 * when it has none, else from 1 October the next year when it has none (the State Council publishes
 * the next year's schedule in the autumn, usually in November); null when nothing is missing.
 */
export function missingScheduleYear(cal: Calendar, now: Date): number | null {
  const today = isoDateOf(cstDayOfMs(instantMs(now)));
  const year = Number(today.slice(0, 4));
  if (!cal.scheduledYears.has(year)) return year;
  return today.slice(5) >= '10-01' && !cal.scheduledYears.has(year + 1) ? year + 1 : null;
}

/** The calendar with no overrides: plain Monday–Friday weeks (and New Year's Day), no year scheduled. */
export const WEEKDAYS_ONLY: Calendar = makeCalendar([]);

/** Whether a day number is a working day under the calendar. */
export function isWorkingDayNumber(cal: Calendar, day: number): boolean {
  const override = cal.overrides.get(day);
  if (override) return override.kind === 'workday';
  return ruleKindOf(day) === 'workday';
}

/**
 * The years without an entered schedule among the CST days a count from `a` to the exclusive instant
 * `b` crosses (the day of `a` through the last day `b` covers), ascending; empty when every one has its
 * schedule. A deadline counted across such a day is provisional: the year's holidays may still move it.
 */
export function unscheduledYearsIn(cal: Calendar, a: Date, b: Date): number[] {
  const [from, to] = [instantMs(a), instantMs(b)].sort((x, y) => x - y) as [number, number];
  const first = yearOfDay(cstDayOfMs(from));
  const last = yearOfDay(cstDayOfMs(Math.max(from, to - 1)));
  const out: number[] = [];
  for (let y = first; y <= last; y += 1) if (!cal.scheduledYears.has(y)) out.push(y);
  return out;
}

/** Whether a CST date ('YYYY-MM-DD') is a working day. */
export function isWorkingDay(cal: Calendar, date: IsoDate): boolean {
  return isWorkingDayNumber(cal, dayNumber(date));
}

/** The override for a date (holiday or make-up working day), if any, for display. */
export function overrideFor(cal: Calendar, date: IsoDate): CalendarDay | undefined {
  return cal.overrides.get(dayNumber(date));
}

/** The first working day number strictly after a day number. */
export function nextWorkingDayNumber(cal: Calendar, day: number): number {
  let d = day + 1;
  // Terminates: overrides are finite, so some later weekday is a working day.
  while (!isWorkingDayNumber(cal, d)) d += 1;
  return d;
}

/** The first working day on or after a CST date. */
export function workingDayOnOrAfter(cal: Calendar, date: IsoDate): IsoDate {
  const day = dayNumber(date);
  return isoDateOf(isWorkingDayNumber(cal, day) ? day : nextWorkingDayNumber(cal, day));
}

function requireCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new DomainError('ValidationFailed', `${what} must be a whole number ≥ 0, got ${n}`, { n });
  }
}

/**
 * 24:00 +08:00 of the n-th working day after the CST day of `instant` (that day not counted).
 * n = 0 means the end of the current day if it is a working day, else of the next working day.
 */
export function addWorkingDays(cal: Calendar, instant: Date, n: number): Date {
  requireCount(n, 'working days');
  let day = cstDayOfMs(instantMs(instant));
  if (n === 0 && !isWorkingDayNumber(cal, day)) day = nextWorkingDayNumber(cal, day);
  for (let i = 0; i < n; i += 1) day = nextWorkingDayNumber(cal, day);
  return new Date(startOfCstDayMs(day + 1));
}

/** 24:00 +08:00 of the n-th calendar day after the CST day of `instant` (that day not counted). */
export function addCalendarDays(instant: Date, n: number): Date {
  requireCount(n, 'calendar days');
  return new Date(startOfCstDayMs(cstDayOfMs(instantMs(instant)) + n + 1));
}

/** Exactly n hours after `instant` (hour limits run round the clock, e.g. hazards). */
export function addHours(instant: Date, n: number): Date {
  if (!Number.isFinite(n) || n < 0) throw new DomainError('ValidationFailed', `hours must be ≥ 0, got ${n}`, { n });
  return new Date(instantMs(instant) + Math.round(n * 3_600_000));
}

/**
 * Working days d with day(a) < d ≤ day(b'), where b' is the last day b still covers (b − 1 ms),
 * so that workingDaysBetween(cal, a, addWorkingDays(cal, a, n)) = n (n ≥ 1); negative when b < a.
 */
export function workingDaysBetween(cal: Calendar, a: Date, b: Date): number {
  if (instantMs(b) < instantMs(a)) return 0 - workingDaysBetween(cal, b, a);
  const from = cstDayOfMs(instantMs(a));
  const to = cstDayOfMs(instantMs(b) - 1);
  let count = 0;
  for (let d = from + 1; d <= to; d += 1) if (isWorkingDayNumber(cal, d)) count += 1;
  return count;
}
