import type { Ctx } from '../context.js';
import type { Tx } from '../../storage/db.js';
import { readAs } from '../context.js';
import type { CaseListQuery, CaseSummary } from '../../contract/cases.js';
import { covers } from '../../core/auth/actor.js';
import { notFound } from '../../core/errors.js';
import { regionPathOf } from '../regions/region-path-of.js';
import { listCaseRows } from '../../storage/case-list.repo.js';
import { getCategory } from '../../storage/categories.repo.js';

/** A case list query without its page: the filters and the order (the list, and its workbook, take these). */
export type CaseListFilters = Omit<CaseListQuery, 'page' | 'pageSize'>;

/**
 * One page of the cases the filters select in the caller's jurisdiction (or held by the caller's unit),
 * inside the caller's transaction. The jurisdiction filter is applied here; row-level security repeats it.
 */
export async function caseListPage(ctx: Ctx, trx: Tx, q: CaseListFilters, page: number, pageSize: number) {
  let regionPath: string | undefined;
  if (q.region) {
    regionPath = await regionPathOf(trx, q.region);
    if (!covers(ctx.actor, regionPath)) throw notFound('region', q.region);
  }
  const categoryPath = q.category ? (await getCategory(trx, q.category))?.path : undefined;
  if (q.category && !categoryPath) throw notFound('category', q.category);
  return listCaseRows(
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
    page,
    pageSize,
  );
}

/** Cases in the caller's jurisdiction, or held by the caller's unit, filtered, sorted and paged. */
export async function listCases(
  ctx: Ctx,
  q: CaseListQuery,
): Promise<{ items: CaseSummary[]; total: number; page: number; pageSize: number }> {
  return readAs(ctx, 'case.read', 'cases', async (trx) => {
    const { page, pageSize, ...filters } = q;
    const r = await caseListPage(ctx, trx, filters, page, pageSize);
    return { ...r, page, pageSize };
  });
}
