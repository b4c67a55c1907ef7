import { createRoute } from '@hono/zod-openapi';
import { bulletinWorkbook } from '../../app/kpi/bulletin-workbook.js';
import { monthlyBulletin } from '../../app/kpi/monthly-bulletin.js';
import { BulletinQuery, MonthlyBulletin } from '../../contract/kpi-bulletin.js';
import { requireSession } from '../middleware.js';
import { attachment, errorResponses, json, newRouter, sessionSecurity, workbook } from '../router.js';

/** The monthly bulletin (月度通报): as data for the printable page, and as a workbook. */
export const kpiBulletinRoutes = newRouter();
const common = { tags: ['kpi'], security: sessionSecurity, middleware: [requireSession] };

kpiBulletinRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/kpi/bulletin',
    summary: "A month's bulletin of a region: figures, rankings, cards, largest categories, signals",
    request: { query: BulletinQuery },
    responses: { 200: json(MonthlyBulletin, 'The bulletin'), ...errorResponses },
  }),
  async (c) => c.json(await monthlyBulletin(c.var.ctx, c.req.valid('query')), 200),
);

kpiBulletinRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/kpi/bulletin/workbook',
    summary: "A month's bulletin of a region as an Excel workbook",
    request: { query: BulletinQuery },
    responses: workbook('An .xlsx workbook'),
  }),
  async (c) => {
    const q = c.req.valid('query');
    const body = await bulletinWorkbook(c.var.ctx, q);
    return c.body(new Uint8Array(body), 200, attachment(`bulletin-${q.month}.xlsx`));
  },
);
