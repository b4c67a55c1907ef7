/**
 * A sliding-window limiter: per key, the instants of the counted events within the window.
 *
 * In memory, per node: with N API nodes behind a load balancer an attacker gets at most N times
 * the limit, which still bounds 10,000 guesses of an 80-bit code to nothing. When that stops being
 * enough, the same interface can be backed by a shared store (a PostgreSQL table or Redis).
 * Memory is bounded: expired instants are dropped on every touch, and past `maxKeys` keys the
 * least recently touched key is forgotten (a Map keeps insertion order; a touch re-inserts).
 */
export type RateLimiter = {
  /** Null when the key may act now; otherwise the milliseconds until its oldest event leaves the window. */
  blockedFor(key: string, nowMs: number): number | null;
  /** Counts one event for the key. */
  hit(key: string, nowMs: number): void;
  /** Takes back one event counted at `atMs` (a reserved attempt that turned out not to count). */
  release(key: string, atMs: number): void;
  /** How many keys are remembered now. */
  size(): number;
};

export type LimitRule = { max: number; windowMs: number };

/** A limiter allowing `max` events per key in any window of `windowMs`. */
export function createRateLimiter(rule: LimitRule, maxKeys = 100_000): RateLimiter {
  const events = new Map<string, number[]>();
  const live = (key: string, nowMs: number): number[] => {
    const all = events.get(key);
    if (!all) return [];
    const kept = all.filter((t) => t > nowMs - rule.windowMs);
    events.delete(key);
    if (kept.length > 0) events.set(key, kept);
    return kept;
  };
  return {
    blockedFor(key, nowMs) {
      const kept = live(key, nowMs);
      if (kept.length < rule.max) return null;
      return kept[kept.length - rule.max]! + rule.windowMs - nowMs;
    },
    hit(key, nowMs) {
      const kept = live(key, nowMs);
      kept.push(nowMs);
      events.set(key, kept);
      while (events.size > maxKeys) events.delete(events.keys().next().value as string);
    },
    release(key, atMs) {
      const all = events.get(key);
      const i = all ? all.lastIndexOf(atMs) : -1;
      if (i < 0) return;
      all!.splice(i, 1);
      if (all!.length === 0) events.delete(key);
    },
    size: () => events.size,
  };
}
