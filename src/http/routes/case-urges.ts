import { createRoute } from '@hono/zod-openapi';
import { IdParam } from '../../contract/common.js';
import { CaseUrges } from '../../contract/public.js';
import { listUrges } from '../../app/public/list-urges.js';
import { errorResponses, json, newRouter, sessionSecurity } from '../router.js';
import { requireSession } from '../middleware.js';

export const caseUrgeRoutes = newRouter();

caseUrgeRoutes.openapi(
  createRoute({
    tags: ['cases'],
    security: sessionSecurity,
    middleware: [requireSession],
    method: 'get',
    path: '/cases/{id}/urges',
    summary: "Residents' urges (催办) of a case, newest first",
    request: { params: IdParam },
    responses: { 200: json(CaseUrges, 'The urges and their count'), ...errorResponses },
  }),
  async (c) => c.json(await listUrges(c.var.ctx, c.req.valid('param').id), 200),
);
