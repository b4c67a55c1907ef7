import { describe, expect, it } from 'vitest';
import { makeCalendar } from './calendar.js';
import { cst, DAY_MS, endOfCstDay } from './cst.js';
import { DEFAULT_POLICY_TABLE } from './default-policies.js';
import { OFFICIAL_2024_2026 } from './official-schedules.fixture.js';
import { resolvePolicy } from './policy.js';
import {
  applyExtension,
  dueAfterSuspensions,
  extensionLeft,
  resumeStage,
  startStage,
  suspendStage,
} from './stage-clock.js';

const cal = makeCalendar(OFFICIAL_2024_2026);
const H = 3_600_000;
const hazardHandle = resolvePolicy(DEFAULT_POLICY_TABLE, 'hazard', 'general', 'handle');
const disputeHandle = resolvePolicy(DEFAULT_POLICY_TABLE, 'dispute', 'general', 'handle');
const petitionHandle = resolvePolicy(DEFAULT_POLICY_TABLE, 'petition', 'general', 'handle');
const signFor = resolvePolicy(DEFAULT_POLICY_TABLE, 'appeal', 'general', 'sign_for');

describe('starting a stage', () => {
  it('fixes the due instant and the allowed time in the stage measure', () => {
    const s = startStage(hazardHandle, cal, cst('2025-03-10 10:00'));
    expect(s).toEqual({
      start: cst('2025-03-10 10:00'),
      measure: 'working_time',
      allowedMs: 86 * H,
      due: endOfCstDay('2025-03-13'),
      suspendedAt: null,
      remainingMs: null,
      extended: 0,
      provisional: false,
    });
  });
});

describe('suspension (中止) stops the clock', () => {
  it('keeps the working time that was left and spends it after resumption', () => {
    const running = startStage(hazardHandle, cal, cst('2025-03-10 10:00'));
    const suspended = suspendStage(cal, running, cst('2025-03-12 12:00'));
    expect(suspended.due).toBeNull();
    expect(suspended.remainingMs).toBe(36 * H);
    const resumed = resumeStage(cal, suspended, cst('2025-03-20 09:00'));
    expect(resumed.due).toEqual(cst('2025-03-21 21:00'));
    expect(resumed.allowedMs).toBe(running.allowedMs);
  });

  it('shifts a calendar-day stage by the wall time suspended', () => {
    const running = startStage(disputeHandle, cal, cst('2025-03-03 09:00'));
    const due = dueAfterSuspensions(cal, 'elapsed', running.due!, [
      { from: cst('2025-03-05 09:00'), to: cst('2025-03-10 09:00') },
    ]);
    expect(due).toEqual(endOfCstDay('2025-03-18'));
  });

  it('keeps an overdue stage overdue by the same amount', () => {
    const due = dueAfterSuspensions(cal, 'elapsed', endOfCstDay('2025-03-13'), [
      { from: cst('2025-03-15 00:00'), to: cst('2025-03-20 00:00') },
    ]);
    expect(due).toEqual(cst('2025-03-19 00:00'));
  });

  it('recomputing from the list equals suspending and resuming one by one', () => {
    const intervals = [
      { from: cst('2025-01-24 15:00'), to: cst('2025-02-06 11:00') },
      { from: cst('2025-02-07 10:00'), to: cst('2025-02-10 08:00') },
    ];
    let s = startStage(hazardHandle, cal, cst('2025-01-23 09:00'));
    for (const { from, to } of intervals) s = resumeStage(cal, suspendStage(cal, s, from), to);
    expect(
      dueAfterSuspensions(cal, 'working_time', startStage(hazardHandle, cal, cst('2025-01-23 09:00')).due!, intervals),
    ).toEqual(s.due);
    // 57 h left on 1.24 15:00; 2.6 13 h + 2.7 10 h spent, 34 h left; 2.10 16 h + 2.11 18 h.
    expect(s.due).toEqual(cst('2025-02-11 18:00'));
  });

  it('refuses a double suspension, a resumption of a running stage, and time running backwards', () => {
    const running = startStage(hazardHandle, cal, cst('2025-03-10 10:00'));
    const suspended = suspendStage(cal, running, cst('2025-03-11 10:00'));
    expect(() => suspendStage(cal, suspended, cst('2025-03-12 10:00'))).toThrow(
      expect.objectContaining({ code: 'InvalidTransition' }),
    );
    expect(() => resumeStage(cal, running, cst('2025-03-12 10:00'))).toThrow(
      expect.objectContaining({ code: 'InvalidTransition' }),
    );
    expect(() => resumeStage(cal, suspended, cst('2025-03-11 09:00'))).toThrow(
      expect.objectContaining({ code: 'ValidationFailed' }),
    );
    expect(() =>
      dueAfterSuspensions(cal, 'elapsed', running.due!, [
        { from: cst('2025-03-11 10:00'), to: cst('2025-03-12 10:00') },
        { from: cst('2025-03-12 09:00'), to: cst('2025-03-13 10:00') },
      ]),
    ).toThrow(expect.objectContaining({ code: 'ValidationFailed' }));
  });
});

describe('extensions (延期) within the policy maximum', () => {
  const petition = startStage(petitionHandle, cal, cst('2025-08-01 10:00'));

  it('moves the due instant and adds to the allowed time', () => {
    expect(petition.due).toEqual(endOfCstDay('2025-09-30'));
    const once = applyExtension(petition, 10, petitionHandle, cal);
    expect(once.due).toEqual(endOfCstDay('2025-10-10'));
    expect(once.allowedMs).toBe(petition.allowedMs + 10 * DAY_MS);
    const twice = applyExtension(once, 20, petitionHandle, cal);
    expect([twice.due, twice.extended]).toEqual([endOfCstDay('2025-10-30'), 30]);
    expect(() => applyExtension(twice, 1, petitionHandle, cal)).toThrow(
      expect.objectContaining({ code: 'Unprocessable' }),
    );
  });

  it.each([
    ['beyond the 30-day maximum of 信访工作条例', 31, petitionHandle, 'Unprocessable'],
    ['on a stage that allows none', 1, signFor, 'Unprocessable'],
    ['of zero days', 0, petitionHandle, 'ValidationFailed'],
    ['of half a day', 0.5, petitionHandle, 'ValidationFailed'],
  ] as const)('refuses an extension %s', (_what, amount, policy, code) => {
    const stage = startStage(policy, cal, cst('2025-08-01 10:00'));
    expect(() => applyExtension(stage, amount, policy, cal)).toThrow(expect.objectContaining({ code }));
  });

  it('says what is left of the maximum, and nothing for a stage that allows none', () => {
    expect(extensionLeft(petition, petitionHandle)).toEqual({ amount: 30, unit: 'calendar_day' });
    expect(extensionLeft(applyExtension(petition, 10, petitionHandle, cal), petitionHandle)).toEqual({
      amount: 20,
      unit: 'calendar_day',
    });
    expect(extensionLeft(startStage(signFor, cal, cst('2025-08-01 10:00')), signFor)).toBeNull();
  });

  it('refuses to extend a suspended stage', () => {
    const suspended = suspendStage(cal, petition, cst('2025-08-10 10:00'));
    expect(() => applyExtension(suspended, 5, petitionHandle, cal)).toThrow(
      expect.objectContaining({ code: 'InvalidTransition' }),
    );
  });

  it('extends a working-day stage in working days across a holiday', () => {
    const hazard = startStage(hazardHandle, cal, cst('2025-04-25 09:00'));
    expect(hazard.due).toEqual(endOfCstDay('2025-04-29'));
    expect(applyExtension(hazard, 5, hazardHandle, cal).due).toEqual(endOfCstDay('2025-05-09'));
  });
});
