import { createRoute, z } from '@hono/zod-openapi';
import { createClass, listClasses, removeClass, updateClass } from '../../app/assessment/peer-classes.js';
import { IdParam } from '../../contract/common.js';
import { CreatePeerClassInput, PeerClass, PeerClassQuery, UpdatePeerClassInput } from '../../contract/peer-classes.js';
import { requireSession } from '../middleware.js';
import { errorResponses, json, jsonBody, newRouter, sessionSecurity } from '../router.js';

/** Peer classes (一类/二类/三类地区): the groups of regions that rankings compare within. */
export const peerClassRoutes = newRouter();
const common = { tags: ['assessment'], security: sessionSecurity, middleware: [requireSession] };

peerClassRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/peer-classes',
    summary: 'The peer classes owned in your jurisdiction, with their member regions',
    request: { query: PeerClassQuery },
    responses: { 200: json(z.array(PeerClass), 'Classes'), ...errorResponses },
  }),
  async (c) => c.json(await listClasses(c.var.ctx, c.req.valid('query')), 200),
);

peerClassRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/peer-classes',
    summary: 'Define a peer class of regions at one level (administrator)',
    request: jsonBody(CreatePeerClassInput),
    responses: { 201: json(PeerClass, 'Created'), ...errorResponses },
  }),
  async (c) => c.json(await createClass(c.var.ctx, c.req.valid('json')), 201),
);

peerClassRoutes.openapi(
  createRoute({
    ...common,
    method: 'patch',
    path: '/peer-classes/{id}',
    summary: 'Rename a peer class or replace its members (administrator)',
    request: { params: IdParam, ...jsonBody(UpdatePeerClassInput) },
    responses: { 200: json(PeerClass, 'Updated'), ...errorResponses },
  }),
  async (c) => c.json(await updateClass(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
);

peerClassRoutes.openapi(
  createRoute({
    ...common,
    method: 'delete',
    path: '/peer-classes/{id}',
    summary: 'Remove a peer class (administrator)',
    request: { params: IdParam },
    responses: { 204: { description: 'Removed' }, ...errorResponses },
  }),
  async (c) => {
    await removeClass(c.var.ctx, c.req.valid('param').id);
    return c.body(null, 204);
  },
);
