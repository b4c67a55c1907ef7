import type { Ctx } from '../context.js';
import { readAs, writeAs } from '../context.js';
import type { InboxMessage } from '../../contract/notifications.js';
import { notFound } from '../../core/errors.js';
import { listInbox, markInboxRead } from '../../storage/notifications.repo.js';

/** The caller's own in-app messages, newest first, with the unread count. */
export async function getInbox(ctx: Ctx, q: { unread?: 'true' | 'false'; page: number; pageSize: number }) {
  return readAs(ctx, 'inbox.read', 'inbox', async (trx) => {
    const r = await listInbox(trx, ctx.actor.userId, q.unread === 'true', q.pageSize, (q.page - 1) * q.pageSize);
    const items: InboxMessage[] = r.rows.map((m) => ({
      id: Number(m.id),
      topic: m.topic,
      title: m.title,
      body: m.body,
      data: (typeof m.data === 'string' ? JSON.parse(m.data) : m.data) as Record<string, unknown>,
      createdAt: new Date(m.created_at).toISOString(),
      readAt: m.read_at ? new Date(m.read_at).toISOString() : null,
    }));
    return { items, total: r.total, unread: r.unread, page: q.page, pageSize: q.pageSize };
  });
}

/** Marks one of the caller's messages read (again is harmless); anyone else's answers NotFound. */
export async function readInboxMessage(ctx: Ctx, id: number): Promise<void> {
  await writeAs(ctx, 'inbox.read', 'inbox.read', `inbox:${id}`, async (trx) => {
    if (!(await markInboxRead(trx, ctx.actor.userId, id, ctx.deps.clock.now()))) throw notFound('message', id);
    return { value: undefined };
  });
}
