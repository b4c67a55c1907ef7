import { z } from '@hono/zod-openapi';
import { ROLES } from '../core/case/types.js';

/** Shapes shared by every resource: errors, paging, ids. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'NotFound' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Role = z.enum(ROLES).openapi('Role');
export type Role = z.infer<typeof Role>;

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** A page of items with the total, so lists can be server-paged. */
export const pageOf = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z
    .object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
    .openapi(name);

/**
 * A PATCH body: every field optional, at least one given. An empty patch (or one of unknown
 * fields only, which the schema drops) would change nothing, so it is refused as a mistake.
 */
export const patchOf = <T extends z.ZodObject>(schema: T) =>
  schema.refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'nothing to change: give at least one field',
  });

export const RegionCode = z.string().regex(/^\d{2,18}$/, 'a region code is 2–18 digits');

/** Where a configuration row comes from (dispatch rules, deadline policies, card rules). */
export const ConfigOrigin = {
  regionCode: z
    .string()
    .nullable()
    .openapi({ description: "the region whose administrators set the row; null: the deployment's top" }),
  regionName: z.string().nullable(),
  inherited: z.boolean().openapi({
    description: "set above the caller's jurisdiction: read-only to them; a row of their own overrides it",
  }),
};
