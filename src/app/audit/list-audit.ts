import type { Ctx } from '../context.js';
import { readAs } from '../context.js';
import { listAudit as listAuditRows } from '../../storage/audit.repo.js';
import { verifyAuditChain } from './verify-audit-chain.js';
import type { AuditVerification } from '../../contract/audit.js';
import { atRoot } from '../../core/auth/actor.js';

type Query = {
  page: number;
  pageSize: number;
  actor?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
};

/**
 * The audit log of the auditor's jurisdiction (records whose target lies in it; at the root also the
 * system's own), newest first, filtered. Row-level security repeats the jurisdiction rule underneath.
 */
export async function listAudit(ctx: Ctx, q: Query) {
  return readAs(ctx, 'audit.read', 'audit', async (trx) => {
    const r = await listAuditRows(
      trx,
      {
        actor: q.actor,
        action: q.action,
        outcome: q.outcome,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        scope: { path: ctx.actor.scopePath, withSystem: atRoot(ctx.actor) },
      },
      q.page,
      q.pageSize,
    );
    return { ...r, page: q.page, pageSize: q.pageSize };
  });
}

/**
 * Verifies the whole chain on the auditor's request, with the system's scope: a link is checked
 * against its neighbours wherever they lie. The answer names ids and counts, never content.
 */
export async function verifyAudit(ctx: Ctx): Promise<AuditVerification> {
  await readAs(ctx, 'audit.read', 'audit.verify', async () => undefined);
  return verifyAuditChain(ctx.deps.db);
}
