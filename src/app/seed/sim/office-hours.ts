import type { Rng } from './prng.js';

const hour = 3_600_000;
const cst = 8 * hour;

/**
 * Moves an instant into China Standard Time office hours (08:30–18:00): later in the evening goes to
 * the next morning, and most weekend work waits for Monday (some units work weekends, so not all).
 */
export function officeTime(rng: Rng, t: number): number {
  const local = new Date(t + cst);
  const h = local.getUTCHours() + local.getUTCMinutes() / 60;
  const morning = (dayOffset: number) => {
    const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + dayOffset, 8, 30));
    return d.getTime() - cst + rng.int(0, 150) * 60_000;
  };
  let out = h < 8.5 ? morning(0) : h >= 18 ? morning(1) : t;
  const day = new Date(out + cst).getUTCDay();
  if ((day === 6 || day === 0) && rng.chance(0.7)) out += (day === 6 ? 2 : 1) * 24 * hour;
  return out;
}

/** An instant a random number of hours (within the range) after t, in office hours. */
export function after(rng: Rng, t: number, hours: readonly [number, number]): number {
  return officeTime(rng, t + rng.between(hours[0], hours[1]) * hour);
}
