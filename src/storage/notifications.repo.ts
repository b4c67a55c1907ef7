import { sql } from 'kysely';
import type { Tx } from './db.js';
import { inSubtree } from './like.js';

/** In-app messages for users, written by the delivery loop; one per message and user. */
export async function insertInbox(
  trx: Tx,
  rows: readonly {
    userId: number;
    outboxId: number;
    topic: string;
    title: string;
    body: string;
    data: Record<string, unknown>;
    at: Date;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('inbox_messages')
    .values(
      rows.map((r) => ({
        user_id: r.userId,
        outbox_id: r.outboxId,
        topic: r.topic,
        title: r.title,
        body: r.body,
        data: JSON.stringify(r.data),
        created_at: r.at,
      })),
    )
    .onConflict((oc) => oc.columns(['outbox_id', 'user_id']).doNothing())
    .execute();
}

/** A user's messages, newest first, with the unread count. */
export async function listInbox(trx: Tx, userId: number, unreadOnly: boolean, limit: number, offset: number) {
  let q = trx.selectFrom('inbox_messages').where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    trx
      .selectFrom('inbox_messages')
      .select(sql<number>`count(*)`.as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), unread: Number(unread.n) };
}

/** Marks one of the user's messages read; false when it is not theirs. */
export async function markInboxRead(trx: Tx, userId: number, id: number, at: Date): Promise<boolean> {
  const r = await trx
    .updateTable('inbox_messages')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', sql<Date>`${at}::timestamptz`) }))
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export type WebhookRow = {
  id: number;
  url: string;
  secret: string;
  topics: string[];
  enabled: boolean;
  createdAt: Date;
  /** The jurisdiction it belongs to: it receives events of cases inside it only. */
  regionPath: string;
};
const toWebhook = (r: {
  id: number;
  url: string;
  secret: string;
  topics: string[];
  enabled: boolean;
  created_at: Date;
  region_path: string;
}): WebhookRow => ({
  id: Number(r.id),
  url: r.url,
  secret: r.secret,
  topics: r.topics,
  enabled: r.enabled,
  createdAt: r.created_at,
  regionPath: r.region_path,
});

/** The webhooks of a jurisdiction (registered at its region or below). */
export async function listWebhooks(trx: Tx, scopePath: string): Promise<WebhookRow[]> {
  const rows = await trx
    .selectFrom('webhooks')
    .selectAll()
    .where(inSubtree('region_path', scopePath))
    .orderBy('id')
    .execute();
  return rows.map(toWebhook);
}

export async function getWebhook(trx: Tx, id: number): Promise<WebhookRow | undefined> {
  const r = await trx.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toWebhook(r);
}

export async function insertWebhook(
  trx: Tx,
  w: { url: string; secret: string; topics: string[]; enabled: boolean; at: Date; regionPath: string },
): Promise<number> {
  const r = await trx
    .insertInto('webhooks')
    .values({
      url: w.url,
      secret: w.secret,
      topics: w.topics,
      enabled: w.enabled,
      created_at: w.at,
      region_path: w.regionPath,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateWebhook(
  trx: Tx,
  id: number,
  patch: Partial<{ url: string; secret: string; topics: string[]; enabled: boolean }>,
): Promise<boolean> {
  if (Object.keys(patch).length === 0) return (await getWebhook(trx, id)) !== undefined;
  const r = await trx.updateTable('webhooks').set(patch).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteWebhook(trx: Tx, id: number): Promise<boolean> {
  const r = await trx.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * Enabled webhooks subscribed to a topic ('*' subscribes to every topic) whose jurisdiction holds
 * the region of the event; an event of no region reaches none.
 */
export async function webhooksFor(trx: Tx, topic: string, regionPath: string | null): Promise<WebhookRow[]> {
  if (regionPath === null) return [];
  const rows = await trx
    .selectFrom('webhooks')
    .selectAll()
    .where('enabled', '=', true)
    .where(sql<boolean>`(${topic} = ANY(topics) OR '*' = ANY(topics))`)
    .where(sql<boolean>`starts_with(${regionPath}::text, region_path)`)
    .execute();
  return rows.map(toWebhook);
}
