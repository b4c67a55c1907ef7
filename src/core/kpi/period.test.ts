import { describe, expect, it } from 'vitest';
import { cst } from '../deadline/cst.js';
import { customPeriod, periodOf, previousPeriod, samePeriodLastYear, within } from './period.js';

const show = (p: { from: Date; to: Date }) => [p.from.toISOString(), p.to.toISOString()];
const cstDay = (d: string) => cst(`${d} 00:00`).toISOString();

describe('reporting periods in CST', () => {
  it.each([
    ['day', '2026-03-15', '2026-03-15', '2026-03-16'],
    ['week', '2026-03-15', '2026-03-09', '2026-03-16'], // a Sunday belongs to the week that began on Monday
    ['week', '2026-03-16', '2026-03-16', '2026-03-23'],
    ['month', '2026-02-10', '2026-02-01', '2026-03-01'],
    ['month', '2026-12-31', '2026-12-01', '2027-01-01'],
    ['quarter', '2026-05-20', '2026-04-01', '2026-07-01'],
    ['quarter', '2026-12-01', '2026-10-01', '2027-01-01'],
    ['half', '2026-06-30', '2026-01-01', '2026-07-01'],
    ['half', '2026-07-01', '2026-07-01', '2027-01-01'],
    ['year', '2024-02-29', '2024-01-01', '2025-01-01'],
  ] as const)('%s containing %s runs from %s to %s', (kind, date, first, next) => {
    expect(show(periodOf(kind, date))).toEqual([cstDay(first), cstDay(next)]);
  });

  it('is half-open: midnight CST belongs to the next day', () => {
    const day = periodOf('day', '2026-03-15');
    expect(within(day, cst('2026-03-15 00:00'))).toBe(true);
    expect(within(day, cst('2026-03-15 23:59'))).toBe(true);
    expect(within(day, cst('2026-03-16 00:00'))).toBe(false);
  });

  it.each([
    ['month', '2026-01-15', '2025-12-01', '2026-01-01'],
    ['quarter', '2026-02-01', '2025-10-01', '2026-01-01'],
    ['week', '2026-03-11', '2026-03-02', '2026-03-09'],
    ['year', '2026-06-01', '2025-01-01', '2026-01-01'],
  ] as const)('the %s before the one containing %s is %s to %s', (kind, date, first, next) => {
    expect(show(previousPeriod(periodOf(kind, date)))).toEqual([cstDay(first), cstDay(next)]);
  });

  it('the range before a custom range has as many days and ends where it starts', () => {
    const p = customPeriod('2026-03-10', '2026-03-19');
    expect(show(previousPeriod(p))).toEqual([cstDay('2026-02-28'), cstDay('2026-03-10')]);
  });

  it('the same period last year keeps the dates; 29 February falls back to the 28th', () => {
    expect(show(samePeriodLastYear(periodOf('month', '2026-02-10')))).toEqual([
      cstDay('2025-02-01'),
      cstDay('2025-03-01'),
    ]);
    expect(show(samePeriodLastYear(customPeriod('2024-02-29', '2024-03-01')))).toEqual([
      cstDay('2023-02-28'),
      cstDay('2023-03-02'),
    ]);
    expect(show(samePeriodLastYear(periodOf('quarter', '2026-11-30')))).toEqual([
      cstDay('2025-10-01'),
      cstDay('2026-01-01'),
    ]);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => customPeriod('2026-03-10', '2026-03-09')).toThrow(/ends \(2026-03-09\) before/);
  });
});
