import type { Clock } from '../core/clock.js';

/** The real clock; the only place outside tests that reads the time. */
export const systemClock: Clock = { now: () => new Date() };
