/** Time is an input: use cases ask deps.clock, tests and simulations set it. */
export type Clock = { now(): Date };

/** A clock that stands still until moved; for tests and simulated histories. */
export function manualClock(start: Date): Clock & { set(d: Date): void; advance(ms: number): void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set: (d) => {
      t = d.getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
