import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  isWorkingDay,
  makeCalendar,
  missingScheduleYear,
  ruleKindOf,
  unscheduledYearsIn,
  WEEKDAYS_ONLY,
} from './calendar.js';
import { cst, dayNumber, endOfCstDay } from './cst.js';
import { DEFAULT_POLICY_TABLE } from './default-policies.js';
import { OFFICIAL_2024_2026 } from './official-schedules.fixture.js';
import { resolvePolicy } from './policy.js';
import { applyExtension, recountStage, resumeStage, startStage, suspendStage } from './stage-clock.js';

// Issue 11, point 15: a year with no entered schedule (2027 here) was counted on plain weekdays with no warning.
const cal = makeCalendar(OFFICIAL_2024_2026);
const schedule2027 = makeCalendar([
  ...OFFICIAL_2024_2026,
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  { date: '2027-01-04', kind: 'holiday', name: '元旦' },
]);
const appealHandle = resolvePolicy(DEFAULT_POLICY_TABLE, 'appeal', 'general', 'handle');
const hazardSignFor = resolvePolicy(DEFAULT_POLICY_TABLE, 'hazard', 'general', 'sign_for');
const petitionHandle = resolvePolicy(DEFAULT_POLICY_TABLE, 'petition', 'general', 'handle');

describe("New Year's Day rests in every year, scheduled or not", () => {
  it.each([
    ['2027-01-01', cal, 'a Friday of 2027, which has no schedule'],
    ['2027-01-01', WEEKDAYS_ONLY, 'a calendar with no overrides at all'],
    ['2029-01-01', cal, 'a Monday'],
    ['2031-01-01', WEEKDAYS_ONLY, 'a Wednesday'],
    ['2025-01-01', cal, 'a scheduled year, by its own row'],
  ])('%s is not a working day: %#, %s', (date, calendar) => {
    expect(isWorkingDay(calendar, date)).toBe(false);
  });

  it.each([
    ['2027-01-02', 'holiday'],
    ['2027-01-04', 'workday'],
    ['2029-01-01', 'holiday'],
    ['2029-01-02', 'workday'],
    ['2028-12-31', 'holiday'],
  ] as const)('the default rule gives %s the kind %s', (date, kind) => {
    expect(ruleKindOf(dayNumber(date))).toBe(kind);
  });

  it('an override of 1 January still wins (an administrator corrects the calendar)', () => {
    const edited = makeCalendar([{ date: '2027-01-01', kind: 'workday', name: 'test' }]);
    expect(isWorkingDay(edited, '2027-01-01')).toBe(true);
  });

  it('skips 1 January when counting: 2026-12-31 + 1 working day ends on Monday 2027-01-04', () => {
    expect(addWorkingDays(cal, cst('2026-12-31 10:00'), 1)).toEqual(endOfCstDay('2027-01-04'));
  });
});

describe('years without an entered schedule', () => {
  it.each([
    ['2026-03-02 10:00', '2026-03-20 24:00', []],
    ['2026-12-20 10:00', '2027-01-05 24:00', [2027]],
    ['2026-12-20 10:00', '2027-01-01 00:00', []], // due at 24:00 of 31 December: no day of 2027 counted
    ['2023-12-30 10:00', '2024-01-10 24:00', [2023]],
    ['2026-12-01 10:00', '2029-01-05 24:00', [2027, 2028, 2029]],
    ['2027-01-05 24:00', '2026-12-20 10:00', [2027]], // either order
  ])('%s → %s crosses %j', (a, b, years) => {
    expect(unscheduledYearsIn(cal, cst(a), cst(b))).toEqual(years);
  });

  it('a year counts as scheduled once it holds any override', () => {
    expect(unscheduledYearsIn(schedule2027, cst('2026-12-20 10:00'), cst('2027-01-05 24:00'))).toEqual([]);
    expect(unscheduledYearsIn(WEEKDAYS_ONLY, cst('2025-03-02 10:00'), cst('2025-03-03 10:00'))).toEqual([2025]);
  });
});

describe('warning administrators of a missing schedule', () => {
  it.each([
    ['2026-09-30T15:59:59Z', null, 'the last second of September (CST)'],
    ['2026-09-30T16:00:00Z', 2027, '1 October 00:00 CST'],
    ['2026-12-01T02:00:00Z', 2027, 'December'],
    ['2025-11-15T02:00:00Z', null, 'November 2025: 2026 is entered'],
    ['2027-01-04T02:00:00Z', 2027, 'January of a year that is itself missing'],
  ] as [string, number | null, string][])('at %s the missing year is %s (%s)', (now, year) => {
    expect(missingScheduleYear(cal, new Date(now))).toBe(year);
  });

  it('stops once the year holds its schedule', () => {
    expect(missingScheduleYear(schedule2027, new Date('2026-12-01T02:00:00Z'))).toBeNull();
  });
});

describe('a stage counted into an unscheduled year is provisional', () => {
  it.each([
    ['days into 2027', appealHandle, '2026-12-25 10:00', true],
    ['days within 2026', appealHandle, '2026-11-02 10:00', false],
    ['hours into 2027: no calendar is read', hazardSignFor, '2026-12-31 23:00', false],
    ['calendar days into 2027', petitionHandle, '2026-11-20 10:00', true],
  ])('%s', (_why, policy, start, provisional) => {
    expect(startStage(policy, cal, cst(start)).provisional).toBe(provisional);
  });

  it('a resumption or an extension that reaches into 2027 makes it provisional', () => {
    const stage = startStage(appealHandle, cal, cst('2026-11-02 10:00'));
    expect(stage.provisional).toBe(false);
    const resumed = resumeStage(cal, suspendStage(cal, stage, cst('2026-11-03 10:00')), cst('2026-12-28 10:00'));
    expect(resumed.provisional).toBe(true);
    const petition = startStage(petitionHandle, cal, cst('2026-11-01 10:00')); // due at the end of 31 December
    expect(petition.provisional).toBe(false);
    expect(applyExtension(petition, 30, petitionHandle, cal).provisional).toBe(true);
  });
});

describe('recounting a stage when a year is scheduled', () => {
  it('moves the due over the new holidays and clears the mark', () => {
    const stage = startStage(appealHandle, cal, cst('2026-12-25 10:00'));
    expect(stage.due).toEqual(endOfCstDay('2027-01-04')); // 5 working days, 1 January already off
    const again = recountStage(appealHandle, schedule2027, stage, []);
    expect(again).toMatchObject({ due: endOfCstDay('2027-01-05'), provisional: false });
    expect(recountStage(appealHandle, schedule2027, again, [])).toEqual(again);
  });

  it('keeps a suspended stage suspended, with the time left counted under the new calendar', () => {
    const stage = startStage(appealHandle, cal, cst('2026-12-25 10:00'));
    const stopped = suspendStage(cal, stage, cst('2026-12-28 10:00'));
    const again = recountStage(appealHandle, schedule2027, stopped, []);
    expect(again.due).toBeNull();
    expect(again.suspendedAt).toEqual(cst('2026-12-28 10:00'));
    expect(resumeStage(schedule2027, again, cst('2026-12-28 10:00')).due).toEqual(endOfCstDay('2027-01-05'));
  });

  it('counts past suspensions and granted extensions again', () => {
    const stage = startStage(petitionHandle, cal, cst('2026-10-20 10:00'));
    const extended = applyExtension(stage, 10, petitionHandle, cal);
    const gap = { from: cst('2026-10-21 10:00'), to: cst('2026-10-23 10:00') };
    const resumed = resumeStage(cal, suspendStage(cal, extended, gap.from), gap.to, petitionHandle);
    expect(recountStage(petitionHandle, cal, resumed, [gap])).toEqual(resumed);
  });
});
