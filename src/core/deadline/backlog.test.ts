import { describe, expect, it } from 'vitest';
import { ageInDays, backlogColour, DEFAULT_BACKLOG_RULES } from './backlog.js';
import { cst } from './cst.js';

const received = cst('2025-01-01 10:00');
const daysLater = (n: number) => new Date(received.getTime() + n * 86_400_000);

describe('petition backlog colours (积案 红黄绿)', () => {
  it.each([
    [30, false, null],
    [30, true, 'green'],
    [89, false, null],
    [89, true, 'green'],
    [90, false, 'green'],
    [90, true, 'yellow'],
    [179, false, 'green'],
    [180, false, 'yellow'],
    [180, true, 'red'],
    [364, false, 'yellow'],
    [365, false, 'red'],
    [800, true, 'red'],
  ] as const)('%d days old, difficult %s → %s', (days, difficult, colour) => {
    expect(backlogColour({ receivedAt: received, difficult }, daysLater(days))).toBe(colour);
  });

  it('counts age in CST days', () => {
    expect(ageInDays(new Date('2025-01-01T16:30:00Z'), cst('2025-01-02 23:00'))).toBe(0);
    expect(ageInDays(new Date('2025-01-01T15:30:00Z'), cst('2025-01-02 00:10'))).toBe(1);
  });

  it('takes thresholds as data', () => {
    const rules = { ...DEFAULT_BACKLOG_RULES, greenFromDays: 30, difficultRaise: 2 };
    expect(backlogColour({ receivedAt: received, difficult: false }, daysLater(30), rules)).toBe('green');
    expect(backlogColour({ receivedAt: received, difficult: true }, daysLater(30), rules)).toBe('red');
  });

  it('refuses thresholds out of order', () => {
    const rules = { ...DEFAULT_BACKLOG_RULES, yellowFromDays: 400 };
    expect(() => backlogColour({ receivedAt: received, difficult: false }, daysLater(1), rules)).toThrow(
      expect.objectContaining({ code: 'ValidationFailed' }),
    );
  });
});
