import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  addCalendarDays,
  addHours,
  addWorkingDays,
  isWorkingDay,
  makeCalendar,
  overrideFor,
  WEEKDAYS_ONLY,
  workingDayOnOrAfter,
  workingDaysBetween,
} from './calendar.js';
import { cst, endOfCstDay, lastDayCovered } from './cst.js';
import { OFFICIAL_2024_2026, WORKING_DAY_VECTORS } from './official-schedules.fixture.js';

// The hand-written table from the State Council notices; the chinese-days adapter is checked
// against the same vectors in src/storage/seed.
const cal = makeCalendar(OFFICIAL_2024_2026);

describe('working days under the official 2024–2026 schedules (hand-written overrides)', () => {
  it.each(WORKING_DAY_VECTORS)('$from + $n working days ends on $lastDay ($why)', ({ from, n, lastDay }) => {
    const due = addWorkingDays(cal, cst(from), n);
    expect(due).toEqual(endOfCstDay(lastDay));
    expect(workingDaysBetween(cal, cst(from), due)).toBe(n);
  });

  it.each([
    ['2024-02-04', true],
    ['2024-02-09', true],
    ['2024-02-12', false],
    ['2024-02-18', true],
    ['2025-01-26', true],
    ['2025-01-28', false],
    ['2025-02-08', true],
    ['2025-10-06', false],
    ['2026-01-04', true],
    ['2026-02-14', true],
    ['2026-02-23', false],
    ['2026-10-10', true],
    ['2026-03-07', false],
    ['2026-03-09', true],
  ])('%s is a working day: %s', (date, working) => {
    expect(isWorkingDay(cal, date)).toBe(working);
  });

  it('names the override of a day', () => {
    expect(overrideFor(cal, '2025-01-26')?.name).toBe('春节调休上班');
    expect(overrideFor(cal, '2025-10-06')?.name).toBe('中秋');
    expect(overrideFor(cal, '2025-03-03')).toBeUndefined();
  });

  it('counts from the CST day: 00:30 on Saturday 2024-02-10 in Beijing is still Friday in UTC', () => {
    const instant = new Date('2024-02-09T16:30:00Z');
    expect(lastDayCovered(addWorkingDays(cal, instant, 1))).toBe('2024-02-18');
    expect(lastDayCovered(addWorkingDays(cal, new Date('2024-02-09T15:30:00Z'), 1))).toBe('2024-02-18');
    expect(lastDayCovered(addWorkingDays(cal, new Date('2024-02-08T15:30:00Z'), 1))).toBe('2024-02-09');
  });

  it('n = 0 ends the current working day, or the next one on a rest day', () => {
    expect(addWorkingDays(cal, cst('2025-03-12 10:00'), 0)).toEqual(endOfCstDay('2025-03-12'));
    expect(addWorkingDays(cal, cst('2025-02-01 10:00'), 0)).toEqual(endOfCstDay('2025-02-05'));
  });

  it('finds the first working day on or after a date', () => {
    expect(workingDayOnOrAfter(cal, '2025-10-01')).toBe('2025-10-09');
    expect(workingDayOnOrAfter(cal, '2025-10-09')).toBe('2025-10-09');
  });
});

describe('calendar and hour arithmetic', () => {
  it('adds calendar days to the end of the day, the starting day not counted', () => {
    expect(addCalendarDays(cst('2025-01-27 23:59'), 10)).toEqual(endOfCstDay('2025-02-06'));
    expect(addCalendarDays(cst('2025-01-28 00:00'), 1)).toEqual(endOfCstDay('2025-01-29'));
  });

  it('adds hours exactly, through nights and holidays', () => {
    expect(addHours(cst('2025-01-28 23:00'), 2)).toEqual(cst('2025-01-29 01:00'));
    expect(addHours(cst('2025-01-28 23:00'), 0.5)).toEqual(cst('2025-01-28 23:30'));
  });

  it('counts working days between instants, negative backwards', () => {
    expect(workingDaysBetween(cal, cst('2025-01-24 10:00'), cst('2025-02-10 10:00'))).toBe(7); // 1.26, 1.27, 2.5, 2.6, 2.7, 2.8, 2.10
    expect(workingDaysBetween(cal, cst('2025-02-10 10:00'), cst('2025-01-24 10:00'))).toBe(-7);
    expect(workingDaysBetween(cal, cst('2025-03-10 10:00'), cst('2025-03-10 18:00'))).toBe(0);
    expect(Object.is(workingDaysBetween(cal, cst('2025-03-10 10:00'), cst('2025-03-10 09:00')), 0)).toBe(true);
  });

  it('falls back to Monday–Friday without overrides', () => {
    expect(addWorkingDays(WEEKDAYS_ONLY, cst('2025-01-24 10:00'), 3)).toEqual(endOfCstDay('2025-01-29'));
    expect(isWorkingDay(WEEKDAYS_ONLY, '2025-01-28')).toBe(true);
  });

  it('lets a later row override an earlier one (administrator edits over the seed)', () => {
    const edited = makeCalendar([...OFFICIAL_2024_2026, { date: '2025-01-28', kind: 'workday', name: 'edited' }]);
    expect(isWorkingDay(edited, '2025-01-28')).toBe(true);
  });

  it('refuses bad rows and bad counts', () => {
    expect(() => makeCalendar([{ date: '2025-02-30', kind: 'holiday' }])).toThrow(DomainError);
    expect(() => makeCalendar([{ date: '2025-02-03', kind: 'rest' as never }])).toThrow(DomainError);
    expect(() => addWorkingDays(cal, cst('2025-02-03'), -1)).toThrow(DomainError);
    expect(() => addCalendarDays(cst('2025-02-03'), 1.5)).toThrow(DomainError);
    expect(() => addHours(cst('2025-02-03'), -2)).toThrow(DomainError);
  });
});
