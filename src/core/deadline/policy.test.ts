import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { makeCalendar } from './calendar.js';
import { cst, endOfCstDay } from './cst.js';
import { DEFAULT_POLICY_TABLE } from './default-policies.js';
import { OFFICIAL_2024_2026 } from './official-schedules.fixture.js';
import {
  type CaseKind,
  type Complexity,
  type DeadlinePolicy,
  dueAt,
  extendDue,
  measureFor,
  resolvePolicy,
  type StageName,
  validatePolicyTable,
} from './policy.js';

const cal = makeCalendar(OFFICIAL_2024_2026);
const ALL: readonly Complexity[] = ['general', 'major', 'special'];

// kind, complexities, stage → amount, unit, max extension ('-' = none)
const EXPECTED: ReadonlyArray<[CaseKind, readonly Complexity[], StageName, number, string, string]> = [
  ['appeal', ALL, 'sign_for', 1, 'working_day', '-'],
  ['dispute', ALL, 'sign_for', 1, 'working_day', '-'],
  ['petition', ALL, 'sign_for', 15, 'calendar_day', '-'],
  ['hazard', ALL, 'sign_for', 2, 'hour', '-'],
  ['appeal', ['general'], 'handle', 5, 'working_day', '5 working_day'],
  ['appeal', ['major'], 'handle', 10, 'working_day', '10 working_day'],
  ['appeal', ['special'], 'handle', 15, 'working_day', '15 working_day'],
  ['dispute', ['general'], 'handle', 10, 'calendar_day', '10 calendar_day'],
  ['dispute', ['major'], 'handle', 20, 'calendar_day', '20 calendar_day'],
  ['dispute', ['special'], 'handle', 60, 'calendar_day', '30 calendar_day'],
  ['petition', ALL, 'handle', 60, 'calendar_day', '30 calendar_day'],
  ['hazard', ALL, 'handle', 3, 'working_day', '5 working_day'],
  ['appeal', ALL, 'co_reply', 3, 'working_day', '2 working_day'],
  ['dispute', ALL, 'co_reply', 3, 'working_day', '2 working_day'],
  ['petition', ALL, 'co_reply', 3, 'working_day', '2 working_day'],
  ['hazard', ALL, 'co_reply', 1, 'working_day', '-'],
  ['appeal', ALL, 'return_visit', 5, 'working_day', '-'],
  ['dispute', ALL, 'return_visit', 5, 'working_day', '-'],
  ['petition', ALL, 'return_visit', 5, 'working_day', '-'],
  ['hazard', ALL, 'return_visit', 5, 'working_day', '-'],
];
const cells = EXPECTED.flatMap(([kind, cs, stage, amount, unit, ext]) =>
  cs.map((c) => [kind, c, stage, amount, unit, ext] as const),
);

describe('the default policy table', () => {
  it('is valid', () => {
    expect(validatePolicyTable(DEFAULT_POLICY_TABLE)).toBe(DEFAULT_POLICY_TABLE);
  });

  it.each(cells)('%s/%s/%s → %d %s, extension %s', (kind, complexity, stage, amount, unit, ext) => {
    const p = resolvePolicy(DEFAULT_POLICY_TABLE, kind, complexity, stage);
    expect([p.amount, p.unit]).toEqual([amount, unit]);
    expect(p.maxExtension ? `${p.maxExtension.amount} ${p.maxExtension.unit}` : '-').toBe(ext);
  });
});

describe('resolvePolicy falls back from the most specific row', () => {
  const row = (
    kind: DeadlinePolicy['kind'],
    complexity: DeadlinePolicy['complexity'],
    amount: number,
  ): DeadlinePolicy => ({ kind, complexity, stage: 'handle', amount, unit: 'working_day' });
  const table = [row('*', '*', 1), row('*', 'major', 2), row('dispute', '*', 3), row('dispute', 'special', 4)];
  it.each([
    ['dispute', 'special', 4],
    ['dispute', 'major', 3],
    ['appeal', 'major', 2],
    ['appeal', 'general', 1],
  ] as const)('%s/%s → row %d', (kind, complexity, amount) => {
    expect(resolvePolicy(table, kind, complexity, 'handle').amount).toBe(amount);
  });

  it('reports NotFound when nothing matches', () => {
    expect(() => resolvePolicy(table, 'appeal', 'general', 'co_reply')).toThrow(
      expect.objectContaining({ code: 'NotFound' }),
    );
  });
});

describe('validatePolicyTable', () => {
  const base: DeadlinePolicy = { kind: '*', complexity: '*', stage: 'handle', amount: 1, unit: 'working_day' };
  it.each([
    ['a duplicate key', [base, { ...base, amount: 2 }]],
    ['a zero amount', [{ ...base, amount: 0 }]],
    ['a fractional day', [{ ...base, amount: 1.5 }]],
    ['an unknown unit', [{ ...base, unit: 'week' as never }]],
    ['a bad maximum extension', [{ ...base, maxExtension: { amount: -1, unit: 'hour' as const } }]],
  ])('refuses %s', (_what, table) => {
    expect(() => validatePolicyTable(table)).toThrow(DomainError);
  });

  it('accepts fractional hours', () => {
    expect(() => validatePolicyTable([{ ...base, amount: 1.5, unit: 'hour' }])).not.toThrow();
  });
});

describe('dueAt', () => {
  it.each([
    ['sign-for 1 working day on a Monday', 1, 'working_day', '2025-03-10 10:00', endOfCstDay('2025-03-11')],
    [
      'sign-for 1 working day before the 2025 Spring Festival',
      1,
      'working_day',
      '2025-01-27 16:00',
      endOfCstDay('2025-02-05'),
    ],
    [
      'hazard handle 3 working days across National Day 2026',
      3,
      'working_day',
      '2026-09-29 11:00',
      endOfCstDay('2026-10-09'),
    ],
    ['hazard sign-for 2 hours at night on a holiday', 2, 'hour', '2025-10-01 23:15', cst('2025-10-02 01:15')],
    [
      'general dispute 10 days ending on a working day',
      10,
      'calendar_day',
      '2025-03-03 09:00',
      endOfCstDay('2025-03-13'),
    ],
    [
      'general dispute 10 days ending on a Saturday rolls to Monday',
      10,
      'calendar_day',
      '2025-03-05 09:00',
      endOfCstDay('2025-03-17'),
    ],
    [
      'general dispute 10 days ending in National Day 2025 rolls past it',
      10,
      'calendar_day',
      '2025-09-22 09:00',
      endOfCstDay('2025-10-09'),
    ],
    ['petition acceptance 15 days', 15, 'calendar_day', '2025-01-20 09:00', endOfCstDay('2025-02-05')],
    ['petition handling 60 days', 60, 'calendar_day', '2025-08-01 10:00', endOfCstDay('2025-09-30')],
  ] as const)('%s', (_what, amount, unit, start, due) => {
    expect(dueAt({ amount, unit }, cal, cst(start))).toEqual(due);
  });

  it('keeps a rest-day end when rolling is switched off', () => {
    expect(dueAt({ amount: 10, unit: 'calendar_day', rollToWorkingDay: false }, cal, cst('2025-03-05 09:00'))).toEqual(
      endOfCstDay('2025-03-15'),
    );
  });

  it('measures working-day limits in working time and the rest in wall time', () => {
    expect([measureFor('working_day'), measureFor('calendar_day'), measureFor('hour')]).toEqual([
      'working_time',
      'elapsed',
      'elapsed',
    ]);
  });
});

describe('extendDue', () => {
  it.each([
    [
      '30 days from a petition due on 9.30 land in National Day and roll',
      endOfCstDay('2025-09-09'),
      30,
      'calendar_day',
      endOfCstDay('2025-10-09'),
    ],
    ['30 days ending on a working day', endOfCstDay('2025-09-30'), 30, 'calendar_day', endOfCstDay('2025-10-30')],
    ['5 working days across Labour Day 2025', endOfCstDay('2025-04-29'), 5, 'working_day', endOfCstDay('2025-05-09')],
    ['a mid-day due keeps its time of day', cst('2025-03-12 15:00'), 1, 'working_day', cst('2025-03-13 15:00')],
    ['hours', cst('2025-03-12 15:00'), 4, 'hour', cst('2025-03-12 19:00')],
  ] as const)('%s', (_what, due, amount, unit, expected) => {
    expect(extendDue(cal, due, { amount, unit })).toEqual(expected);
  });
});
