import type { Deps } from '../deps.js';
import { systemScope, type Tx } from '../../storage/db.js';
import {
  claimMessages,
  enqueue,
  leaseMessages,
  markDelivered,
  markFailed,
  type OutboxMessage,
  type StoredMessage,
} from '../../storage/outbox.repo.js';
import { getWebhook, insertInbox, webhooksFor } from '../../storage/notifications.repo.js';
import { messageText } from './message-text.js';
import { signBody } from './webhook-signature.js';
import type { SmsAdapter } from './sms.js';
import { webhookHostAllowed } from '../../core/notify/webhook-hosts.js';

type DeliveryDeps = Pick<Deps, 'db' | 'clock' | 'log' | 'config'>;
export type DeliveryResult = { fannedOut: number; sent: number; failed: number; dead: number };

/**
 * One delivery pass: splits new outbox messages into inbox rows, one row per subscribed webhook
 * and an SMS row for urgent cards (in one transaction per batch), then sends the webhook and SMS
 * rows that are due. A failed send retries with exponential backoff and is dead-lettered after
 * the configured number of tries.
 */
export async function deliverMessages(
  deps: DeliveryDeps,
  sms: SmsAdapter,
  opts: { batchSize?: number } = {},
): Promise<DeliveryResult> {
  const now = deps.clock.now();
  const result: DeliveryResult = { fannedOut: 0, sent: 0, failed: 0, dead: 0 };
  for (;;) {
    const n = await deps.db.tx(systemScope, (trx) => fanOutBatch(trx, now, opts.batchSize ?? 200));
    if (n === 0) break;
    result.fannedOut += n;
  }
  // Sending happens outside any transaction (a slow receiver must not hold a connection or, on
  // PGlite, the only one); the lease keeps other loops off the row meanwhile.
  const leaseMs = deps.config.delivery.webhookTimeoutMs * 2 + 5_000;
  for (;;) {
    const batch = await deps.db.tx(systemScope, (trx) =>
      leaseMessages(trx, now, opts.batchSize ?? 50, ['webhook', 'sms'], leaseMs),
    );
    if (batch.length === 0) break;
    await Promise.all(batch.map((m) => sendOne(deps, sms, m, now, result)));
  }
  return result;
}

async function fanOutBatch(trx: Tx, now: Date, limit: number): Promise<number> {
  const messages = await claimMessages(trx, now, limit, ['fanout']);
  for (const m of messages) {
    const text = messageText(m.topic, m.payload);
    const recipients = Array.isArray(m.payload.recipients) ? (m.payload.recipients as number[]) : [];
    await insertInbox(
      trx,
      recipients.map((userId) => ({ userId, outboxId: m.id, topic: m.topic, ...text, data: m.payload, at: now })),
    );
    const { recipients: _, ...data } = m.payload;
    // Receivers deduplicate on body.id (also sent as X-Civicgrid-Idempotency-Key): the fan-out row's key.
    const body = { id: m.idempotencyKey, topic: m.topic, createdAt: m.createdAt.toISOString(), data };
    // Only webhooks whose jurisdiction holds the case's region; the delivery row is the webhook's.
    const out: OutboxMessage[] = (await webhooksFor(trx, m.topic, m.regionPath)).map((w) => ({
      topic: m.topic,
      channel: 'webhook',
      webhookId: w.id,
      payload: body,
      idempotencyKey: `${m.idempotencyKey}#webhook:${w.id}`,
      regionPath: w.regionPath,
    }));
    if (m.topic === 'card.issued' && m.payload.colour !== 'blue' && recipients.length > 0) {
      out.push({
        topic: m.topic,
        channel: 'sms',
        payload: { id: m.idempotencyKey, userIds: recipients, text: `${text.title}。${text.body}` },
        idempotencyKey: `${m.idempotencyKey}#sms`,
        regionPath: m.regionPath,
      });
    }
    await enqueue(trx, out, now);
    await markDelivered(trx, m.id, now);
  }
  return messages.length;
}

async function sendOne(
  deps: DeliveryDeps,
  sms: SmsAdapter,
  m: StoredMessage,
  now: Date,
  result: DeliveryResult,
): Promise<void> {
  let error: string | null = null;
  try {
    if (m.channel === 'sms')
      await sms.send({
        userIds: m.payload.userIds as number[],
        text: String(m.payload.text),
        idempotencyKey: String(m.payload.id),
      });
    else await postWebhook(deps, m);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const { maxAttempts, backoffMs } = deps.config.delivery;
  await deps.db.tx(systemScope, async (trx) => {
    if (error === null) return markDelivered(trx, m.id, now);
    const last = m.attempts + 1 >= maxAttempts;
    // 1×, 2×, 4×, 8× … the base delay; the row stays with its idempotency key across tries.
    return markFailed(
      trx,
      m.id,
      error,
      last ? { deadAt: now } : { retryAt: new Date(now.getTime() + backoffMs * 2 ** m.attempts) },
    );
  });
  if (error === null) result.sent++;
  else if (m.attempts + 1 >= maxAttempts) {
    result.dead++;
    deps.log.warn('message dead-lettered', { id: m.id, topic: m.topic, error });
  } else result.failed++;
}

async function postWebhook(deps: DeliveryDeps, m: StoredMessage): Promise<void> {
  const hook = await deps.db.tx(systemScope, (trx) => getWebhook(trx, m.webhookId ?? 0));
  if (!hook?.enabled) throw new Error('webhook removed or disabled');
  // Checked again at delivery: the list may have narrowed since the webhook was registered.
  if (!webhookHostAllowed(hook.url, deps.config.delivery.webhookHosts))
    throw new Error('host not among CIVICGRID_WEBHOOK_ALLOWED_HOSTS');
  const body = JSON.stringify(m.payload);
  const res = await fetch(hook.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-civicgrid-signature': signBody(hook.secret, body),
      'x-civicgrid-idempotency-key': String(m.payload.id),
      'x-civicgrid-topic': m.topic,
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(deps.config.delivery.webhookTimeoutMs),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (res.status < 200 || res.status >= 300) throw new Error(`receiver answered ${res.status}`);
}
