import { describe, expect, it } from 'vitest';
import { makeCalendar } from './calendar.js';
import { cst, DAY_MS } from './cst.js';
import { OFFICIAL_2024_2026 } from './official-schedules.fixture.js';
import { advanceBy, measureBetween, workingMsBetween } from './working-time.js';

const cal = makeCalendar(OFFICIAL_2024_2026);
const H = 3_600_000;

describe('working time: whole CST working days count, rest days do not', () => {
  it.each([
    ['2025-03-10 10:00', '2025-03-11 24:00', 38 * H, 'Monday 10:00 to the end of Tuesday'],
    ['2025-03-14 10:00', '2025-03-17 24:00', 38 * H, 'Friday 10:00 to the end of Monday: the weekend is skipped'],
    ['2025-01-27 12:00', '2025-02-05 12:00', 24 * H, 'across the 2025 Spring Festival: half of 1.27 and half of 2.5'],
    ['2025-02-01 00:00', '2025-02-02 24:00', 0, 'a holiday weekend'],
    ['2025-03-12 09:00', '2025-03-10 09:00', -48 * H, 'backwards'],
  ])('%s → %s is %d ms (%s)', (a, b, ms) => {
    expect(workingMsBetween(cal, cst(a), cst(b))).toBe(ms);
    expect(measureBetween(cal, 'working_time', cst(a), cst(b))).toBe(ms);
  });

  it('elapsed time is the wall clock', () => {
    expect(measureBetween(cal, 'elapsed', cst('2025-02-01 00:00'), cst('2025-02-03 00:00'))).toBe(2 * DAY_MS);
  });

  it('runs forwards to the first instant that reaches the amount, not waiting through a weekend', () => {
    expect(advanceBy(cal, 'working_time', cst('2025-03-13 24:00'), 3 * DAY_MS)).toEqual(cst('2025-03-18 24:00'));
    expect(advanceBy(cal, 'working_time', cst('2025-03-14 10:00'), 14 * H)).toEqual(cst('2025-03-14 24:00'));
    expect(advanceBy(cal, 'working_time', cst('2025-03-15 10:00'), 1 * H)).toEqual(cst('2025-03-17 01:00'));
    expect(advanceBy(cal, 'working_time', cst('2025-09-30 18:00'), 7 * H)).toEqual(cst('2025-10-09 01:00'));
  });

  it('runs backwards to the last instant that reaches the amount', () => {
    expect(advanceBy(cal, 'working_time', cst('2025-03-17 24:00'), -DAY_MS)).toEqual(cst('2025-03-17 00:00'));
    expect(advanceBy(cal, 'working_time', cst('2025-03-17 24:00'), -25 * H)).toEqual(cst('2025-03-14 23:00'));
    expect(advanceBy(cal, 'working_time', cst('2025-03-16 12:00'), -H)).toEqual(cst('2025-03-14 23:00'));
  });

  it('zero moves nothing; elapsed moves exactly', () => {
    expect(advanceBy(cal, 'working_time', cst('2025-03-15 10:00'), 0)).toEqual(cst('2025-03-15 10:00'));
    expect(advanceBy(cal, 'elapsed', cst('2025-03-15 10:00'), -H)).toEqual(cst('2025-03-15 09:00'));
  });
});
