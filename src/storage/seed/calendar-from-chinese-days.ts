/**
 * Seed rows for the working-day calendar from the `chinese-days` package (State Council holiday
 * schedules, 2004 up to the newest year it carries): every statutory holiday day (including those
 * that fall on a weekend, so the calendar can name them) and every make-up working day (调休上班).
 * Administrators edit the copied table afterwards; this adapter is only the first fill.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { CalendarDay } from '../../core/deadline/calendar.js';

type ChineseDaysData = {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
};

// The package stores each name as "English,中文,N" (e.g. "Spring Festival,春节,4").
function chineseName(raw: string): string {
  const parts = raw.split(',');
  return (parts[1] ?? parts[0] ?? raw).trim();
}

/** Calendar rows from chinese-days data: holidays by their Chinese name, make-up days as "<name>调休上班"; sorted by date. */
export function calendarRowsFromChineseDays(data: ChineseDaysData = chineseDays): CalendarDay[] {
  const rows: CalendarDay[] = [
    ...Object.entries(data.holidays).map(
      ([date, raw]): CalendarDay => ({ date, kind: 'holiday', name: chineseName(raw) }),
    ),
    ...Object.entries(data.workdays).map(
      ([date, raw]): CalendarDay => ({ date, kind: 'workday', name: `${chineseName(raw)}调休上班` }),
    ),
  ];
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The years the package covers, ascending (the calendar falls back to Monday–Friday beyond them). */
export function chineseDaysYears(data: ChineseDaysData = chineseDays): number[] {
  const years = new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))));
  return [...years].sort((a, b) => a - b);
}
