import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  cst,
  cstDateOf,
  dayNumber,
  deadlineLabel,
  endOfCstDay,
  lastDayCovered,
  startOfCstDay,
  weekdayOf,
} from './cst.js';

describe('China Standard Time days', () => {
  it.each([
    ['2024-02-09T15:59:59.999Z', '2024-02-09'],
    ['2024-02-09T16:00:00.000Z', '2024-02-10'],
    ['2025-01-27T16:30:00.000Z', '2025-01-28'],
    ['2025-12-31T23:00:00.000Z', '2026-01-01'],
  ])('instant %s falls on the CST day %s, whatever the server zone', (utc, day) => {
    expect(cstDateOf(new Date(utc))).toBe(day);
  });

  it('a day starts at 00:00 +08:00 and a day-counted period ends at 24:00 +08:00 (the next 00:00)', () => {
    expect(startOfCstDay('2025-02-05').toISOString()).toBe('2025-02-04T16:00:00.000Z');
    expect(endOfCstDay('2025-02-05').toISOString()).toBe('2025-02-05T16:00:00.000Z');
    expect(lastDayCovered(endOfCstDay('2025-02-05'))).toBe('2025-02-05');
  });

  it('labels a midnight deadline as 24:00 of its last day, others by wall time', () => {
    expect(deadlineLabel(endOfCstDay('2025-02-05'))).toBe('2025-02-05 24:00');
    expect(deadlineLabel(cst('2025-03-15 23:36'))).toBe('2025-03-15 23:36');
  });

  it('reads CST wall times for fixtures', () => {
    expect(cst('2025-01-28 08:00').toISOString()).toBe('2025-01-28T00:00:00.000Z');
    expect(cst('2025-01-28 24:00').getTime()).toBe(startOfCstDay('2025-01-29').getTime());
  });

  it('knows the weekday of a day', () => {
    expect(weekdayOf(dayNumber('2025-01-28'))).toBe(2);
    expect(weekdayOf(dayNumber('2026-02-14'))).toBe(6);
    expect(weekdayOf(dayNumber('1969-12-28'))).toBe(0);
  });

  it.each(['2025-02-30', '2025-13-01', '25-01-01', 'tomorrow'])('refuses the malformed date %s', (bad) => {
    expect(() => dayNumber(bad)).toThrow(DomainError);
  });

  it('refuses an invalid instant', () => {
    expect(() => cstDateOf(new Date('nonsense'))).toThrow(DomainError);
  });
});
