import { type Selectable, sql } from 'kysely';
import type { Tx } from './db.js';
import type { Schema } from './schema.js';
import type { Assignment, CaseEvent, CaseState, TransferSource } from '../core/case/index.js';
import { reviveState } from '../core/case/index.js';

/** Case rows and their projections. The core's CaseState is stored whole; columns mirror it for queries. */

export async function nextCaseId(trx: Tx): Promise<number> {
  const r = await sql<{ id: number }>`SELECT nextval('cases_id_seq') AS id`.execute(trx);
  return Number(r.rows[0]!.id);
}

export async function findByIdempotencyKey(trx: Tx, scope: string, key: string): Promise<number | undefined> {
  const r = await trx
    .selectFrom('cases')
    .select('id')
    .where('idempotency_scope', '=', scope)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return r ? Number(r.id) : undefined;
}

export type NewCaseRow = {
  id: number;
  trackingCode: string;
  regionCode: string;
  title: string;
  description: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  transferSource: TransferSource | null;
  transferRef: string | null;
  attachments: unknown[];
  repeatOf: number | null;
  idempotencyScope: string;
  idempotencyKey: string;
  createdBy: number | null;
};

/** Writes a new case with its state as of intake. */
export async function insertCase(trx: Tx, row: NewCaseRow, state: CaseState): Promise<void> {
  await trx
    .insertInto('cases')
    .values({
      id: row.id,
      tracking_code: row.trackingCode,
      kind: state.kind,
      channel: state.channel,
      complexity: state.complexity,
      category_code: state.categoryCode,
      region_code: row.regionCode,
      region_path: state.regionPath,
      title: row.title,
      description: row.description,
      address: row.address,
      lat: row.lat,
      lng: row.lng,
      transfer_source: row.transferSource,
      transfer_ref: row.transferRef,
      attachments: JSON.stringify(row.attachments),
      repeat_of: row.repeatOf,
      idempotency_scope: row.idempotencyScope,
      idempotency_key: row.idempotencyKey,
      created_by: row.createdBy,
      ...projection(state),
    })
    .execute();
}

function projection(s: CaseState) {
  const lead = [...s.assignments].reverse().find((a) => a.role === 'lead');
  return {
    status: s.status,
    version: s.version,
    centre_unit_id: s.centre.unitId,
    lead_unit_id: lead?.unitId ?? null,
    state: JSON.stringify(s),
    merged_into: s.mergedInto,
    received_at: s.receivedAt,
    updated_at: s.updatedAt,
    resolved_at: s.resolvedAt,
    closed_at: s.closedAt,
  };
}

/** Locks a case row for an action and returns its state; undefined when it is not visible. */
export async function lockCase(trx: Tx, id: number): Promise<CaseState | undefined> {
  const r = await trx.selectFrom('cases').select('state').where('id', '=', id).forUpdate().executeTakeFirst();
  return r ? reviveState(r.state) : undefined;
}

export async function readCaseState(trx: Tx, id: number): Promise<CaseState | undefined> {
  const r = await trx.selectFrom('cases').select('state').where('id', '=', id).executeTakeFirst();
  return r ? reviveState(r.state) : undefined;
}

/** Stores the state an action produced, its assignments and its events, in the caller's transaction. */
export async function saveTransition(
  trx: Tx,
  before: CaseState,
  after: CaseState,
  events: readonly CaseEvent[],
): Promise<void> {
  const r = await trx
    .updateTable('cases')
    .set(projection(after))
    .where('id', '=', after.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new Error(`case ${after.id} changed under its row lock`);
  await saveAssignments(trx, after);
  await appendEvents(trx, after.id, after.regionPath, events);
}

/** Upserts every assignment whose row differs; assignments are keyed by (case, seq). */
export async function saveAssignments(trx: Tx, s: CaseState): Promise<void> {
  if (s.assignments.length === 0) return;
  await trx
    .insertInto('assignments')
    .values(
      s.assignments.map((a: Assignment) => ({
        case_id: s.id,
        seq: a.seq,
        unit_id: a.unitId,
        role: a.role,
        state: a.state,
        task: a.task,
        reply: a.reply,
        region_path: s.regionPath,
        assigned_at: a.assignedAt,
        signed_at: a.signedAt,
        ended_at: a.endedAt,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['case_id', 'seq']).doUpdateSet((eb) => ({
        state: eb.ref('excluded.state'),
        reply: eb.ref('excluded.reply'),
        signed_at: eb.ref('excluded.signed_at'),
        ended_at: eb.ref('excluded.ended_at'),
      })),
    )
    .execute();
}

export async function appendEvents(
  trx: Tx,
  caseId: number,
  regionPath: string,
  events: readonly CaseEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('case_events')
    .values(
      events.map((e) => ({
        case_id: caseId,
        version: e.version,
        type: e.type,
        at: e.at,
        actor_user_id: e.actorUserId > 0 ? e.actorUserId : null,
        actor_unit_id: e.actorUnitId > 0 ? e.actorUnitId : null,
        from_status: e.fromStatus,
        to_status: e.toStatus,
        reason: e.reason ?? null,
        data: JSON.stringify(e.data),
        region_path: regionPath,
      })),
    )
    .execute();
}

/** The stored event log of a case, oldest first, as the core's events (for replay checks). */
export async function readEvents(trx: Tx, caseId: number): Promise<CaseEvent[]> {
  const rows = await trx
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('version')
    .execute();
  return rows.map(eventFromRow);
}

/** A stored event row as the core's event. */
export const eventFromRow = (r: Selectable<Schema['case_events']>): CaseEvent =>
  ({
    type: r.type,
    data: reviveDates(r.data),
    at: new Date(r.at),
    version: Number(r.version),
    actorUserId: Number(r.actor_user_id ?? 0),
    actorUnitId: Number(r.actor_unit_id ?? 0),
    fromStatus: r.from_status,
    toStatus: r.to_status,
    ...(r.reason ? { reason: r.reason } : {}),
  }) as unknown as CaseEvent;

// Event payloads hold no instants today; kept as a seam should one gain a date.
const reviveDates = (d: unknown) => d;

/** Whether a case exists and the transaction's scope can see it. */
export async function caseExists(trx: Tx, id: number): Promise<boolean> {
  return (await trx.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The region path of a case the transaction's scope can see. */
export async function caseRegionPath(trx: Tx, id: number): Promise<string | undefined> {
  const r = await trx.selectFrom('cases').select('region_path').where('id', '=', id).executeTakeFirst();
  return r?.region_path;
}

/** Marks a new case as a repeat visit (重访) of an earlier one. */
export async function setRepeatOf(trx: Tx, caseId: number, repeatOf: number): Promise<void> {
  await trx.updateTable('cases').set({ repeat_of: repeatOf }).where('id', '=', caseId).execute();
}
