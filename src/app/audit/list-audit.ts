import type { Ctx } from '../context.js';
import { readAs } from '../context.js';
import { listAudit as listAuditRows } from '../../storage/audit.repo.js';
import { verifyAuditChain } from './verify-audit-chain.js';
import type { AuditVerification } from '../../contract/audit.js';

type Query = {
  page: number;
  pageSize: number;
  actor?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
};

/** The audit log for the auditor, newest first, filtered. */
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
      },
      q.page,
      q.pageSize,
    );
    return { ...r, page: q.page, pageSize: q.pageSize };
  });
}

/** Verifies the whole chain on the auditor's request. */
export async function verifyAudit(ctx: Ctx): Promise<AuditVerification> {
  await readAs(ctx, 'audit.read', 'audit.verify', async () => undefined);
  return verifyAuditChain(ctx.deps.db);
}
