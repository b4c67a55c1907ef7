import { sql } from 'kysely';
import type { Tx } from './db.js';
import { inSubtree, likeEscape } from './like.js';
import type { AuditRecord } from '../contract/audit.js';
import type { AuditOutcome } from '../core/audit.js';

export type AuditEntry = {
  at: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  target: string;
  outcome: AuditOutcome;
  requestId: string | null;
  details?: Record<string, unknown>;
  /** The region path of the target (who may read the record); null or absent: system work. */
  regionPath?: string | null;
};

/** Appends one record; the database trigger assigns its id and chains its hash. */
export async function appendAudit(trx: Tx, e: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: e.at,
      actor_id: e.actorId,
      actor_name: e.actorName,
      action: e.action,
      target: e.target,
      outcome: e.outcome,
      request_id: e.requestId,
      details: JSON.stringify(e.details ?? {}),
      region_path: e.regionPath ?? null,
    })
    .execute();
}

export type AuditFilter = {
  actor?: string;
  action?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
  /** The reader's jurisdiction: records whose target lies in it; with `withSystem`, also those of no region. */
  scope: { path: string; withSystem: boolean };
};

/** A page of audit records, newest first. */
export async function listAudit(
  trx: Tx,
  f: AuditFilter,
  page: number,
  pageSize: number,
): Promise<{ items: AuditRecord[]; total: number }> {
  const { path, withSystem } = f.scope;
  let q = trx
    .selectFrom('audit_log')
    .where((eb) =>
      withSystem
        ? eb.or([inSubtree('region_path', path), eb('region_path', 'is', null)])
        : inSubtree('region_path', path),
    );
  if (f.actor) q = q.where('actor_name', '=', f.actor);
  if (f.action) q = q.where('action', 'like', `${likeEscape(f.action)}%`);
  if (f.outcome) q = q.where('outcome', '=', f.outcome as 'ok');
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      target: r.target,
      outcome: r.outcome,
      requestId: r.request_id,
      details: r.details,
      regionPath: r.region_path,
      hash: r.hash,
    })),
  };
}

export type ChainRow = { id: number; prevHash: string; hash: string; content: string };

/** Records after `afterId` in chain order with the exact text each hash covers. */
export async function readChain(trx: Tx, afterId: number, limit: number): Promise<ChainRow[]> {
  const rows = await sql<{ id: number; prev_hash: string; hash: string; content: string }>`
    SELECT a.id, a.prev_hash, a.hash, audit_content(a) AS content
    FROM audit_log a WHERE a.id > ${afterId} ORDER BY a.id LIMIT ${limit}`.execute(trx);
  return rows.rows.map((r) => ({ id: Number(r.id), prevHash: r.prev_hash, hash: r.hash, content: r.content }));
}

/** The chain's head as the trigger keeps it: the last id and hash ever appended. */
export async function readHead(trx: Tx): Promise<{ lastId: number; lastHash: string }> {
  const r = await sql<{
    last_id: number;
    last_hash: string;
  }>`SELECT last_id, last_hash FROM audit_head WHERE id = 1`.execute(trx);
  const row = r.rows[0];
  if (!row) throw new Error('audit_head is missing: the foundation migration did not run');
  return { lastId: Number(row.last_id), lastHash: row.last_hash };
}
