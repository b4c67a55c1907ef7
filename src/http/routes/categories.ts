import { createRoute, z } from '@hono/zod-openapi';
import { Category, CategoryCodeParam, CreateCategoryInput, UpdateCategoryInput } from '../../contract/categories.js';
import { createCategory, getCategories, updateCategory } from '../../app/categories/categories.js';
import { errorResponses, json, jsonBody, newRouter, sessionSecurity } from '../router.js';
import { requireSession } from '../middleware.js';

export const categoryRoutes = newRouter();
const common = { tags: ['categories'], security: sessionSecurity, middleware: [requireSession] };

categoryRoutes.openapi(
  createRoute({
    ...common,
    method: 'get',
    path: '/categories',
    summary: 'The category tree, flat, in path order',
    responses: { 200: json(z.array(Category), 'Categories'), ...errorResponses },
  }),
  async (c) => c.json(await getCategories(c.var.ctx), 200),
);

categoryRoutes.openapi(
  createRoute({
    ...common,
    method: 'post',
    path: '/categories',
    summary: 'Add a category (administrator)',
    request: jsonBody(CreateCategoryInput),
    responses: { 201: json(Category, 'Created'), ...errorResponses },
  }),
  async (c) => c.json(await createCategory(c.var.ctx, c.req.valid('json')), 201),
);

categoryRoutes.openapi(
  createRoute({
    ...common,
    method: 'patch',
    path: '/categories/{code}',
    summary: 'Rename, reorder or disable a category (administrator)',
    request: { params: CategoryCodeParam, ...jsonBody(UpdateCategoryInput) },
    responses: { 200: json(Category, 'Updated'), ...errorResponses },
  }),
  async (c) => c.json(await updateCategory(c.var.ctx, c.req.valid('param').code, c.req.valid('json')), 200),
);
