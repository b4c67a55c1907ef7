import { createRoute, z } from '@hono/zod-openapi';
import { IdParam } from '../../contract/common.js';
import {
  CreateDispatchRuleInput,
  DispatchDecision,
  DispatchRule,
  DryRunInput,
  UpdateDispatchRuleInput,
} from '../../contract/dispatch.js';
import {
  createDispatchRule,
  deleteDispatchRule,
  listDispatchRules,
  updateDispatchRule,
} from '../../app/dispatch/dispatch-rules.js';
import { dryRunDispatch } from '../../app/dispatch/dry-run-dispatch.js';
import { errorResponses, json, jsonBody, newRouter, sessionSecurity } from '../router.js';
import { requireSession } from '../middleware.js';

export const dispatchRoutes = newRouter();
const common = { tags: ['dispatch'], security: sessionSecurity, middleware: [requireSession] };

dispatchRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/dispatch/dry-run',
    summary: 'Where a hypothetical case would be dispatched, and why',
    request: jsonBody(DryRunInput),
    responses: { 200: json(DispatchDecision, 'The decision with its explanation'), ...errorResponses },
  }),
  async (c) => c.json(await dryRunDispatch(c.var.ctx, c.req.valid('json')), 200),
);

dispatchRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/dispatch-rules',
    summary: 'Dispatch rules in the order they are tried',
    responses: { 200: json(z.array(DispatchRule), 'Rules'), ...errorResponses },
  }),
  async (c) => c.json(await listDispatchRules(c.var.ctx), 200),
);

dispatchRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/dispatch-rules',
    summary: 'Add a dispatch rule (administrator)',
    request: jsonBody(CreateDispatchRuleInput),
    responses: { 201: json(DispatchRule, 'Created'), ...errorResponses },
  }),
  async (c) => c.json(await createDispatchRule(c.var.ctx, c.req.valid('json')), 201),
);

dispatchRoutes.openapi(
  createRoute({
    ...common,
    method: 'patch',
    path: '/dispatch-rules/{id}',
    summary: 'Change, enable, disable or move a dispatch rule (administrator)',
    request: { params: IdParam, ...jsonBody(UpdateDispatchRuleInput) },
    responses: { 200: json(DispatchRule, 'Updated'), ...errorResponses },
  }),
  async (c) => c.json(await updateDispatchRule(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
);

dispatchRoutes.openapi(
  createRoute({
    ...common,
    method: 'delete',
    path: '/dispatch-rules/{id}',
    summary: 'Remove a dispatch rule (administrator)',
    request: { params: IdParam },
    responses: { 204: { description: 'Removed' }, ...errorResponses },
  }),
  async (c) => {
    await deleteDispatchRule(c.var.ctx, c.req.valid('param').id);
    return c.body(null, 204);
  },
);
