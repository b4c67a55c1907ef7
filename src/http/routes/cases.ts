import { createRoute, z } from '@hono/zod-openapi';
import { IdParam } from '../../contract/common.js';
import {
  ActionBodies,
  CaseDetail,
  CaseListQuery,
  CasePage,
  Party,
  RevealInput,
  SubmitCaseInput,
  type CaseActionName,
} from '../../contract/cases.js';
import { submitCase } from '../../app/cases/submit-case.js';
import { actOnCase } from '../../app/cases/act-on-case.js';
import { listCases } from '../../app/cases/list-cases.js';
import { caseListWorkbook } from '../../app/cases/case-list-workbook.js';
import { getCase, revealParties } from '../../app/cases/get-case.js';
import { attachment, errorResponses, json, jsonBody, newRouter, sessionSecurity, workbook } from '../router.js';
import { requireSession } from '../middleware.js';

export const caseRoutes = newRouter();
const common = { tags: ['cases'], security: sessionSecurity, middleware: [requireSession] };

const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(128)
    .regex(/^[A-Za-z0-9._:-]+$/)
    .openapi({ description: 'a key the client makes once per intake and repeats on retry' }),
});

caseRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/cases',
    summary: 'Register a case from any channel; dispatched at once by the rules',
    request: { headers: IdempotencyHeader, ...jsonBody(SubmitCaseInput) },
    responses: { 201: json(CaseDetail, 'Registered (or the earlier case for a repeated key)'), ...errorResponses },
  }),
  async (c) => c.json(await submitCase(c.var.ctx, c.req.valid('json'), c.req.valid('header')['idempotency-key']), 201),
);

caseRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/cases',
    summary: 'Cases in your jurisdiction or held by your unit',
    request: { query: CaseListQuery },
    responses: { 200: json(CasePage, 'A page of cases'), ...errorResponses },
  }),
  async (c) => c.json(await listCases(c.var.ctx, c.req.valid('query')), 200),
);

// Before /cases/{id}: the router takes the first route that matches.
caseRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/cases/workbook',
    summary:
      'The case list as an Excel workbook: every case the filters select (at most 10,000), the filters on the sheet',
    request: { query: CaseListQuery.omit({ page: true, pageSize: true }) },
    responses: workbook('An .xlsx workbook'),
  }),
  async (c) => {
    const body = await caseListWorkbook(c.var.ctx, c.req.valid('query'));
    return c.body(new Uint8Array(body), 200, attachment('cases.xlsx'));
  },
);

caseRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/cases/{id}',
    summary: 'One case with its timeline and your available actions',
    request: { params: IdParam },
    responses: { 200: json(CaseDetail, 'The case'), ...errorResponses },
  }),
  async (c) => c.json(await getCase(c.var.ctx, c.req.valid('param').id), 200),
);

caseRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/cases/{id}/parties/reveal',
    summary: "See the parties' full contact data, with a reason (audited)",
    request: { params: IdParam, ...jsonBody(RevealInput) },
    responses: { 200: json(z.array(Party), 'The parties unmasked'), ...errorResponses },
  }),
  async (c) => c.json(await revealParties(c.var.ctx, c.req.valid('param').id, c.req.valid('json').reason), 200),
);

for (const action of Object.keys(ActionBodies) as CaseActionName[]) {
  caseRoutes.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: `/cases/{id}/actions/${action}`,
      summary: `Case action: ${action}`,
      request: { params: IdParam, ...jsonBody(ActionBodies[action]) },
      responses: {
        200: json(CaseDetail, 'The case after the action'),
        ...errorResponses,
        409: json(
          z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
          'Stale version or not allowed in this status',
        ),
      },
    }),
    async (c) => c.json(await actOnCase(c.var.ctx, c.req.valid('param').id, action, c.req.valid('json') as never), 200),
  );
}
