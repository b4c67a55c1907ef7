import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKLOG_RULES, validateBacklogRules } from './backlog.js';
import { durationInBounds, MAX_YELLOW_OVERDUE_MS } from './bounds.js';
import { DEFAULT_CARD_RULES, validateCardRules, type CardRules } from './cards.js';
import { DEFAULT_POLICY_TABLE } from './default-policies.js';
import { policyProblem, resolveNearestPolicy, validatePolicyTable, type DeadlinePolicy } from './policy.js';

// Issue 11, point 5: `yellow.overdueMs = 2^53-1` passed every check and stopped every later sweep.
describe('every configurable duration is bounded', () => {
  const cards = (over: Partial<{ [K in keyof CardRules]: Partial<CardRules[K]> }>): CardRules => ({
    blue: { ...DEFAULT_CARD_RULES.blue, ...over.blue },
    yellow: { ...DEFAULT_CARD_RULES.yellow, ...over.yellow },
    red: { ...DEFAULT_CARD_RULES.red, ...over.red },
  });

  it.each([
    ['yellow 2^53-1 ms', cards({ yellow: { overdueMs: 2 ** 53 - 1 } })],
    ['yellow past 30 days', cards({ yellow: { overdueMs: MAX_YELLOW_OVERDUE_MS + 1 } })],
    ['blue 366 working days', cards({ blue: { workingDaysLeft: 366 } })],
    ['red 1e9 working days', cards({ red: { overdueWorkingDays: 1e9 } })],
    ['red a fraction of 101', cards({ red: { overdueFraction: 101 } })],
  ])('refuses card rules with %s', (_, rules) => {
    expect(() => validateCardRules(rules)).toThrow(/out of range/);
  });

  it('takes card rules at the bounds', () => {
    const edge = cards({ yellow: { overdueMs: MAX_YELLOW_OVERDUE_MS }, red: { overdueWorkingDays: 365 } });
    expect(validateCardRules(edge)).toBe(edge);
  });

  it.each([
    [8760, 'hour', true],
    [8760.5, 'hour', false],
    [0.5, 'hour', true],
    [365, 'calendar_day', true],
    [366, 'working_day', false],
    [1e12, 'calendar_day', false],
    [1.5, 'working_day', false],
    [0, 'hour', false],
  ] as const)('%s %s is %s', (amount, unit, ok) => {
    expect(durationInBounds(amount, unit)).toBe(ok);
    const row: DeadlinePolicy = { kind: '*', complexity: '*', stage: 'handle', amount, unit };
    expect(policyProblem(row) === null).toBe(ok);
    if (!ok) expect(() => validatePolicyTable([row])).toThrow(/invalid duration/);
  });

  it('bounds the extension maximum too', () => {
    const row: DeadlinePolicy = {
      kind: '*',
      complexity: '*',
      stage: 'handle',
      amount: 15,
      unit: 'working_day',
      maxExtension: { amount: 400, unit: 'calendar_day' },
    };
    expect(policyProblem(row)).toMatch(/maxExtension/);
  });

  it.each([
    ['a threshold past ten years', { ...DEFAULT_BACKLOG_RULES, redFromDays: 3651 }],
    ['thresholds out of order', { ...DEFAULT_BACKLOG_RULES, yellowFromDays: 400 }],
    ['a raise of 3', { ...DEFAULT_BACKLOG_RULES, difficultRaise: 3 }],
  ])('refuses backlog rules with %s', (_, rules) => {
    expect(() => validateBacklogRules(rules)).toThrow(/backlog thresholds/);
  });
});

describe('policies by jurisdiction (issue 11, point 4)', () => {
  const county: DeadlinePolicy[] = [{ kind: '*', complexity: '*', stage: 'handle', amount: 5, unit: 'working_day' }];
  const city: DeadlinePolicy[] = [
    { kind: 'dispute', complexity: '*', stage: 'handle', amount: 9, unit: 'working_day' },
  ];

  it("takes the nearest jurisdiction's fitting row, even a less specific one", () => {
    expect(resolveNearestPolicy([county, city, DEFAULT_POLICY_TABLE], 'dispute', 'general', 'handle').amount).toBe(5);
  });
  it('goes up a layer when the nearer ones have no row that fits', () => {
    expect(resolveNearestPolicy([city, DEFAULT_POLICY_TABLE], 'appeal', 'general', 'sign_for')).toEqual(
      DEFAULT_POLICY_TABLE.find((p) => p.kind === '*' && p.complexity === '*' && p.stage === 'sign_for'),
    );
    expect(resolveNearestPolicy([county, city], 'dispute', 'general', 'handle').amount).toBe(5);
    expect(() => resolveNearestPolicy([city], 'appeal', 'general', 'handle')).toThrow(/no deadline policy/);
  });
});
