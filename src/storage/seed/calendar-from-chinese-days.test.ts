import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, makeCalendar, workingDaysBetween } from '../../core/deadline/calendar.js';
import { cst, dayNumber, endOfCstDay, weekdayOf } from '../../core/deadline/cst.js';
import { OFFICIAL_2024_2026, WORKING_DAY_VECTORS } from '../../core/deadline/official-schedules.fixture.js';
import { calendarRowsFromChineseDays, chineseDaysYears } from './calendar-from-chinese-days.js';

const rows = calendarRowsFromChineseDays();
const cal = makeCalendar(rows);
const isWeekend = (date: string) => [0, 6].includes(weekdayOf(dayNumber(date)));

describe('calendar rows from chinese-days', () => {
  it('covers every year of the package, 2004 to at least 2026, one row per date', () => {
    const years = chineseDaysYears();
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBeGreaterThanOrEqual(2026);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i));
    expect(new Set(rows.map((r) => r.date)).size).toBe(rows.length);
    expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort());
  });

  it('names holidays in Chinese and make-up days as 调休上班', () => {
    expect(rows.find((r) => r.date === '2025-01-28')).toEqual({ date: '2025-01-28', kind: 'holiday', name: '春节' });
    expect(rows.find((r) => r.date === '2025-01-26')).toEqual({
      date: '2025-01-26',
      kind: 'workday',
      name: '春节调休上班',
    });
    expect(rows.filter((r) => r.kind === 'workday').every((r) => isWeekend(r.date))).toBe(true);
  });

  it('agrees with the hand-written State Council table for 2024–2026 on every effective override', () => {
    const effective = rows
      .filter((r) => r.date >= '2024-01-01' && r.date <= '2026-12-31')
      .filter((r) => (r.kind === 'holiday') !== isWeekend(r.date));
    const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : 1);
    expect(effective.sort(byDate)).toEqual([...OFFICIAL_2024_2026].sort(byDate));
  });

  it.each(WORKING_DAY_VECTORS)('$from + $n working days ends on $lastDay ($why)', ({ from, n, lastDay }) => {
    const due = addWorkingDays(cal, cst(from), n);
    expect(due).toEqual(endOfCstDay(lastDay));
    expect(workingDaysBetween(cal, cst(from), due)).toBe(n);
  });

  it.each([
    ['2024-02-18', true],
    ['2024-02-17', false],
    ['2025-10-11', true],
    ['2025-10-06', false],
    ['2026-02-28', true],
    ['2026-02-21', false],
    ['2020-01-31', false],
    ['2008-05-04', true],
  ])('%s is a working day: %s', (date, working) => {
    expect(isWorkingDay(cal, date)).toBe(working);
  });
});
