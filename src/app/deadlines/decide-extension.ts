import { refreshKpiRollup } from '../kpi/maintain-rollup.js';
import type { Ctx } from '../context.js';
import { readAs, writeAs } from '../context.js';
import type { ExtensionDecisionInput, ExtensionRequest, ListedExtensionRequest } from '../../contract/deadlines.js';
import { DomainError, forbidden, notFound } from '../../core/errors.js';
import { applyExtension } from '../../core/deadline/stage-clock.js';
import {
  decideExtensionRow,
  listExtensions,
  lockExtension,
  type StoredExtension,
} from '../../storage/extension-requests.repo.js';
import { lockStage, updateStageClock } from '../../storage/stages.repo.js';
import { enqueue } from '../../storage/outbox.repo.js';
import type { Tx } from '../../storage/db.js';
import { armedAt, loadPolicies } from './load-policies.js';
import { presentExtension } from './request-extension.js';

/**
 * A leader of the parent level of the handling unit (its unit one level up, on the unit's path)
 * approves or refuses a pending request. Approval moves the stage's due instant with the core's
 * applyExtension (within the policy's maximum) and its next card instant with it, so the cards
 * follow the new deadline. Audited; the requester is notified through the outbox.
 */
export async function decideExtension(ctx: Ctx, id: number, input: ExtensionDecisionInput): Promise<ExtensionRequest> {
  return writeAs(ctx, 'extension.decide', `extension.${input.decision}`, `extension:${id}`, async (trx) => {
    const req = await lockExtension(trx, id);
    if (!req) throw notFound('extension request', id);
    const parentPath = req.unitPath
      .split('/')
      .filter(Boolean)
      .slice(0, req.unitLevel - 1)
      .map((s) => `${s}/`)
      .join('');
    if (ctx.actor.unitLevel !== req.unitLevel - 1 || ctx.actor.scopePath !== parentPath)
      throw forbidden('extension.decide: only a leader of the parent level');
    if (req.status !== 'requested') throw new DomainError('InvalidTransition', `the request was already ${req.status}`);
    const now = ctx.deps.clock.now();
    const dueAfter = input.decision === 'approve' ? await extendStage(trx, req) : null;
    const saved = await decideExtensionRow(trx, id, {
      status: input.decision === 'approve' ? 'approved' : 'refused',
      by: ctx.actor.userId,
      at: now,
      note: input.note ?? null,
      dueAfter,
    });
    await refreshKpiRollup(trx, [req.caseId], (await loadPolicies(trx)).calendar);
    await enqueue(
      trx,
      [
        {
          topic: 'extension.decided',
          idempotencyKey: `extension:${id}:decided`,
          payload: { ...presentExtension(saved), note: saved.decisionNote, recipients: [saved.requestedBy] },
          regionPath: req.regionPath,
        },
      ],
      now,
    );
    return {
      value: presentExtension(saved),
      regionPath: req.regionPath,
      details: {
        caseId: req.caseId,
        stage: req.stage,
        dueBefore: req.dueBefore,
        dueAfter: dueAfter?.toISOString() ?? null,
      },
    };
  });
}

async function extendStage(trx: Tx, req: StoredExtension): Promise<Date> {
  const stage = await lockStage(trx, req);
  if (!stage || stage.completedAt) throw new DomainError('Unprocessable', 'the stage has ended; nothing to extend');
  const p = await loadPolicies(trx);
  // The policy stored with the stage (not today's table) bounds the extension: it is the one the deadline was set under.
  const clock = applyExtension(stage.clock, req.amount, stage.policy, p.calendar);
  await updateStageClock(trx, stage, clock, armedAt(p, stage.regionPath, clock, stage.issued));
  return clock.due!;
}

/** Extension requests in the caller's jurisdiction (or held by their unit), newest first, each naming its case, unit and region. */
export async function listExtensionRequests(
  ctx: Ctx,
  q: { status?: string; caseId?: number; limit: number },
): Promise<ListedExtensionRequest[]> {
  return readAs(ctx, 'supervision.read', 'extension-requests', async (trx) =>
    (await listExtensions(trx, q)).map((e) => presentExtension(e)),
  );
}
