import { randomBytes } from 'node:crypto';
import type { Ctx } from '../context.js';
import { readAs, writeAs } from '../context.js';
import type { CreateWebhookInput, UpdateWebhookInput, Webhook } from '../../contract/notifications.js';
import { DomainError, notFound } from '../../core/errors.js';
import { webhookHostAllowed } from '../../core/notify/webhook-hosts.js';
import {
  deleteWebhook,
  getWebhook,
  insertWebhook,
  listWebhooks,
  updateWebhook,
  type WebhookRow,
} from '../../storage/notifications.repo.js';
import { listDeadLetters, retryDeadLetter } from '../../storage/outbox.repo.js';
import type { Tx } from '../../storage/db.js';
import { covers } from '../../core/auth/actor.js';

// The secret signs every delivery; it is shown once, at creation, and never again (only a hint).
const shown = ({ secret, createdAt, ...w }: WebhookRow): Webhook => ({
  ...w,
  createdAt: createdAt.toISOString(),
  secretHint: `…${secret.slice(-4)}`,
});

/** Refuses a URL whose host the deployment's list does not name (CIVICGRID_WEBHOOK_ALLOWED_HOSTS). */
function checkHost(ctx: Ctx, url: string | undefined): void {
  if (url !== undefined && !webhookHostAllowed(url, ctx.deps.config.delivery.webhookHosts)) {
    throw new DomainError('ValidationFailed', 'this host is not among the webhook hosts this server may post to', {
      field: 'url',
      allowed: ctx.deps.config.delivery.webhookHosts,
    });
  }
}

/** A webhook of the caller's jurisdiction; any other answers NotFound, as if it did not exist. */
async function ownWebhook(ctx: Ctx, trx: Tx, id: number): Promise<WebhookRow> {
  const hook = await getWebhook(trx, id);
  if (!hook || !covers(ctx.actor, hook.regionPath)) throw notFound('webhook', id);
  return hook;
}

/** The webhooks of the administrator's jurisdiction (registered there or below). */
export async function getWebhooks(ctx: Ctx): Promise<Webhook[]> {
  return readAs(ctx, 'webhook.manage', 'webhooks', async (trx) =>
    (await listWebhooks(trx, ctx.actor.scopePath)).map(shown),
  );
}

/**
 * Registers a webhook in the administrator's jurisdiction, which bounds what it receives (events of
 * cases inside it); answers its secret this once.
 */
export async function createWebhook(ctx: Ctx, input: CreateWebhookInput): Promise<Webhook & { secret: string }> {
  return writeAs(ctx, 'webhook.manage', 'webhook.create', 'webhooks', async (trx) => {
    checkHost(ctx, input.url);
    const secret = input.secret ?? randomBytes(24).toString('base64url');
    const id = await insertWebhook(trx, {
      url: input.url,
      secret,
      topics: input.topics,
      enabled: input.enabled,
      at: ctx.deps.clock.now(),
      regionPath: ctx.actor.scopePath,
    });
    const row = (await getWebhook(trx, id))!;
    return {
      value: { ...shown(row), secret },
      target: `webhook:${id}`,
      details: { url: input.url, topics: input.topics },
      regionPath: row.regionPath,
    };
  });
}

/** Changes a webhook's URL, topics, secret or switch. */
export async function changeWebhook(ctx: Ctx, id: number, input: UpdateWebhookInput): Promise<Webhook> {
  return writeAs(ctx, 'webhook.manage', 'webhook.update', `webhook:${id}`, async (trx) => {
    const hook = await ownWebhook(ctx, trx, id);
    checkHost(ctx, input.url);
    if (!(await updateWebhook(trx, id, input))) throw notFound('webhook', id);
    return {
      value: shown((await getWebhook(trx, id))!),
      details: { changed: Object.keys(input) },
      regionPath: hook.regionPath,
    };
  });
}

/** Removes a webhook; its undelivered messages dead-letter on their next try. */
export async function removeWebhook(ctx: Ctx, id: number): Promise<void> {
  await writeAs(ctx, 'webhook.manage', 'webhook.delete', `webhook:${id}`, async (trx) => {
    const hook = await ownWebhook(ctx, trx, id);
    if (!(await deleteWebhook(trx, id))) throw notFound('webhook', id);
    return { value: undefined, details: { url: hook.url }, regionPath: hook.regionPath };
  });
}

/** Messages of the administrator's jurisdiction that failed their last try, newest first. */
export async function getDeadLetters(ctx: Ctx, q: { page: number; pageSize: number }) {
  return readAs(ctx, 'webhook.manage', 'dead-letters', async (trx) => {
    const r = await listDeadLetters(trx, ctx.actor.scopePath, q.pageSize, (q.page - 1) * q.pageSize);
    return {
      total: r.total,
      page: q.page,
      pageSize: q.pageSize,
      items: r.rows.map((m) => ({
        id: Number(m.id),
        topic: m.topic,
        channel: m.channel,
        webhookId: m.webhook_id === null ? null : Number(m.webhook_id),
        idempotencyKey: m.idempotency_key,
        attempts: m.attempts,
        lastError: m.last_error,
        createdAt: new Date(m.created_at).toISOString(),
        deadAt: new Date(m.dead_at!).toISOString(),
        regionPath: m.region_path,
        payload: (typeof m.payload === 'string' ? JSON.parse(m.payload) : m.payload) as Record<string, unknown>,
      })),
    };
  });
}

/** Puts a dead letter back in the queue with a fresh set of tries (same idempotency key). */
export async function retryDeadLetterMessage(ctx: Ctx, id: number): Promise<void> {
  await writeAs(ctx, 'webhook.manage', 'dead-letter.retry', `outbox:${id}`, async (trx) => {
    if (!(await retryDeadLetter(trx, id, ctx.actor.scopePath, ctx.deps.clock.now()))) throw notFound('dead letter', id);
    return { value: undefined };
  });
}
