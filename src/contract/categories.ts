import { z } from '@hono/zod-openapi';
import { patchOf } from './common.js';

export const Category = z
  .object({
    code: z.string(),
    parentCode: z.string().nullable(),
    path: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    sort: z.number().int(),
    disabled: z.boolean(),
  })
  .openapi('Category');
export type Category = z.infer<typeof Category>;

export const CategoryCodeParam = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

export const CreateCategoryInput = z
  .object({
    code: z.string().regex(/^[a-z0-9_]{1,40}$/, 'lower-case letters, digits and underscore'),
    parentCode: z
      .string()
      .regex(/^[a-z0-9_]{1,40}$/)
      .nullable()
      .optional(),
    nameZh: z.string().min(1).max(60),
    nameEn: z.string().min(1).max(80),
    sort: z.number().int().min(0).max(10_000).optional(),
  })
  .openapi('CreateCategoryInput');
export type CreateCategoryInput = z.infer<typeof CreateCategoryInput>;

export const UpdateCategoryInput = patchOf(
  z.object({
    nameZh: z.string().min(1).max(60).optional(),
    nameEn: z.string().min(1).max(80).optional(),
    sort: z.number().int().min(0).max(10_000).optional(),
    disabled: z.boolean().optional(),
  }),
).openapi('UpdateCategoryInput');
export type UpdateCategoryInput = z.infer<typeof UpdateCategoryInput>;
