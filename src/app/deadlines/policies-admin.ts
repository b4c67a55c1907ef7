import type { Ctx } from '../context.js';
import { readAs, writeAs } from '../context.js';
import type { PolicyList, PolicyTable } from '../../contract/deadlines.js';
import { DomainError } from '../../core/errors.js';
import { STAGE_NAMES, validatePolicyTable, type DeadlinePolicy } from '../../core/deadline/policy.js';
import type { Tx } from '../../storage/db.js';
import { readPolicies, replacePolicies } from '../../storage/deadline-reference.repo.js';
import { applyingTo, configPathOf } from '../config/jurisdiction.js';

/**
 * The policy rows that apply to the caller: their jurisdiction's own, then each one's above (marked
 * inherited), nearest first. A stage is timed by the nearest jurisdiction with a fitting row.
 */
export async function getPolicies(ctx: Ctx): Promise<PolicyList> {
  return readAs(ctx, 'deadline.read', 'deadline-policies', (trx) => policyList(ctx, trx));
}

async function policyList(ctx: Ctx, trx: Tx): Promise<PolicyList> {
  const rows = await applyingTo(trx, ctx.actor, await readPolicies(trx));
  return { policies: rows.map(({ regionPath: _r, updatedAt: _u, ...row }) => row) };
}

/**
 * Replaces the rows of the caller's own jurisdiction after the core's checks; audited. An empty
 * list removes their overrides (they inherit everything). The top's table must keep a fallback row
 * (*, *, stage) for every stage, so any case can be timed. Running stages keep their stored due instants.
 */
export async function putPolicies(ctx: Ctx, input: PolicyTable): Promise<PolicyList> {
  const table = validatePolicyTable(input.policies as DeadlinePolicy[]);
  const own = configPathOf(ctx.actor);
  if (own === '') {
    for (const stage of STAGE_NAMES) {
      if (!table.some((p) => p.stage === stage && p.kind === '*' && p.complexity === '*')) {
        throw new DomainError('ValidationFailed', `the table needs a fallback row (*, *, ${stage})`, {
          field: 'policies',
          stage,
        });
      }
    }
  }
  return writeAs(ctx, 'deadline.write', 'deadline-policies.replace', 'deadline-policies', async (trx) => {
    const before = (await readPolicies(trx)).filter((p) => p.regionPath === own);
    await replacePolicies(trx, own, table, ctx.deps.clock.now());
    return {
      value: await policyList(ctx, trx),
      details: { before: before.length, after: table.length },
      regionPath: own || null,
    };
  });
}
