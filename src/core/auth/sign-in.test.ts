import { describe, expect, it } from 'vitest';
import {
  passwordThrottleKeys,
  readSecondFactor,
  reserveAttempt,
  secondFactorRequired,
  secondFactorResetNeedsOperator,
} from './sign-in.js';

const now = new Date('2026-03-02T01:00:00Z');
const lockMs = 15 * 60_000;
const row = (key: string, attempts: number, max: number, lockedUntil: Date | null = null, started = now) => ({
  key,
  attempts,
  max,
  lockedUntil,
  windowStartedAt: started,
});

describe('sign-in rules', () => {
  it('counts an attempt on every counter and locks the one that reaches its maximum', () => {
    const r = reserveAttempt([row('pair:a|x', 4, 5), row('account:a', 4, 20)], now, lockMs);
    expect(r).toEqual({
      allowed: true,
      rows: [
        { key: 'pair:a|x', attempts: 5, windowStartedAt: now, lockedUntil: new Date(now.getTime() + lockMs) },
        { key: 'account:a', attempts: 5, windowStartedAt: now, lockedUntil: null },
      ],
    });
  });

  it('refuses while any counter is locked, and counts nothing then', () => {
    const until = new Date(now.getTime() + 60_000);
    expect(reserveAttempt([row('pair:a|x', 5, 5, until), row('account:a', 5, 20)], now, lockMs)).toEqual({
      allowed: false,
      lockedUntil: until,
    });
  });

  it('starts again when a lock has ended or the window is older than the lock time', () => {
    const ended = reserveAttempt([row('pair:a|x', 5, 5, new Date(now.getTime() - 1))], now, lockMs);
    expect(ended.allowed && ended.rows[0]!.attempts).toBe(1);
    const stale = reserveAttempt([row('pair:a|x', 4, 5, null, new Date(now.getTime() - lockMs))], now, lockMs);
    expect(stale.allowed && stale.rows[0]).toMatchObject({ attempts: 1, lockedUntil: null });
  });

  it('keys by the typed name, so unknown names are throttled like real ones', () => {
    expect(passwordThrottleKeys(' Lead ', '10.0.0.1', { perPair: 5, perAccount: 20, perAddress: 50 })).toEqual([
      { key: 'account:lead', max: 20 },
      { key: 'address:10.0.0.1', max: 50 },
      { key: 'pair:lead|10.0.0.1', max: 5 },
    ]);
  });

  it('requires a second factor of the three administrators always and of configured roles', () => {
    expect(secondFactorRequired(['auditor'], [])).toBe(true);
    expect(secondFactorRequired(['leader'], [])).toBe(false);
    expect(secondFactorRequired(['leader'], ['leader'])).toBe(true);
    expect(secondFactorResetNeedsOperator(['security'])).toBe(true);
    expect(secondFactorResetNeedsOperator(['mediator'])).toBe(false);
  });

  it('reads a TOTP code or a recovery code as typed', () => {
    expect(readSecondFactor(' 123 456 ')).toEqual({ kind: 'totp', code: '123456' });
    expect(readSecondFactor('ABCD-efgh-2345-6723')).toEqual({ kind: 'recovery', code: 'abcdefgh23456723' });
    expect(readSecondFactor('12345')).toBeNull();
    expect(readSecondFactor('abcd-efgh-1111-0000')).toBeNull();
  });
});
