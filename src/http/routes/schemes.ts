import { createRoute, z } from '@hono/zod-openapi';
import { importIndicators } from '../../app/assessment/import-indicators.js';
import { runScheme } from '../../app/assessment/run-scheme.js';
import { schemeScores } from '../../app/assessment/scheme-scores.js';
import { createScheme, listSchemeViews, schemeView, updateScheme } from '../../app/assessment/schemes.js';
import {
  CreateSchemeInput,
  ImportIndicatorsInput,
  ImportReport,
  RunSchemeInput,
  Scheme,
  SchemeQuery,
  SchemeScores,
  ScoresQuery,
  UpdateSchemeInput,
  VersionQuery,
} from '../../contract/assessment.js';
import { IdParam } from '../../contract/common.js';
import { requireSession } from '../middleware.js';
import { errorResponses, json, jsonBody, newRouter, sessionSecurity } from '../router.js';

/** Assessment schemes (考核方案) and the safety index (平安指数): definitions, versions, scores, imported figures. */
export const schemeRoutes = newRouter();
const common = { tags: ['assessment'], security: sessionSecurity, middleware: [requireSession] };

schemeRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/schemes',
    summary: 'The assessment schemes owned in your jurisdiction, with their latest definitions',
    request: { query: SchemeQuery },
    responses: { 200: json(z.array(Scheme), 'Schemes'), ...errorResponses },
  }),
  async (c) => c.json(await listSchemeViews(c.var.ctx, c.req.valid('query')), 200),
);

schemeRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/schemes',
    summary: "Define a year's assessment scheme: indicators with weights, directions and scoring rules (administrator)",
    request: jsonBody(CreateSchemeInput),
    responses: { 201: json(Scheme, 'Created as version 1'), ...errorResponses },
  }),
  async (c) => c.json(await createScheme(c.var.ctx, c.req.valid('json')), 201),
);

schemeRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/schemes/{id}',
    summary: 'A scheme with the definition of one version (default: the latest) and the list of versions',
    request: { params: IdParam, query: VersionQuery },
    responses: { 200: json(Scheme, 'Scheme'), ...errorResponses },
  }),
  async (c) => c.json(await schemeView(c.var.ctx, c.req.valid('param').id, c.req.valid('query').version), 200),
);

schemeRoutes.openapi(
  createRoute({
    ...common,
    method: 'patch',
    path: '/schemes/{id}',
    summary:
      'Rename a scheme or change its definition; after scores were stored, a change is a new version (administrator)',
    request: { params: IdParam, ...jsonBody(UpdateSchemeInput) },
    responses: { 200: json(Scheme, 'The latest version'), ...errorResponses },
  }),
  async (c) => c.json(await updateScheme(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
);

schemeRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/schemes/{id}/scores',
    summary: "Each region's safety index for a period, with every component's raw value, score and weight",
    request: { params: IdParam, query: ScoresQuery },
    responses: { 200: json(SchemeScores, 'Scores'), ...errorResponses },
  }),
  async (c) => c.json(await schemeScores(c.var.ctx, c.req.valid('param').id, c.req.valid('query')), 200),
);

schemeRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/schemes/{id}/runs',
    summary: "Store a period's scores under a version and send its early warnings (a leader)",
    request: { params: IdParam, ...jsonBody(RunSchemeInput) },
    responses: { 201: json(SchemeScores, 'Stored'), ...errorResponses },
  }),
  async (c) => c.json(await runScheme(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 201),
);

schemeRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/indicator-values/import',
    summary:
      'Import aggregate figures per region and period from another system, with a report line by line (administrator)',
    request: jsonBody(ImportIndicatorsInput),
    responses: { 200: json(ImportReport, 'What was imported and what was refused'), ...errorResponses },
  }),
  async (c) => c.json(await importIndicators(c.var.ctx, c.req.valid('json')), 200),
);
