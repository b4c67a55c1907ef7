import { refreshKpiRollup } from '../kpi/maintain-rollup.js';
import { loadPolicies } from './load-policies.js';
import type { Ctx } from '../context.js';
import { writeAs } from '../context.js';
import type { CreateExtensionInput, ExtensionRequest } from '../../contract/deadlines.js';
import { DomainError, notFound } from '../../core/errors.js';
import { insertExtension, pendingFor, type StoredExtension } from '../../storage/extension-requests.repo.js';
import { openStagesOf } from '../../storage/stages.repo.js';
import { leadersAt } from '../../storage/cards.repo.js';
import { enqueue } from '../../storage/outbox.repo.js';
import { pathAtLevel } from './sweep-deadlines.js';
import { extensionLeft } from '../../core/deadline/stage-clock.js';

/** A request as the API shows it (without the handling unit's path); a listed one keeps its case label. */
export const presentExtension = <T extends StoredExtension>({
  unitLevel: _l,
  unitPath: _p,
  regionPath: _r,
  ...e
}: T): Omit<T, 'unitLevel' | 'unitPath' | 'regionPath'> => e;

/**
 * A handler of the unit that holds a running stage asks for more time (延期申请) with a reason; the
 * amount is in the unit of the policy's maximum extension, and the total may not pass it. The
 * leaders of the parent level are notified through the outbox. Audited; not a case event (the
 * case's versioned log belongs to the case core), the decision moves only the stage's clock.
 */
export async function requestExtension(
  ctx: Ctx,
  caseId: number,
  input: CreateExtensionInput,
): Promise<ExtensionRequest> {
  return writeAs(ctx, 'extension.request', 'extension.request', `case:${caseId}`, async (trx) => {
    const stage = (await openStagesOf(trx, caseId)).find(
      (s) => s.stage === input.stage && s.unitId === ctx.actor.unitId,
    );
    if (!stage) throw notFound(`running ${input.stage} stage of your unit on case`, caseId);
    const max = stage.policy.maxExtension;
    const left = extensionLeft(stage.clock, stage.policy);
    if (!max || !left) throw new DomainError('Unprocessable', 'this stage allows no extension', { stage: input.stage });
    if (input.amount > left.amount) {
      throw new DomainError('Unprocessable', `extension beyond the maximum of ${max.amount} ${max.unit}`, {
        max: max.amount,
        unit: max.unit,
        used: stage.clock.extended,
      });
    }
    if (stage.clock.due === null)
      throw new DomainError('InvalidTransition', 'the stage is suspended; resume the case first');
    if (await pendingFor(trx, stage)) throw new DomainError('Conflict', 'a request for this stage awaits a decision');
    const now = ctx.deps.clock.now();
    const saved = await insertExtension(trx, {
      ...stage,
      requestedBy: ctx.actor.userId,
      at: now,
      amount: input.amount,
      unit: max.unit,
      reason: input.reason,
      dueBefore: stage.clock.due,
    });
    // A pending request counts in no figure yet; refreshing keeps the rule simple: every change refreshes.
    await refreshKpiRollup(trx, [caseId], (await loadPolicies(trx)).calendar);
    const leaders = await leadersAt(trx, [pathAtLevel(stage.unitPath, Math.max(1, stage.unitLevel - 1))]);
    await enqueue(
      trx,
      [
        {
          topic: 'extension.requested',
          idempotencyKey: `extension:${saved.id}:requested`,
          payload: { ...presentExtension(saved), recipients: leaders.map((l) => l.userId) },
          regionPath: saved.regionPath,
        },
      ],
      now,
    );
    return {
      value: presentExtension(saved),
      target: `extension:${saved.id}`,
      details: { caseId, stage: input.stage, amount: input.amount, unit: max.unit, reason: input.reason },
      regionPath: saved.regionPath,
    };
  });
}
