import type { Tx } from './db.js';
import type { ExtensionRequest, ListedExtensionRequest } from '../contract/deadlines.js';
import type { StageKey } from './stages.repo.js';
import { caseRegionName } from './case-views.repo.js';
import type { ExtensionStatus } from '../core/deadline/stage-clock.js';

type Row = {
  id: number;
  case_id: number;
  seq: number;
  stage: string;
  unit_id: number;
  unit_level: number;
  unit_path: string;
  region_path: string;
  requested_by: number;
  requested_at: Date;
  amount: number;
  unit: string;
  reason: string;
  status: ExtensionStatus;
  decided_by: number | null;
  decided_at: Date | null;
  decision_note: string | null;
  due_before: Date | null;
  due_after: Date | null;
};
/** A stored request with the handling unit's level and path (for the deciding leader's check). */
export type StoredExtension = ExtensionRequest & { unitLevel: number; unitPath: string; regionPath: string };

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const toRequest = (r: Row): StoredExtension => ({
  id: Number(r.id),
  caseId: Number(r.case_id),
  seq: r.seq,
  stage: r.stage as ExtensionRequest['stage'],
  unitId: Number(r.unit_id),
  requestedBy: Number(r.requested_by),
  requestedAt: new Date(r.requested_at).toISOString(),
  amount: Number(r.amount),
  unit: r.unit as ExtensionRequest['unit'],
  reason: r.reason,
  status: r.status,
  decidedBy: r.decided_by === null ? null : Number(r.decided_by),
  decidedAt: iso(r.decided_at),
  decisionNote: r.decision_note,
  dueBefore: iso(r.due_before),
  dueAfter: iso(r.due_after),
  unitLevel: r.unit_level,
  unitPath: r.unit_path,
  regionPath: r.region_path,
});

/** Whether a stage already has a request awaiting a decision. */
export async function pendingFor(trx: Tx, k: StageKey): Promise<boolean> {
  const r = await trx
    .selectFrom('extension_requests')
    .select('id')
    .where('case_id', '=', k.caseId)
    .where('seq', '=', k.seq)
    .where('stage', '=', k.stage)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return r !== undefined;
}

/** The stages of a case with a request awaiting a decision, as `seq:stage` (the partial unique index serves it). */
export async function pendingStagesOf(trx: Tx, caseId: number): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('extension_requests')
    .select(['seq', 'stage'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'requested')
    .execute();
  return new Set(rows.map((r) => `${r.seq}:${r.stage}`));
}

export async function insertExtension(
  trx: Tx,
  e: StageKey & {
    unitId: number;
    unitLevel: number;
    unitPath: string;
    regionPath: string;
    requestedBy: number;
    at: Date;
    amount: number;
    unit: string;
    reason: string;
    dueBefore: Date | null;
  },
): Promise<StoredExtension> {
  const r = await trx
    .insertInto('extension_requests')
    .values({
      case_id: e.caseId,
      seq: e.seq,
      stage: e.stage,
      unit_id: e.unitId,
      unit_level: e.unitLevel,
      unit_path: e.unitPath,
      region_path: e.regionPath,
      requested_by: e.requestedBy,
      requested_at: e.at,
      amount: e.amount,
      unit: e.unit,
      reason: e.reason,
      status: 'requested',
      due_before: e.dueBefore,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRequest(r as Row);
}

/** One request, locked for its decision. */
export async function lockExtension(trx: Tx, id: number): Promise<StoredExtension | undefined> {
  const r = await trx.selectFrom('extension_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return r && toRequest(r as Row);
}

export async function decideExtensionRow(
  trx: Tx,
  id: number,
  d: { status: 'approved' | 'refused'; by: number; at: Date; note: string | null; dueAfter: Date | null },
): Promise<StoredExtension> {
  const r = await trx
    .updateTable('extension_requests')
    .set({ status: d.status, decided_by: d.by, decided_at: d.at, decision_note: d.note, due_after: d.dueAfter })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRequest(r as Row);
}

/** A listed request with the handling unit's level and path, like StoredExtension. */
export type ListedExtension = StoredExtension &
  Pick<ListedExtensionRequest, 'trackingCode' | 'caseTitle' | 'unitName' | 'regionName'>;

/**
 * Requests visible in the transaction's scope, newest first, with the case's code, title and
 * region name and the requesting unit's name in the same statement. The request and its case share
 * region path and row-level rule, so the inner join drops nothing visible; a unit outside the
 * caller's region scope leaves its name null instead of hiding the request, and the region is named
 * even then (caseRegionName). Joins on primary keys.
 */
export async function listExtensions(
  trx: Tx,
  f: { status?: string; caseId?: number; limit: number },
): Promise<ListedExtension[]> {
  let q = trx
    .selectFrom('extension_requests as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .leftJoin('units as u', 'u.id', 'e.unit_id')
    .leftJoin('regions as r', 'r.code', 'c.region_code')
    .selectAll('e')
    .select(['c.tracking_code', 'c.title as case_title', 'u.name as unit_name', caseRegionName.as('region_name')]);
  if (f.status) q = q.where('e.status', '=', f.status as Row['status']);
  if (f.caseId) q = q.where('e.case_id', '=', f.caseId);
  const rows = await q.orderBy('e.id', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({
    ...toRequest(r as Row),
    trackingCode: r.tracking_code,
    caseTitle: r.case_title,
    unitName: r.unit_name,
    regionName: r.region_name,
  }));
}
