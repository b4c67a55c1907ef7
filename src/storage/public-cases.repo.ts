import type { Tx } from './db.js';

/** Reads and writes of the public portal: a case by its tracking code, the resident's key, urges. */

/** The case a tracking code names, with what the public view needs; undefined when none. */
export async function caseByTrackingCode(trx: Tx, code: string) {
  return publicCaseRows(trx).where('tracking_code', '=', code).executeTakeFirst();
}

/** The same row by case id. */
export async function publicCaseById(trx: Tx, id: number) {
  return publicCaseRows(trx).where('id', '=', id).executeTakeFirstOrThrow();
}

const publicCaseRows = (trx: Tx) =>
  trx
    .selectFrom('cases')
    .select([
      'id',
      'tracking_code',
      'kind',
      'category_code',
      'region_path',
      'status',
      'state',
      'lead_unit_id',
      'centre_unit_id',
      'received_at',
    ]);

/** Whether an applicant of the case gave a phone ending in the digits whose keyed hash this is. */
export async function applicantHasLast4(trx: Tx, caseId: number, last4Hash: string): Promise<boolean> {
  const r = await trx
    .selectFrom('case_parties')
    .select('id')
    .where('case_id', '=', caseId)
    .where('role', '=', 'applicant')
    .where('phone_last4_hash', '=', last4Hash)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** When the running stages of a case fall due: the earliest, or null when no clock runs (suspended, concluded). */
export async function currentDeadline(trx: Tx, caseId: number): Promise<{ due: Date; provisional: boolean } | null> {
  const r = await trx
    .selectFrom('assignment_stages')
    .select(['due_at', 'provisional'])
    .where('case_id', '=', caseId)
    .where('completed_at', 'is', null)
    .where('due_at', 'is not', null)
    .orderBy('due_at')
    .limit(1)
    .executeTakeFirst();
  return r?.due_at ? { due: new Date(r.due_at), provisional: r.provisional } : null;
}

/** Records an urge; false when the case was already urged on that (CST) day. */
export async function insertUrge(
  trx: Tx,
  u: { caseId: number; urgedOn: string; at: Date; note: string | null; unitId: number | null; regionPath: string },
): Promise<boolean> {
  const r = await trx
    .insertInto('case_urges')
    .values({
      case_id: u.caseId,
      urged_on: u.urgedOn,
      at: u.at,
      note: u.note,
      unit_id: u.unitId,
      region_path: u.regionPath,
    })
    .onConflict((oc) => oc.columns(['case_id', 'urged_on']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** The urges of a case, newest first, with the name of the unit that held it then. */
export async function urgesOf(trx: Tx, caseId: number) {
  return trx
    .selectFrom('case_urges as u')
    .leftJoin('units as n', 'n.id', 'u.unit_id')
    .select(['u.at', 'u.urged_on', 'u.note', 'u.unit_id', 'n.name as unit_name'])
    .where('u.case_id', '=', caseId)
    .orderBy('u.at', 'desc')
    .execute();
}

/** Names of categories (global reference data). */
export async function categoryNames(trx: Tx, code: string) {
  return trx.selectFrom('categories').select(['name_zh', 'name_en']).where('code', '=', code).executeTakeFirst();
}

/** Enabled categories for the public form. */
export async function publicCategories(trx: Tx) {
  return trx
    .selectFrom('categories')
    .select(['code', 'parent_code', 'name_zh', 'name_en'])
    .where('disabled', '=', false)
    .orderBy('path')
    .execute();
}

/** The children of a region (or the top level), for the public region picker; grids and below are not offered. */
export async function publicRegionChildren(trx: Tx, parentCode: string | null) {
  let q = trx
    .selectFrom('regions as r')
    .select((eb) => [
      'r.code',
      'r.name',
      'r.level',
      eb
        .exists(
          eb
            .selectFrom('regions as k')
            .select('k.code')
            .whereRef('k.parent_code', '=', 'r.code')
            .where('k.level', '<=', 5),
        )
        .as('has_children'),
    ])
    .where('r.level', '<=', 5);
  q = parentCode === null ? q.where('r.parent_code', 'is', null) : q.where('r.parent_code', '=', parentCode);
  return q.orderBy('r.code').limit(500).execute();
}
