import { z } from '@hono/zod-openapi';
import { PageQuery, RegionCode, pageOf, patchOf } from './common.js';

export const Region = z
  .object({
    code: z.string().openapi({ example: '320114001001' }),
    parentCode: z.string().nullable(),
    level: z
      .number()
      .int()
      .min(1)
      .max(7)
      .openapi({ description: 'province 1, city 2, county 3, township 4, village 5, grid 6, micro-grid 7' }),
    name: z.string(),
    path: z.string(),
    hasChildren: z.boolean().optional(),
    geometry: z.unknown().optional(),
  })
  .openapi('Region');
export type Region = z.infer<typeof Region>;

export const RegionPage = pageOf(Region, 'RegionPage');

export const RegionCodeParam = z.object({ code: RegionCode.openapi({ param: { name: 'code', in: 'path' } }) });

export const RegionSearchQuery = PageQuery.extend({
  q: z.string().min(1).max(64).optional(),
  level: z.coerce.number().int().min(1).max(7).optional(),
});

/** A GeoJSON Polygon or MultiPolygon (WGS 84 lng/lat), as grid boundaries are drawn. */
const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const Ring = z.array(Position).min(4);
export const GridGeometry = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
  ])
  .openapi('GridGeometry');
export type GridGeometry = z.infer<typeof GridGeometry>;

export const CreateRegionInput = z
  .object({
    parentCode: RegionCode,
    name: z.string().min(1).max(100),
    code: RegionCode.optional().openapi({ description: 'omit to get the next stable code under the parent' }),
    geometry: GridGeometry.optional(),
  })
  .openapi('CreateRegionInput');
export type CreateRegionInput = z.infer<typeof CreateRegionInput>;

export const UpdateRegionInput = patchOf(
  z.object({
    name: z.string().min(1).max(100).optional(),
    geometry: GridGeometry.nullable().optional(),
  }),
).openapi('UpdateRegionInput');
export type UpdateRegionInput = z.infer<typeof UpdateRegionInput>;
