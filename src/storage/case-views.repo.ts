import { sql } from 'kysely';
import type { Tx } from './db.js';
import { stagesOf } from './stages.repo.js';

/** Reads for showing cases: the row, names of actors and units, links. */

/**
 * The name of the case's region (`cases as c` left-joined to `regions as r`). The join is left
 * because a holder may see a case whose region is outside their scope (RLS hides that region row;
 * an inner join would hide the case); then the name comes from civicgrid_region_name.
 */
export const caseRegionName = sql<string>`coalesce(r.name, civicgrid_region_name(c.region_code))`;

/**
 * The case this one repeats (`cases as c`), if the caller may read it; otherwise null. The link is
 * kept (the system matched it across the county), but under RLS the lookup finds only readable cases.
 */
export const readableRepeatOf = sql<number | null>`(SELECT x.id FROM cases x WHERE x.id = c.repeat_of)`;

export async function caseRow(trx: Tx, id: number) {
  return trx
    .selectFrom('cases as c')
    .leftJoin('regions as r', 'r.code', 'c.region_code')
    .select([
      'c.id',
      'c.tracking_code',
      'c.kind',
      'c.channel',
      'c.complexity',
      'c.category_code',
      'c.region_code',
      caseRegionName.as('region_name'),
      'c.title',
      'c.description',
      'c.address',
      'c.lat',
      'c.lng',
      'c.transfer_source',
      'c.transfer_ref',
      'c.attachments',
      'c.status',
      'c.version',
      'c.lead_unit_id',
      'c.centre_unit_id',
      'c.state',
      readableRepeatOf.as('repeat_of'),
      'c.received_at',
      'c.updated_at',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export type Names = {
  users: Map<number, string>;
  units: Map<number, { name: string; level: number; typeCode: string }>;
};

/** Display names of users and units, even outside the caller's region scope (see civicgrid_names). */
export async function namesOf(trx: Tx, userIds: number[], unitIds: number[]): Promise<Names> {
  const r = await sql<{ kind: string; id: number; name: string; level: number | null; type_code: string | null }>`
    SELECT * FROM civicgrid_names(${[...new Set(userIds)]}::bigint[], ${[...new Set(unitIds)]}::bigint[])`.execute(trx);
  const names: Names = { users: new Map(), units: new Map() };
  for (const row of r.rows) {
    if (row.kind === 'user') names.users.set(Number(row.id), row.name);
    else names.units.set(Number(row.id), { name: row.name, level: Number(row.level), typeCode: row.type_code ?? '' });
  }
  return names;
}

export async function eventRows(trx: Tx, caseId: number) {
  return trx.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('version').execute();
}

/**
 * A case's links to other cases: those the caller may read (RLS finds the related case), and how
 * many others there are, which is all the caller learns of them.
 */
export async function linkRows(trx: Tx, caseId: number) {
  const rows = await trx
    .selectFrom('case_links as l')
    .leftJoin('cases as c', 'c.id', 'l.related_id')
    .select(['l.related_id', 'l.kind', 'c.tracking_code', 'c.id as readable_id'])
    .where('l.case_id', '=', caseId)
    .orderBy('l.related_id')
    .execute();
  const readable = rows.filter((r) => r.readable_id !== null);
  return { readable, elsewhere: rows.length - readable.length, all: rows };
}

/** The timed stages of a case's assignments (with clock and policy, for extensions) and the cards they drew, for the case page. */
export async function stagesAndCards(trx: Tx, caseId: number) {
  const [stages, cards] = await Promise.all([
    stagesOf(trx, caseId),
    trx
      .selectFrom('cards')
      .select(['seq', 'stage', 'colour', 'issued_at', 'cleared_at'])
      .where('case_id', '=', caseId)
      .orderBy('issued_at')
      .execute(),
  ]);
  return { stages, cards };
}
