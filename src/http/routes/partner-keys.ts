import { createRoute, z } from '@hono/zod-openapi';
import { IdParam } from '../../contract/common.js';
import { IssuedPartnerKey, IssuePartnerKeyInput, PartnerKeyView } from '../../contract/partner-keys.js';
import { issuePartnerKey, listPartnerKeys, revokePartnerKey } from '../../app/partners/partner-keys.js';
import { errorResponses, json, jsonBody, newRouter, sessionSecurity } from '../router.js';
import { requireSession } from '../middleware.js';

export const partnerKeyRoutes = newRouter();
const common = { tags: ['partner keys'], security: sessionSecurity, middleware: [requireSession] };

partnerKeyRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/partner-keys',
    summary: 'Partner API keys (Open311) in your jurisdiction',
    responses: { 200: json(z.array(PartnerKeyView), 'Keys, without the keys themselves'), ...errorResponses },
  }),
  async (c) => c.json(await listPartnerKeys(c.var.ctx), 200),
);
partnerKeyRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/partner-keys',
    summary: 'Issue a key bound to a channel and a jurisdiction; the key is shown once',
    request: jsonBody(IssuePartnerKeyInput),
    responses: { 201: json(IssuedPartnerKey, 'Issued'), ...errorResponses },
  }),
  async (c) => c.json(await issuePartnerKey(c.var.ctx, c.req.valid('json')), 201),
);
partnerKeyRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/partner-keys/{id}/revoke',
    summary: 'Revoke a key',
    request: { params: IdParam },
    responses: { 200: json(PartnerKeyView, 'Revoked'), ...errorResponses },
  }),
  async (c) => c.json(await revokePartnerKey(c.var.ctx, c.req.valid('param').id), 200),
);
