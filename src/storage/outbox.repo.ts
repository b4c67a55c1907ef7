import { sql } from 'kysely';
import type { Tx } from './db.js';

/** A message to deliver after the transaction that caused it commits. */
export type OutboxMessage = {
  topic: string;
  payload: Record<string, unknown>;
  /** Unique per message: a producer that runs twice (a retried sweep) writes it once. */
  idempotencyKey: string;
  channel?: 'fanout' | 'webhook' | 'sms';
  webhookId?: number | null;
  availableAt?: Date;
};

/** Appends messages in the caller's transaction; duplicates by idempotency key are skipped. Returns how many were new. */
export async function enqueue(trx: Tx, messages: readonly OutboxMessage[], now: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const col = <T>(f: (m: OutboxMessage) => T) => messages.map(f);
  // One array per column (unnest): a batch of a thousand messages is one small statement to plan.
  const r = await sql<{ id: number }>`
    INSERT INTO outbox (topic, channel, webhook_id, payload, created_at, available_at, idempotency_key)
    SELECT * FROM unnest(${col((m) => m.topic)}::text[], ${col((m) => m.channel ?? 'fanout')}::text[], ${col((m) => m.webhookId ?? null)}::bigint[],
      ${col((m) => JSON.stringify(m.payload))}::jsonb[], ${col(() => now.toISOString())}::timestamptz[],
      ${col((m) => (m.availableAt ?? now).toISOString())}::timestamptz[], ${col((m) => m.idempotencyKey)}::text[])
    ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`.execute(trx);
  return r.rows.length;
}

/** A stored message as the delivery loop sees it. */
export type StoredMessage = {
  id: number;
  topic: string;
  channel: 'fanout' | 'webhook' | 'sms';
  webhookId: number | null;
  payload: Record<string, unknown>;
  attempts: number;
  idempotencyKey: string;
  createdAt: Date;
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

/** Dead letters, newest first. */
export async function listDeadLetters(trx: Tx, limit: number, offset: number) {
  const rows = await trx
    .selectFrom('outbox')
    .selectAll()
    .where('dead_at', 'is not', null)
    .orderBy('dead_at', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const total = await trx
    .selectFrom('outbox')
    .select(sql<number>`count(*)`.as('n'))
    .where('dead_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** Puts a dead letter back in the queue with a fresh count of tries; false when it is not dead. */
export async function retryDeadLetter(trx: Tx, id: number, now: Date): Promise<boolean> {
  const r = await trx
    .updateTable('outbox')
    .set({ dead_at: null, attempts: 0, available_at: now })
    .where('id', '=', id)
    .where('dead_at', 'is not', null)
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
