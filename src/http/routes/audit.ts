import { createRoute } from '@hono/zod-openapi';
import { AuditPage, AuditQuery, AuditVerification } from '../../contract/audit.js';
import { listAudit, verifyAudit } from '../../app/audit/list-audit.js';
import { errorResponses, json, newRouter, sessionSecurity } from '../router.js';
import { requireSession } from '../middleware.js';

export const auditRoutes = newRouter();
const common = { tags: ['audit'], security: sessionSecurity, middleware: [requireSession] };

auditRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/audit',
    summary: 'The audit log (auditor only)',
    request: { query: AuditQuery },
    responses: { 200: json(AuditPage, 'A page of audit records'), ...errorResponses },
  }),
  async (c) => c.json(await listAudit(c.var.ctx, c.req.valid('query')), 200),
);

auditRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/audit/verify',
    summary: 'Verify the hash chain (auditor only)',
    responses: { 200: json(AuditVerification, 'The verification result'), ...errorResponses },
  }),
  async (c) => c.json(await verifyAudit(c.var.ctx), 200),
);
