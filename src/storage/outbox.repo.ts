import { sql } from 'kysely';
import type { Tx } from './db.js';
import { inSubtree } from './like.js';
import type { DeliveryChannel } from '../core/notify/delivery.js';

/** A message to deliver after the transaction that caused it commits. */
export type OutboxMessage = {
  topic: string;
  payload: Record<string, unknown>;
  /** Unique per message: a producer that runs twice (a retried sweep) writes it once. */
  idempotencyKey: string;
  channel?: DeliveryChannel;
  webhookId?: number | null;
  availableAt?: Date;
  /**
   * Whose it is: the region path of the case it is about (a webhook delivery: its webhook's). Only
   * webhooks whose jurisdiction holds it receive it; null (no region) reaches inboxes only.
   */
  regionPath: string | null;
};

/**
 * Appends messages in the caller's transaction; duplicates by idempotency key are skipped. Returns
 * how many were new. Through civicgrid_enqueue (migration 0008): the caller may post a message about
 * a case outside its own scope (one its unit holds), which the outbox's read policy would refuse.
 */
export async function enqueue(trx: Tx, messages: readonly OutboxMessage[], now: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const col = <T>(f: (m: OutboxMessage) => T) => messages.map(f);
  // One array per column (unnest): a batch of a thousand messages is one small statement to plan.
  const r = await sql<{ n: number }>`
    SELECT civicgrid_enqueue(${col((m) => m.topic)}::text[], ${col((m) => m.channel ?? 'fanout')}::text[],
      ${col((m) => m.webhookId ?? null)}::bigint[], ${col((m) => JSON.stringify(m.payload))}::jsonb[],
      ${now.toISOString()}::timestamptz, ${col((m) => (m.availableAt ?? now).toISOString())}::timestamptz[],
      ${col((m) => m.idempotencyKey)}::text[], ${col((m) => m.regionPath)}::text[]) AS n`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}

/** A stored message as the delivery loop sees it. */
export type StoredMessage = {
  id: number;
  topic: string;
  channel: DeliveryChannel;
  webhookId: number | null;
  payload: Record<string, unknown>;
  attempts: number;
  idempotencyKey: string;
  createdAt: Date;
  regionPath: string | null;
};

/**
 * Claims messages ready for delivery, oldest first, with FOR UPDATE SKIP LOCKED so several
 * delivery loops (nodes) never send the same row at the same time.
 */
export async function claimMessages(
  trx: Tx,
  now: Date,
  limit: number,
  channels: readonly string[],
): Promise<StoredMessage[]> {
  const rows = await trx
    .selectFrom('outbox')
    .selectAll()
    .where('available_at', '<=', now)
    .where('delivered_at', 'is', null)
    .where('dead_at', 'is', null)
    .where('channel', 'in', channels as never[])
    .orderBy('available_at')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    topic: r.topic,
    channel: r.channel,
    webhookId: r.webhook_id === null ? null : Number(r.webhook_id),
    payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
    attempts: r.attempts,
    idempotencyKey: r.idempotency_key,
    createdAt: r.created_at,
    regionPath: r.region_path,
  }));
}

/** Marks a message delivered. */
export async function markDelivered(trx: Tx, id: number, now: Date): Promise<void> {
  await trx
    .updateTable('outbox')
    .set((eb) => ({ delivered_at: now, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', id)
    .execute();
}

/** Records a failed try: moves available_at on (backoff) or, after the last try, dead-letters it. */
export async function markFailed(
  trx: Tx,
  id: number,
  error: string,
  next: { retryAt: Date } | { deadAt: Date },
): Promise<void> {
  await trx
    .updateTable('outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: error.slice(0, 500),
      ...('retryAt' in next ? { available_at: next.retryAt } : { dead_at: next.deadAt }),
    }))
    .where('id', '=', id)
    .execute();
}

/** The dead letters of a jurisdiction, newest first. */
export async function listDeadLetters(trx: Tx, scopePath: string, limit: number, offset: number) {
  const dead = trx.selectFrom('outbox').where('dead_at', 'is not', null).where(inSubtree('region_path', scopePath));
  const rows = await dead.selectAll().orderBy('dead_at', 'desc').limit(limit).offset(offset).execute();
  const total = await dead.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/**
 * Puts a dead letter of the jurisdiction back in the queue with a fresh count of tries; false when
 * there is no such dead letter there.
 */
export async function retryDeadLetter(trx: Tx, id: number, scopePath: string, now: Date): Promise<boolean> {
  const r = await trx
    .updateTable('outbox')
    .set({ dead_at: null, attempts: 0, available_at: now })
    .where('id', '=', id)
    .where('dead_at', 'is not', null)
    .where(inSubtree('region_path', scopePath))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Leases messages for sending outside a transaction: moves their available_at on by leaseMs so no
 * other loop takes them meanwhile; if this process dies mid-send the lease runs out and another
 * node sends again (at least once, with the same idempotency key).
 */
export async function leaseMessages(
  trx: Tx,
  now: Date,
  limit: number,
  channels: readonly string[],
  leaseMs: number,
): Promise<StoredMessage[]> {
  const claimed = await claimMessages(trx, now, limit, channels);
  if (claimed.length === 0) return [];
  await trx
    .updateTable('outbox')
    .set({ available_at: new Date(now.getTime() + leaseMs) })
    .where(
      'id',
      'in',
      claimed.map((m) => m.id),
    )
    .execute();
  return claimed;
}
