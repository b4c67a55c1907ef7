import type { Ctx } from '../context.js';
import { readAs } from '../context.js';
import type { DispatchDecision, DryRunInput } from '../../contract/dispatch.js';
import { covers } from '../../core/auth/actor.js';
import { notFound } from '../../core/errors.js';
import { systemScope } from '../../storage/db.js';
import { regionPathOf } from '../regions/region-path-of.js';
import { decideDispatch } from './decide-dispatch.js';
import { presentDecision } from './present.js';

/**
 * Where a hypothetical case in the caller's jurisdiction would go, and why; nothing is written.
 * The region must be the caller's; the route itself is read in the system scope, because the unit
 * it finds usually sits above the caller (a village case goes to a county department), exactly as
 * it does when a real case is taken in.
 */
export async function dryRunDispatch(ctx: Ctx, input: DryRunInput): Promise<DispatchDecision> {
  await readAs(ctx, 'dispatch_rule.read', `region:${input.regionCode}`, async (trx) => {
    const path = await regionPathOf(trx, input.regionCode);
    if (!covers(ctx.actor, path)) throw notFound('region', input.regionCode);
  });
  return presentDecision(await ctx.deps.db.tx(systemScope, (trx) => decideDispatch(trx, input)));
}
