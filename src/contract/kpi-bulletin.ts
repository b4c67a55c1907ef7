import { z } from '@hono/zod-openapi';
import { RegionCode } from './common.js';
import { KpiBreakdown, KpiFigure } from './kpi.js';

/** A calendar month, YYYY-MM, between 2000 and 2100. */
const Month = z
  .string()
  .regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM (2000-01 to 2100-12)')
  .openapi({ example: '2026-03' });

export const BulletinQuery = z.object({
  region: RegionCode.optional().openapi({ description: 'default: your jurisdiction' }),
  month: Month,
});
export type BulletinQuery = z.infer<typeof BulletinQuery>;

const Name = z.object({ zh: z.string(), en: z.string() });

export const MonthlyBulletin = z
  .object({
    region: z.object({ code: z.string(), path: z.string(), name: z.string() }),
    month: z.string(),
    period: z.object({ kind: z.string(), from: z.string(), to: z.string() }),
    asOf: z.string(),
    figures: z.array(KpiFigure),
    rankings: z
      .array(KpiBreakdown.extend({ name: Name }))
      .openapi({ description: 'the key rates by child region, ranked by the Wilson lower bound' }),
    cards: z
      .array(KpiBreakdown.extend({ name: Name }))
      .openapi({ description: 'supervision cards issued in the month by child region, one table per colour' }),
    categories: z
      .array(
        z.object({
          code: z.string(),
          name: Name,
          received: z.number().int(),
          share: z.number(),
          drillDown: z.string(),
        }),
      )
      .openapi({ description: "the month's largest categories by cases received (at most ten)" }),
    warnings: z
      .array(
        z.object({
          schemeId: z.number().int(),
          scheme: z.string(),
          period: z.object({ kind: z.string(), from: z.string() }),
          regionCode: z.string(),
          regionName: z.string().nullable(),
          reason: z.enum(['below_threshold', 'dropped']),
          index: z.number(),
          previous: z.number().nullable(),
          limit: z.number(),
        }),
      )
      .openapi({ description: "the safety-index early warnings raised for the month's periods (平安指数预警)" }),
    notices: z
      .array(
        z.object({
          figure: z.string(),
          signal: z.string(),
          name: Name,
          numerator: z.number(),
          denominator: z.number(),
        }),
      )
      .openapi({ description: 'signals of gaming that the month shows (a numerator above zero), beside their figure' }),
  })
  .openapi('MonthlyBulletin');
export type MonthlyBulletin = z.infer<typeof MonthlyBulletin>;
