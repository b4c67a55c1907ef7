import { createRoute } from '@hono/zod-openapi';
import { PageQuery } from '../../contract/common.js';
import {
  CreateRegionInput,
  Region,
  RegionCodeParam,
  RegionPage,
  RegionSearchQuery,
  UpdateRegionInput,
} from '../../contract/regions.js';
import {
  createRegion,
  deleteRegion,
  getRegion,
  listRegionChildren,
  searchRegions,
  updateRegion,
} from '../../app/regions/regions.js';
import { errorResponses, json, jsonBody, newRouter, sessionSecurity } from '../router.js';
import { requireSession } from '../middleware.js';

export const regionRoutes = newRouter();
const common = { tags: ['regions'], security: sessionSecurity, middleware: [requireSession] };

regionRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/regions',
    summary: 'Search regions by name or code prefix in your jurisdiction',
    request: { query: RegionSearchQuery },
    responses: { 200: json(RegionPage, 'Matching regions'), ...errorResponses },
  }),
  async (c) => c.json(await searchRegions(c.var.ctx, c.req.valid('query')), 200),
);

regionRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/regions/{code}',
    summary: 'One region',
    request: { params: RegionCodeParam },
    responses: { 200: json(Region, 'The region'), ...errorResponses },
  }),
  async (c) => c.json(await getRegion(c.var.ctx, c.req.valid('param').code), 200),
);

regionRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/regions/{code}/children',
    summary: 'Children of a region, paged',
    request: { params: RegionCodeParam, query: PageQuery },
    responses: { 200: json(RegionPage, 'Children'), ...errorResponses },
  }),
  async (c) => c.json(await listRegionChildren(c.var.ctx, c.req.valid('param').code, c.req.valid('query')), 200),
);

regionRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/regions',
    summary: 'Add a grid or micro-grid (administrator)',
    request: jsonBody(CreateRegionInput),
    responses: { 201: json(Region, 'Created'), ...errorResponses },
  }),
  async (c) => c.json(await createRegion(c.var.ctx, c.req.valid('json')), 201),
);

regionRoutes.openapi(
  createRoute({
    ...common,
    method: 'patch',
    path: '/regions/{code}',
    summary: 'Rename a region or redraw a grid (administrator)',
    request: { params: RegionCodeParam, ...jsonBody(UpdateRegionInput) },
    responses: { 200: json(Region, 'Updated'), ...errorResponses },
  }),
  async (c) => c.json(await updateRegion(c.var.ctx, c.req.valid('param').code, c.req.valid('json')), 200),
);

regionRoutes.openapi(
  createRoute({
    ...common,
    method: 'delete',
    path: '/regions/{code}',
    summary: 'Remove a grid nothing depends on (administrator)',
    request: { params: RegionCodeParam },
    responses: { 204: { description: 'Removed' }, ...errorResponses },
  }),
  async (c) => {
    await deleteRegion(c.var.ctx, c.req.valid('param').code);
    return c.body(null, 204);
  },
);
