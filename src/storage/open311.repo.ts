import { sql } from 'kysely';
import type { Tx } from './db.js';
import { inSubtree } from './like.js';

export type Open311Filter = {
  ids?: number[];
  serviceCodes?: string[];
  from: Date;
  to: Date;
  closed?: boolean;
  /** Only cases in this region subtree (GeoReport's jurisdiction_id). */
  underPath?: string;
  limit: number;
};

/** Statuses GeoReport calls closed: concluded, rated, archived or merged into another. */
export const CLOSED_STATUSES = ['resolved', 'evaluated', 'closed', 'merged'] as const;

/** The kinds Open311 publishes: public matters. Disputes and petitions are between named people. */
export const PUBLISHED_KINDS = ['appeal', 'hazard'] as const;

/**
 * Cases shown to the public through Open311: appeals and hazards only, whatever their channel (a
 * dispute a court transferred through Open311 is not listed either). `expected_at` is the handling
 * deadline of the case's latest lead assignment (its resolution due date), null before the lead
 * unit signs for it and while it is suspended.
 */
export async function publicRequests(trx: Tx, f: Open311Filter) {
  let q = trx
    .selectFrom('cases as c')
    .innerJoin('categories as k', 'k.code', 'c.category_code')
    .leftJoin('units as u', (j) => j.on(sql`u.id`, '=', sql`coalesce(c.lead_unit_id, c.centre_unit_id)`))
    .select([
      'c.id',
      'c.category_code',
      'k.name_zh',
      'k.name_en',
      'c.status',
      'c.state',
      'u.name as unit_name',
      'c.received_at',
      'c.updated_at',
      'c.address',
      'c.lat',
      'c.lng',
    ])
    .select((eb) =>
      eb
        .selectFrom('assignment_stages as s')
        .select('s.due_at')
        .whereRef('s.case_id', '=', 'c.id')
        .where('s.stage', '=', 'handle')
        .orderBy('s.seq', 'desc')
        .limit(1)
        .as('expected_at'),
    )
    .where('c.kind', 'in', [...PUBLISHED_KINDS]);
  if (f.underPath) q = q.where(inSubtree('c.region_path', f.underPath));
  if (f.ids) q = q.where('c.id', 'in', f.ids.length ? f.ids : [-1]);
  else {
    q = q.where('c.received_at', '>=', f.from).where('c.received_at', '<=', f.to);
    if (f.serviceCodes?.length) q = q.where('c.category_code', 'in', f.serviceCodes);
    if (f.closed !== undefined) q = q.where('c.status', f.closed ? 'in' : 'not in', [...CLOSED_STATUSES]);
  }
  return q.orderBy('c.received_at', 'desc').orderBy('c.id', 'desc').limit(f.limit).execute();
}

/** The case a token names, if that token was issued. */
export async function caseByToken(trx: Tx, token: string) {
  return trx
    .selectFrom('open311_requests')
    .select(['case_id', 'token', 'region_path'])
    .where('token', '=', token)
    .executeTakeFirst();
}

/** Records a request filed through Open311: its token, the key, and what the client sent beyond the case's fields. */
export async function insertOpen311Request(
  trx: Tx,
  r: {
    caseId: number;
    token: string;
    partnerKeyId: number | null;
    regionPath: string;
    at: Date;
    attributes?: Record<string, unknown>;
  },
): Promise<void> {
  await trx
    .insertInto('open311_requests')
    .values({
      case_id: r.caseId,
      token: r.token,
      partner_key_id: r.partnerKeyId,
      region_path: r.regionPath,
      created_at: r.at,
      attributes: JSON.stringify(r.attributes ?? {}),
    })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();
}

/** The token issued for a case filed through Open311, if it was. */
export async function tokenOf(trx: Tx, caseId: number): Promise<string | undefined> {
  const r = await trx.selectFrom('open311_requests').select('token').where('case_id', '=', caseId).executeTakeFirst();
  return r?.token;
}

/** Enabled categories with their parents' names (the service group). */
export async function servicesRows(trx: Tx) {
  return trx
    .selectFrom('categories as k')
    .leftJoin('categories as p', 'p.code', 'k.parent_code')
    .select(['k.code', 'k.name_zh', 'k.name_en', 'k.path', 'p.name_zh as group_zh'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('categories as ch')
            .select('ch.code')
            .whereRef('ch.parent_code', '=', 'k.code')
            .where('ch.disabled', '=', false),
        )
        .as('has_children'),
    )
    .where('k.disabled', '=', false)
    .orderBy('k.path')
    .execute();
}
