import { describe, expect, it } from 'vitest';
import { makeCalendar } from './calendar.js';
import {
  type CardRules,
  cardInstants,
  cardsDue,
  DEFAULT_CARD_RULES,
  nextCardAt,
  validateCardRules,
  worstColour,
} from './cards.js';
import { cst } from './cst.js';
import { DEFAULT_POLICY_TABLE } from './default-policies.js';
import { DEFAULT_ESCALATION, escalationFor, supervisingLevel } from './escalation.js';
import { OFFICIAL_2024_2026 } from './official-schedules.fixture.js';
import { type CaseKind, type Complexity, resolvePolicy, type StageName } from './policy.js';
import { applyExtension, resumeStage, startStage, suspendStage } from './stage-clock.js';

const cal = makeCalendar(OFFICIAL_2024_2026);
const stageOf = (kind: CaseKind, complexity: Complexity, stage: StageName, start: string) =>
  startStage(resolvePolicy(DEFAULT_POLICY_TABLE, kind, complexity, stage), cal, cst(start));

describe('card instants under the default rules', () => {
  it.each([
    // kind, complexity, stage, start → blue, yellow, red (CST wall times)
    [
      'appeal',
      'general',
      'sign_for',
      '2025-03-10 10:00',
      '2025-03-11 00:00',
      '2025-03-12 00:00',
      '2025-03-12 19:00',
      'blue when one working day is left; red at half of the 38 working hours overdue',
    ],
    [
      'appeal',
      'general',
      'sign_for',
      '2025-03-14 10:00',
      '2025-03-17 00:00',
      '2025-03-18 00:00',
      '2025-03-18 19:00',
      'the weekend counts neither for the fractions nor for the working day left',
    ],
    [
      'appeal',
      'general',
      'sign_for',
      '2025-01-27 16:00',
      '2025-02-05 00:00',
      '2025-02-06 00:00',
      '2025-02-06 16:00',
      'across the 2025 Spring Festival the nine rest days are not stage time',
    ],
    [
      'hazard',
      'general',
      'sign_for',
      '2025-03-15 22:00',
      '2025-03-15 23:36',
      '2025-03-16 00:00',
      '2025-03-16 01:00',
      'a 2-hour stage turns blue at 80 %, not at once for having less than a working day',
    ],
    [
      'dispute',
      'general',
      'handle',
      '2025-03-03 09:00',
      '2025-03-11 21:00',
      '2025-03-14 00:00',
      '2025-03-19 00:00',
      'calendar days: 80 % of wall time; red after 3 working days overdue',
    ],
    [
      'petition',
      'general',
      'handle',
      '2025-08-01 10:00',
      '2025-09-18 21:12',
      '2025-10-01 00:00',
      '2025-10-12 00:00',
      'red after 3 working days overdue, counted past National Day 2025 and its make-up Saturday',
    ],
  ] as const)(
    '%s/%s/%s from %s: blue %s, yellow %s, red %s (%s)',
    (kind, complexity, stage, start, blue, yellow, red, _why) => {
      const running = stageOf(kind, complexity, stage, start);
      const at = cardInstants({ ...running, due: running.due! }, cal);
      expect(at).toEqual({ blue: cst(blue), yellow: cst(yellow), red: cst(red) });
    },
  );

  it('works on a bare {start, due} as wall time', () => {
    const at = cardInstants({ start: cst('2025-03-03 00:00'), due: cst('2025-03-13 00:00') }, cal);
    expect(at).toEqual({
      blue: cst('2025-03-11 00:00'),
      yellow: cst('2025-03-13 00:00'),
      red: cst('2025-03-18 00:00'),
    });
  });

  it('honours edited rules and switched-off criteria', () => {
    const rules: CardRules = {
      blue: { passedFraction: null, workingDaysLeft: null },
      yellow: { overdueMs: 3_600_000 },
      red: { overdueFraction: null, overdueWorkingDays: 1 },
    };
    const at = cardInstants(
      { start: cst('2025-03-10 00:00'), due: cst('2025-03-12 00:00'), measure: 'working_time' },
      cal,
      rules,
    );
    expect(at).toEqual({ blue: null, yellow: cst('2025-03-12 01:00'), red: cst('2025-03-13 00:00') });
  });
});

describe('validateCardRules', () => {
  it('accepts the defaults and refuses out-of-range values', () => {
    expect(validateCardRules(DEFAULT_CARD_RULES)).toBe(DEFAULT_CARD_RULES);
    const bad = [
      { ...DEFAULT_CARD_RULES, blue: { passedFraction: 1.2, workingDaysLeft: 1 } },
      { ...DEFAULT_CARD_RULES, red: { overdueFraction: -0.5, overdueWorkingDays: 3 } },
      { ...DEFAULT_CARD_RULES, yellow: { overdueMs: Number.NaN } },
    ];
    for (const rules of bad)
      expect(() => validateCardRules(rules)).toThrow(expect.objectContaining({ code: 'ValidationFailed' }));
  });
});

describe('cardsDue and nextCardAt, as a sweeper uses them', () => {
  const stage = stageOf('appeal', 'general', 'sign_for', '2025-03-10 10:00');
  it.each([
    ['2025-03-10 23:59', [], [], '2025-03-11 00:00'],
    ['2025-03-11 00:00', [], ['blue'], '2025-03-11 00:00'],
    ['2025-03-12 00:00', ['blue'], ['yellow'], '2025-03-12 00:00'],
    ['2025-03-12 18:59', ['blue', 'yellow'], [], '2025-03-12 19:00'],
    ['2025-03-20 00:00', [], ['blue', 'yellow', 'red'], '2025-03-11 00:00'],
    ['2025-03-20 00:00', ['blue', 'yellow', 'red'], [], null],
  ] as const)('at %s with %j issued: issue %j; next pending instant %s', (now, issued, expected, next) => {
    expect(cardsDue(stage, cal, DEFAULT_CARD_RULES, cst(now), issued)).toEqual(expected);
    expect(nextCardAt(stage, cal, DEFAULT_CARD_RULES, issued)).toEqual(next === null ? null : cst(next));
  });

  it('a suspended stage collects no cards and has no pending instant', () => {
    const suspended = suspendStage(cal, stage, cst('2025-03-10 12:00'));
    expect(cardsDue(suspended, cal, DEFAULT_CARD_RULES, cst('2025-04-01 00:00'), [])).toEqual([]);
    expect(nextCardAt(suspended, cal, DEFAULT_CARD_RULES, [])).toBeNull();
  });

  it('after resumption the cards follow the shifted due with the same allowed time', () => {
    const resumed = resumeStage(cal, suspendStage(cal, stage, cst('2025-03-10 12:00')), cst('2025-03-17 12:00'));
    expect(resumed.due).toEqual(cst('2025-03-19 00:00'));
    expect(cardInstants({ ...resumed, due: resumed.due! }, cal)).toEqual({
      blue: cst('2025-03-18 00:00'),
      yellow: cst('2025-03-19 00:00'),
      red: cst('2025-03-19 19:00'),
    });
  });

  it('after an extension the cards follow the new deadline', () => {
    const policy = resolvePolicy(DEFAULT_POLICY_TABLE, 'petition', 'general', 'handle');
    const extended = applyExtension(startStage(policy, cal, cst('2025-08-01 10:00')), 10, policy, cal);
    expect(cardsDue(extended, cal, DEFAULT_CARD_RULES, cst('2025-10-05 00:00'), ['blue'])).toEqual([]);
    expect(nextCardAt(extended, cal, DEFAULT_CARD_RULES, ['blue'])).toEqual(cst('2025-10-11 00:00'));
  });
});

describe('escalation as data', () => {
  it.each([
    ['blue', 'handling_unit', 4, false],
    ['yellow', 'level_leader', 4, false],
    ['red', 'level_leader', 3, true],
  ] as const)(
    'a %s card notifies the %s at level %d for a township unit; on the board: %s',
    (colour, notify, level, board) => {
      expect(escalationFor(colour)).toMatchObject({ notify, onSupervisionBoard: board });
      expect(supervisingLevel(4, colour)).toBe(level);
    },
  );

  it('never climbs above the province, and follows an edited table', () => {
    expect(supervisingLevel(1, 'red')).toBe(1);
    const table = {
      ...DEFAULT_ESCALATION,
      yellow: { notify: 'level_leader' as const, levelsUp: 1, onSupervisionBoard: false },
    };
    expect(supervisingLevel(5, 'yellow', table)).toBe(4);
  });
});

describe('worstColour', () => {
  it.each([
    [[], null],
    [['blue'], 'blue'],
    [['blue', 'yellow'], 'yellow'],
    [['red', 'blue'], 'red'],
    [['yellow', 'red', 'blue'], 'red'],
  ] as const)('%j → %s', (colours, worst) => {
    expect(worstColour(colours)).toBe(worst);
  });
});
