import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRateLimiter } from './rate-limiter.js';

describe('sliding-window rate limiter', () => {
  it('allows max events in a window, then blocks until the oldest leaves it', () => {
    const l = createRateLimiter({ max: 3, windowMs: 1000 });
    for (const t of [0, 100, 200]) {
      expect(l.blockedFor('a', t)).toBeNull();
      l.hit('a', t);
    }
    expect(l.blockedFor('a', 300)).toBe(700);
    expect(l.blockedFor('b', 300)).toBeNull();
    expect(l.blockedFor('a', 1000)).toBeNull();
  });

  it('never lets more than max events through in any window (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 5 }),
        (gaps, max) => {
          const l = createRateLimiter({ max, windowMs: 100 });
          let t = 0;
          const passed: number[] = [];
          for (const g of gaps) {
            t += g;
            if (l.blockedFor('k', t) === null) {
              l.hit('k', t);
              passed.push(t);
            }
          }
          return passed.every((x, i) => passed.filter((y) => y > x - 100 && y <= x).length <= max && i >= 0);
        },
      ),
    );
  });

  it('takes back one event counted at a given instant', () => {
    const l = createRateLimiter({ max: 2, windowMs: 1000 });
    l.hit('a', 0);
    l.hit('a', 10);
    expect(l.blockedFor('a', 20)).toBe(980);
    l.release('a', 10);
    expect(l.blockedFor('a', 20)).toBeNull();
    l.release('a', 10);
    l.release('b', 0);
    expect(l.size()).toBe(1);
    l.release('a', 0);
    expect(l.size()).toBe(0);
  });

  it('forgets the least recently touched keys beyond its capacity', () => {
    const l = createRateLimiter({ max: 1, windowMs: 1000 }, 2);
    l.hit('a', 0);
    l.hit('b', 0);
    l.hit('c', 0);
    expect(l.size()).toBe(2);
    expect(l.blockedFor('a', 1)).toBeNull();
    expect(l.blockedFor('c', 1)).toBe(999);
  });
});
