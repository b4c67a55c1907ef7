import { createRoute } from '@hono/zod-openapi';
import { IdParam } from '../../contract/common.js';
import { CreateUserInput, UpdateUserInput, User, UserListQuery, UserPage } from '../../contract/users.js';
import { createUser } from '../../app/users/create-user.js';
import { updateUser } from '../../app/users/update-user.js';
import { getUserById, listUsers } from '../../app/users/list-users.js';
import { errorResponses, json, jsonBody, newRouter, sessionSecurity } from '../router.js';
import { requireSession } from '../middleware.js';

export const userRoutes = newRouter();
const common = { tags: ['users'], security: sessionSecurity, middleware: [requireSession] };

userRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/users',
    summary: 'Accounts in your jurisdiction',
    request: { query: UserListQuery },
    responses: { 200: json(UserPage, 'A page of users'), ...errorResponses },
  }),
  async (c) => c.json(await listUsers(c.var.ctx, c.req.valid('query')), 200),
);

userRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/users/{id}',
    summary: 'One account',
    request: { params: IdParam },
    responses: { 200: json(User, 'The user'), ...errorResponses },
  }),
  async (c) => c.json(await getUserById(c.var.ctx, c.req.valid('param').id), 200),
);

userRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/users',
    summary: 'Create an account (security officer)',
    request: jsonBody(CreateUserInput),
    responses: { 201: json(User, 'Created'), ...errorResponses },
  }),
  async (c) => c.json(await createUser(c.var.ctx, c.req.valid('json')), 201),
);

userRoutes.openapi(
  createRoute({
    ...common,
    method: 'patch',
    path: '/users/{id}',
    summary: 'Change an account: roles, unit, grid, password, disable (security officer)',
    request: { params: IdParam, ...jsonBody(UpdateUserInput) },
    responses: { 200: json(User, 'Updated'), ...errorResponses },
  }),
  async (c) => c.json(await updateUser(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
);
