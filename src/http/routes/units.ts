import { createRoute, z } from '@hono/zod-openapi';
import { IdParam } from '../../contract/common.js';
import { CreateUnitInput, Unit, UnitListQuery, UnitPage, UnitType, UpdateUnitInput } from '../../contract/units.js';
import { createUnit, getUnitById, getUnitTypes, listUnits, updateUnit } from '../../app/units/units.js';
import { errorResponses, json, jsonBody, newRouter, sessionSecurity } from '../router.js';
import { requireSession } from '../middleware.js';

export const unitRoutes = newRouter();
const common = { tags: ['units'], security: sessionSecurity, middleware: [requireSession] };

unitRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/unit-types',
    summary: 'Kinds of unit',
    responses: { 200: json(z.array(UnitType), 'Unit types'), ...errorResponses },
  }),
  async (c) => c.json(await getUnitTypes(c.var.ctx), 200),
);

unitRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/units',
    summary: 'Units in your jurisdiction',
    request: { query: UnitListQuery },
    responses: { 200: json(UnitPage, 'A page of units'), ...errorResponses },
  }),
  async (c) => c.json(await listUnits(c.var.ctx, c.req.valid('query')), 200),
);

unitRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/units/{id}',
    summary: 'One unit',
    request: { params: IdParam },
    responses: { 200: json(Unit, 'The unit'), ...errorResponses },
  }),
  async (c) => c.json(await getUnitById(c.var.ctx, c.req.valid('param').id), 200),
);

unitRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/units',
    summary: 'Create a unit (administrator)',
    request: jsonBody(CreateUnitInput),
    responses: { 201: json(Unit, 'Created'), ...errorResponses },
  }),
  async (c) => c.json(await createUnit(c.var.ctx, c.req.valid('json')), 201),
);

unitRoutes.openapi(
  createRoute({
    ...common,
    method: 'patch',
    path: '/units/{id}',
    summary: 'Change a unit (administrator)',
    request: { params: IdParam, ...jsonBody(UpdateUnitInput) },
    responses: { 200: json(Unit, 'Updated'), ...errorResponses },
  }),
  async (c) => c.json(await updateUnit(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
);
