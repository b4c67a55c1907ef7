import { createRoute, z } from '@hono/zod-openapi';
import { IdParam, PageQuery } from '../../contract/common.js';
import {
  CreatedWebhook,
  CreateWebhookInput,
  DeadLetterPage,
  InboxPage,
  InboxQuery,
  UpdateWebhookInput,
  Webhook,
} from '../../contract/notifications.js';
import { getInbox, readInboxMessage } from '../../app/notify/inbox.js';
import {
  changeWebhook,
  createWebhook,
  getDeadLetters,
  getWebhooks,
  removeWebhook,
  retryDeadLetterMessage,
} from '../../app/notify/webhooks.js';
import { errorResponses, json, jsonBody, newRouter, sessionSecurity } from '../router.js';
import { requireSession } from '../middleware.js';

/** The in-app inbox (everyone) and webhooks with their dead letters (administrator). */
export const notificationRoutes = newRouter();
const common = { tags: ['notifications'], security: sessionSecurity, middleware: [requireSession] };

notificationRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/inbox',
    summary: 'Your messages, newest first',
    request: { query: InboxQuery },
    responses: { 200: json(InboxPage, 'Messages'), ...errorResponses },
  }),
  async (c) => c.json(await getInbox(c.var.ctx, c.req.valid('query')), 200),
);

notificationRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/inbox/{id}/read',
    summary: 'Mark a message read',
    request: { params: IdParam },
    responses: { 204: { description: 'Read' }, ...errorResponses },
  }),
  async (c) => {
    await readInboxMessage(c.var.ctx, c.req.valid('param').id);
    return c.body(null, 204);
  },
);

notificationRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/webhooks',
    summary: 'Registered webhooks (administrator)',
    responses: { 200: json(z.array(Webhook), 'Webhooks'), ...errorResponses },
  }),
  async (c) => c.json(await getWebhooks(c.var.ctx), 200),
);

notificationRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/webhooks',
    summary: 'Register a webhook; its secret is shown this once',
    request: jsonBody(CreateWebhookInput),
    responses: { 201: json(CreatedWebhook, 'Created'), ...errorResponses },
  }),
  async (c) => c.json(await createWebhook(c.var.ctx, c.req.valid('json')), 201),
);

notificationRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/webhooks/dead-letters',
    summary: 'Messages that failed their last try (administrator)',
    request: { query: PageQuery },
    responses: { 200: json(DeadLetterPage, 'Dead letters'), ...errorResponses },
  }),
  async (c) => c.json(await getDeadLetters(c.var.ctx, c.req.valid('query')), 200),
);

notificationRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/webhooks/dead-letters/{id}/retry',
    summary: 'Send a dead letter again',
    request: { params: IdParam },
    responses: { 204: { description: 'Queued' }, ...errorResponses },
  }),
  async (c) => {
    await retryDeadLetterMessage(c.var.ctx, c.req.valid('param').id);
    return c.body(null, 204);
  },
);

notificationRoutes.openapi(
  createRoute({
    ...common,
    method: 'patch',
    path: '/webhooks/{id}',
    summary: 'Change a webhook',
    request: { params: IdParam, ...jsonBody(UpdateWebhookInput) },
    responses: { 200: json(Webhook, 'Updated'), ...errorResponses },
  }),
  async (c) => c.json(await changeWebhook(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
);

notificationRoutes.openapi(
  createRoute({
    ...common,
    method: 'delete',
    path: '/webhooks/{id}',
    summary: 'Remove a webhook',
    request: { params: IdParam },
    responses: { 204: { description: 'Removed' }, ...errorResponses },
  }),
  async (c) => {
    await removeWebhook(c.var.ctx, c.req.valid('param').id);
    return c.body(null, 204);
  },
);
