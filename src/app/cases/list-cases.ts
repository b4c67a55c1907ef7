import type { Ctx } from '../context.js';
import { readAs } from '../context.js';
import type { CaseListQuery, CaseSummary } from '../../contract/cases.js';
import { covers } from '../../core/auth/actor.js';
import { notFound } from '../../core/errors.js';
import { regionPathOf } from '../regions/region-path-of.js';
import { listCaseRows } from '../../storage/case-list.repo.js';
import { getCategory } from '../../storage/categories.repo.js';

/**
 * Cases in the caller's jurisdiction, or held by the caller's unit, filtered, sorted and paged.
 * The jurisdiction filter is applied here; row-level security repeats it underneath.
 */
export async function listCases(
  ctx: Ctx,
  q: CaseListQuery,
): Promise<{ items: CaseSummary[]; total: number; page: number; pageSize: number }> {
  return readAs(ctx, 'case.read', 'cases', async (trx) => {
    let regionPath: string | undefined;
    if (q.region) {
      regionPath = await regionPathOf(trx, q.region);
      if (!covers(ctx.actor, regionPath)) throw notFound('region', q.region);
    }
    const categoryPath = q.category ? (await getCategory(trx, q.category))?.path : undefined;
    if (q.category && !categoryPath) throw notFound('category', q.category);
    const r = await listCaseRows(
      trx,
      {
        scopePath: ctx.actor.scopePath,
        unitId: ctx.actor.unitId,
        regionPath,
        categoryPath,
        status: q.status,
        kind: q.kind,
        assignedUnit: q.unit,
        text: q.q,
        receivedFrom: q.receivedFrom ? new Date(q.receivedFrom) : undefined,
        receivedTo: q.receivedTo ? new Date(q.receivedTo) : undefined,
        sort: q.sort,
        dueBefore: q.dueBefore ? new Date(q.dueBefore) : undefined,
        card: q.card,
        sentBack: q.sentBack === undefined ? undefined : q.sentBack === 'true',
      },
      q.page,
      q.pageSize,
    );
    return { ...r, page: q.page, pageSize: q.pageSize };
  });
}
