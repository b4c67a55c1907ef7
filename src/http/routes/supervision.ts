import { createRoute } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { IdParam } from '../../contract/common.js';
import {
  BacklogBoard,
  BacklogQuery,
  CardList,
  CardQuery,
  CreateExtensionInput,
  ExtensionDecisionInput,
  ExtensionQuery,
  ExtensionRequest,
  ListedExtensionRequest,
} from '../../contract/deadlines.js';
import { backlogBoard, listCards } from '../../app/deadlines/supervision.js';
import { requestExtension } from '../../app/deadlines/request-extension.js';
import { decideExtension, listExtensionRequests } from '../../app/deadlines/decide-extension.js';
import { errorResponses, json, jsonBody, newRouter, sessionSecurity } from '../router.js';
import { ErrorBody } from '../../contract/common.js';
import { requireSession } from '../middleware.js';

/** Supervision (督办): the card board, extension requests and decisions, the petition backlog board. */
export const supervisionRoutes = newRouter();
const common = { tags: ['supervision'], security: sessionSecurity, middleware: [requireSession] };
const withUnprocessable = {
  ...errorResponses,
  422: json(ErrorBody, 'Not possible now (e.g. beyond the maximum extension)'),
};

supervisionRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/supervision/cards',
    summary: 'Cards on the supervision boards of your jurisdiction',
    request: { query: CardQuery },
    responses: { 200: json(CardList, 'Cards'), ...errorResponses },
  }),
  async (c) => c.json(await listCards(c.var.ctx, c.req.valid('query')), 200),
);

supervisionRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/extension-requests',
    summary: 'Extension requests in your jurisdiction',
    request: { query: ExtensionQuery },
    responses: { 200: json(z.array(ListedExtensionRequest), 'Requests'), ...errorResponses },
  }),
  async (c) => c.json(await listExtensionRequests(c.var.ctx, c.req.valid('query')), 200),
);

supervisionRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/cases/{id}/extension-requests',
    summary: "Ask the parent level for more time on your unit's stage",
    request: { params: IdParam, ...jsonBody(CreateExtensionInput) },
    responses: { 201: json(ExtensionRequest, 'Requested'), ...withUnprocessable },
  }),
  async (c) => c.json(await requestExtension(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 201),
);

supervisionRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/extension-requests/{id}/decision',
    summary: 'Approve or refuse (a leader of the parent level)',
    request: { params: IdParam, ...jsonBody(ExtensionDecisionInput) },
    responses: { 200: json(ExtensionRequest, 'Decided'), ...withUnprocessable },
  }),
  async (c) => c.json(await decideExtension(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
);

supervisionRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/backlog',
    summary: 'Petition backlog board (积案 红黄绿)',
    request: { query: BacklogQuery },
    responses: { 200: json(BacklogBoard, 'Backlog'), ...errorResponses },
  }),
  async (c) => c.json(await backlogBoard(c.var.ctx, c.req.valid('query')), 200),
);
