import { z } from '@hono/zod-openapi';
import { PageQuery, RegionCode, pageOf, patchOf } from './common.js';

export const UnitType = z
  .object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), isServiceCentre: z.boolean() })
  .openapi('UnitType');
export type UnitType = z.infer<typeof UnitType>;

export const Unit = z
  .object({
    id: z.number().int(),
    typeCode: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    regionLevel: z.number().int(),
    name: z.string(),
    phone: z.string().nullable(),
    disabled: z.boolean(),
  })
  .openapi('Unit');
export type Unit = z.infer<typeof Unit>;
export const UnitPage = pageOf(Unit, 'UnitPage');

export const UnitListQuery = PageQuery.extend({
  region: RegionCode.optional().openapi({ description: 'units in this region and below' }),
  type: z.string().max(40).optional(),
  q: z.string().max(64).optional(),
});

export const CreateUnitInput = z
  .object({
    typeCode: z.string().min(1).max(40),
    regionCode: RegionCode,
    name: z.string().min(1).max(100),
    phone: z.string().max(40).nullable().optional(),
  })
  .openapi('CreateUnitInput');
export type CreateUnitInput = z.infer<typeof CreateUnitInput>;

export const UpdateUnitInput = patchOf(
  z.object({
    name: z.string().min(1).max(100).optional(),
    phone: z.string().max(40).nullable().optional(),
    disabled: z.boolean().optional(),
  }),
).openapi('UpdateUnitInput');
export type UpdateUnitInput = z.infer<typeof UpdateUnitInput>;
