import { createRoute, z } from '@hono/zod-openapi';
import { exportKpiEvents } from '../../app/kpi/export-events.js';
import { kpiBreakdown } from '../../app/kpi/kpi-breakdown.js';
import { kpiDrillDown, kpiFigures } from '../../app/kpi/kpi-figures.js';
import { drillDownWorkbook, kpiWorkbook } from '../../app/kpi/kpi-workbook.js';
import {
  BreakdownQuery,
  KpiBreakdown,
  DrillDownQuery,
  ExportQuery,
  KpiDrillDown,
  KpiFigures,
  KpiIdParam,
  KpiQuery,
  WorkbookQuery,
} from '../../contract/kpi.js';
import { requireSession } from '../middleware.js';
import { attachment, errorResponses, json, newRouter, sessionSecurity, workbook } from '../router.js';

/** Analysis (分析研判): every KPI of a region and period, the cases behind each, the export to recompute them. */
export const kpiRoutes = newRouter();
const common = { tags: ['kpi'], security: sessionSecurity, middleware: [requireSession] };

kpiRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/kpi',
    summary: 'Every KPI of a region and period, with numerator, denominator, change and signals',
    request: { query: KpiQuery },
    responses: { 200: json(KpiFigures, 'Figures'), ...errorResponses },
  }),
  async (c) => c.json(await kpiFigures(c.var.ctx, c.req.valid('query')), 200),
);

kpiRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/kpi/events',
    summary: 'The case events, stage clocks, cards and extensions the figures are computed from (NDJSON or CSV)',
    request: { query: ExportQuery },
    responses: {
      200: {
        description: 'One record a line',
        content: { 'application/x-ndjson': { schema: z.string() }, 'text/csv': { schema: z.string() } },
      },
      ...errorResponses,
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const body = await exportKpiEvents(c.var.ctx, q);
    const type = q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
    return c.body(body, 200, {
      'content-type': type,
      'content-disposition': `attachment; filename="kpi-events.${q.format}"`,
    });
  },
);

kpiRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/kpi/{id}/cases',
    summary: "The cases counted in a figure's numerator or denominator",
    request: { params: KpiIdParam, query: DrillDownQuery },
    responses: { 200: json(KpiDrillDown, 'Cases'), ...errorResponses },
  }),
  async (c) => c.json(await kpiDrillDown(c.var.ctx, c.req.valid('param').id, c.req.valid('query')), 200),
);

kpiRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/kpi/{id}/breakdown',
    summary: 'One figure by child region, unit, kind, channel, complexity or category, fairly ranked',
    request: { params: KpiIdParam, query: BreakdownQuery },
    responses: { 200: json(KpiBreakdown, 'Rows'), ...errorResponses },
  }),
  async (c) => c.json(await kpiBreakdown(c.var.ctx, c.req.valid('param').id, c.req.valid('query')), 200),
);

kpiRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/kpi/workbook',
    summary: 'The figures, their signals and one ranking by township as an Excel workbook',
    request: { query: WorkbookQuery },
    responses: workbook('An .xlsx workbook'),
  }),
  async (c) => {
    const body = await kpiWorkbook(c.var.ctx, c.req.valid('query'));
    return c.body(new Uint8Array(body), 200, attachment('kpi.xlsx'));
  },
);

kpiRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/kpi/{id}/cases/workbook',
    summary: "The cases behind a figure's numerator or denominator as an Excel workbook",
    request: { params: KpiIdParam, query: DrillDownQuery },
    responses: workbook('An .xlsx workbook'),
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const body = await drillDownWorkbook(c.var.ctx, id, c.req.valid('query'));
    return c.body(new Uint8Array(body), 200, attachment(`${id}-cases.xlsx`));
  },
);
