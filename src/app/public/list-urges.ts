import type { Ctx } from '../context.js';
import { readAs } from '../context.js';
import type { CaseUrges } from '../../contract/public.js';
import { notFound } from '../../core/errors.js';
import { cstDateOf } from '../../core/deadline/cst.js';
import { caseExists } from '../../storage/cases.repo.js';
import { urgesOf } from '../../storage/public-cases.repo.js';

/** The residents' urges (催办) of a case, for staff whose jurisdiction or unit holds it. */
export async function listUrges(ctx: Ctx, caseId: number): Promise<CaseUrges> {
  return readAs(ctx, 'case.read', `case:${caseId}`, async (trx) => {
    if (!(await caseExists(trx, caseId))) throw notFound('case', caseId);
    const rows = await urgesOf(trx, caseId);
    return {
      total: rows.length,
      items: rows.map((r) => ({
        at: new Date(r.at).toISOString(),
        urgedOn: cstDateOf(new Date(r.at)),
        unitName: r.unit_name ?? null,
        note: r.note,
      })),
    };
  });
}
