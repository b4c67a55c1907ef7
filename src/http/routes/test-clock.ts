import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps } from '../../app/deps.js';
import type { Clock } from '../../core/clock.js';
import { sweepDeadlines } from '../../app/deadlines/sweep-deadlines.js';
import type { HttpEnv } from '../env.js';
import { errorResponse } from '../errors.js';

export type ManualClock = Clock & { set(d: Date): void; advance(ms: number): void };

export function isManualClock(clock: Clock): clock is ManualClock {
  return (
    typeof (clock as Partial<ManualClock>).advance === 'function' &&
    typeof (clock as Partial<ManualClock>).set === 'function'
  );
}

const ClockInput = z.union([
  z.object({
    advanceMs: z
      .number()
      .int()
      .min(0)
      .max(10 * 365 * 86_400_000),
    sweep: z.boolean().optional(),
  }),
  z.object({ at: z.iso.datetime({ offset: true }), sweep: z.boolean().optional() }),
]);

/**
 * POST /api/test/clock {advanceMs} | {at}, optionally {sweep: true} to run the deadline sweep at the new time.
 * Mounted only with CIVICGRID_TEST_CLOCK=1 (browser tests); not in the OpenAPI document.
 */
export function testClockRoutes(deps: Deps, clock: ManualClock) {
  const routes = new Hono<HttpEnv>();
  routes.post('/test/clock', async (c) => {
    const parsed = ClockInput.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return errorResponse(c, 'ValidationFailed', 'give {advanceMs} or {at}');
    const input = parsed.data;
    if ('at' in input) clock.set(new Date(input.at));
    else clock.advance(input.advanceMs);
    const swept = input.sweep ? await sweepDeadlines(deps) : null;
    return c.json({ now: clock.now().toISOString(), swept }, 200);
  });
  return routes;
}
