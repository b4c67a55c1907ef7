import { z } from '@hono/zod-openapi';
import { ConfigOrigin, RegionCode, patchOf } from './common.js';
import { CASE_KINDS, CHANNELS, COMPLEXITIES } from '../core/case/types.js';
import { FALLBACKS, STEP_VIAS } from '../core/dispatch/types.js';

const Kind = z.enum(CASE_KINDS);
const Channel = z.enum(CHANNELS);
const Complexity = z.enum(COMPLEXITIES);
const CategoryCode = z.string().regex(/^[a-z0-9_]{1,40}$/);
const Fallback = z.enum(FALLBACKS).openapi('DispatchFallback', {
  description:
    'climb: the same unit type one level up, up to the county; service_centre: the service centre at the target level, then climb; county_centre: the county service centre',
});
// PostgreSQL text cannot hold NUL, and no rule name needs a control character.
const RuleName = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[^\p{Cc}]*$/u, 'no control characters');
const TargetLevel = z
  .number()
  .int()
  .min(1)
  .max(5)
  .openapi({ description: '1 province, 2 city, 3 county, 4 township, 5 village: a level of the case’s region path' });

export const DispatchRule = z
  .object({
    id: z.number().int(),
    position: z.number().int().openapi({
      description: "the order within the rule's jurisdiction; the first enabled match of the nearest jurisdiction wins",
    }),
    name: z.string(),
    kind: Kind.nullable(),
    categoryCode: z.string().nullable().openapi({ description: 'matches this category and every category below it' }),
    categoryNameZh: z.string().nullable(),
    categoryNameEn: z.string().nullable(),
    complexity: Complexity.nullable(),
    channel: Channel.nullable(),
    crossRegion: z.boolean().nullable(),
    targetUnitType: z.string(),
    targetLevel: z.number().int(),
    fallback: Fallback,
    enabled: z.boolean(),
    updatedAt: z.string(),
    ...ConfigOrigin,
  })
  .openapi('DispatchRule', {
    description:
      "null conditions match any case; a case is routed by its region's nearest jurisdiction's rules first, then those above",
  });
export type DispatchRule = z.infer<typeof DispatchRule>;

const conditions = {
  kind: Kind.nullable().optional(),
  categoryCode: CategoryCode.nullable().optional(),
  complexity: Complexity.nullable().optional(),
  channel: Channel.nullable().optional(),
  crossRegion: z.boolean().nullable().optional(),
};

export const CreateDispatchRuleInput = z
  .object({
    name: RuleName,
    ...conditions,
    targetUnitType: z.string().min(1).max(40),
    targetLevel: TargetLevel,
    fallback: Fallback.default('climb'),
    enabled: z.boolean().default(true),
    position: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .openapi({ description: '1 puts it first; by default it goes last' }),
  })
  .openapi('CreateDispatchRuleInput');
export type CreateDispatchRuleInput = z.infer<typeof CreateDispatchRuleInput>;

export const UpdateDispatchRuleInput = patchOf(
  z.object({
    name: RuleName.optional(),
    ...conditions,
    targetUnitType: z.string().min(1).max(40).optional(),
    targetLevel: TargetLevel.optional(),
    fallback: Fallback.optional(),
    enabled: z.boolean().optional(),
    position: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .openapi({ description: 'moves the rule to this place in the order (1 = first)' }),
  }),
).openapi('UpdateDispatchRuleInput');
export type UpdateDispatchRuleInput = z.infer<typeof UpdateDispatchRuleInput>;

export const DryRunInput = z
  .object({
    kind: Kind,
    categoryCode: CategoryCode,
    complexity: Complexity.default('general'),
    channel: Channel,
    regionCode: RegionCode,
    crossRegion: z.boolean().default(false),
  })
  .openapi('DispatchDryRunInput');
export type DryRunInput = z.infer<typeof DryRunInput>;

const Via = z.enum(STEP_VIAS);

export const DispatchDecision = z
  .object({
    unit: z
      .object({
        id: z.number().int(),
        typeCode: z.string(),
        name: z.string(),
        regionCode: z.string(),
        regionName: z.string(),
        regionLevel: z.number().int(),
      })
      .nullable(),
    rule: z.object({ id: z.number().int(), position: z.number().int(), name: z.string() }).nullable(),
    via: z.union([Via, z.literal('none')]).openapi({
      description:
        'target: the rule’s own unit; climb / service_centre / county_centre: its fallback; final: the county centre; nearest_centre: a centre above the county',
    }),
    steps: z.array(
      z.object({
        via: Via,
        typeCode: z.string(),
        level: z.number().int(),
        regionCode: z.string().nullable(),
        regionName: z.string().nullable(),
        unitId: z.number().int().nullable(),
      }),
    ),
    explanation: z.object({ zh: z.string(), en: z.string() }),
  })
  .openapi('DispatchDecision');
export type DispatchDecision = z.infer<typeof DispatchDecision>;
