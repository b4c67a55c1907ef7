import { z } from '@hono/zod-openapi';
import { patchOf } from './common.js';

/** In-app inbox, webhooks and dead letters. */
export const InboxMessage = z
  .object({
    id: z.number().int(),
    topic: z.string(),
    title: z.string(),
    body: z.string(),
    data: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('InboxMessage');
export type InboxMessage = z.infer<typeof InboxMessage>;
export const InboxQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const InboxPage = z
  .object({
    items: z.array(InboxMessage),
    total: z.number().int(),
    unread: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('InboxPage');

const Topic = z.string().regex(/^(\*|[a-z]+(\.[a-z_]+)*)$/, "a topic such as 'card.issued', or '*'");
export const Webhook = z
  .object({
    id: z.number().int(),
    url: z.string(),
    topics: z.array(z.string()),
    enabled: z.boolean(),
    createdAt: z.string(),
    regionPath: z.string().openapi({
      description: "the jurisdiction it belongs to (its administrator's): it receives events of cases inside it only",
    }),
    secretHint: z
      .string()
      .openapi({ description: 'the last 4 characters of the secret; the secret itself is shown only on creation' }),
  })
  .openapi('Webhook');
export type Webhook = z.infer<typeof Webhook>;
export const CreatedWebhook = Webhook.extend({ secret: z.string() }).openapi('CreatedWebhook');
export const CreateWebhookInput = z
  .object({
    url: z
      .string()
      .url()
      .max(2000)
      .refine((u) => /^https?:\/\//.test(u), 'http or https only'),
    topics: z.array(Topic).min(1).max(20),
    secret: z.string().min(16).max(200).optional().openapi({ description: 'made for you when absent' }),
    enabled: z.boolean().default(true),
  })
  .openapi('CreateWebhookInput');
export type CreateWebhookInput = z.infer<typeof CreateWebhookInput>;
export const UpdateWebhookInput = patchOf(
  z.object({
    url: z
      .string()
      .url()
      .max(2000)
      .refine((u) => /^https?:\/\//.test(u), 'http or https only')
      .optional(),
    topics: z.array(Topic).min(1).max(20).optional(),
    secret: z.string().min(16).max(200).optional(),
    enabled: z.boolean().optional(),
  }),
).openapi('UpdateWebhookInput');
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookInput>;

export const DeadLetter = z
  .object({
    id: z.number().int(),
    topic: z.string(),
    channel: z.string(),
    webhookId: z.number().int().nullable(),
    idempotencyKey: z.string(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deadAt: z.string(),
    regionPath: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
  })
  .openapi('DeadLetter');
export const DeadLetterPage = z
  .object({ items: z.array(DeadLetter), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .openapi('DeadLetterPage');
