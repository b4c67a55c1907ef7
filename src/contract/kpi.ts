import { z } from '@hono/zod-openapi';
import { CASE_KINDS, CHANNELS, COMPLEXITIES } from '../core/case/types.js';
import { PERIOD_KINDS } from '../core/kpi/period.js';
import { RegionCode } from './common.js';

/** A real calendar date (2026-02-30 is refused, not rolled over). */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d && d >= '2000-01-01' && d <= '2100-12-31';
  }, 'not a calendar date between 2000 and 2100');

const KpiQueryFields = z.object({
  region: RegionCode.optional().openapi({ description: 'default: your jurisdiction' }),
  period: z.enum([...PERIOD_KINDS, 'custom']).default('month'),
  date: CalendarDate.optional().openapi({ description: 'a day inside the period (default: today, CST)' }),
  from: CalendarDate.optional().openapi({ description: 'custom: the first day' }),
  to: CalendarDate.optional().openapi({ description: 'custom: the last day (included)' }),
  kind: z.enum(CASE_KINDS).optional(),
  channel: z.enum(CHANNELS).optional(),
  complexity: z.enum(COMPLEXITIES).optional(),
  categoryCode: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/)
    .optional(),
  unit: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31)
    .optional()
    .openapi({ description: "the case's current or last lead unit" }),
});
const customNeedsRange: [
  (q: { period: string; from?: string; to?: string }) => boolean,
  { message: string; path: string[] },
] = [
  (q) => q.period !== 'custom' || !!(q.from && q.to),
  { message: 'a custom period needs from and to', path: ['from'] },
];
export const KpiQuery = KpiQueryFields.refine(...customNeedsRange);
export type KpiQuery = z.infer<typeof KpiQuery>;

const PeriodView = z.object({ kind: z.string(), from: z.string(), to: z.string() });
const Amounts = {
  numerator: z.number(),
  denominator: z.number().int(),
  value: z
    .number()
    .nullable()
    .openapi({ description: 'a share for rates (0–1), the mean, or the count; null without a denominator' }),
};

export const KpiFigure = z
  .object({
    id: z.string(),
    kind: z.enum(['rate', 'mean', 'count']),
    name: z.object({ zh: z.string(), en: z.string() }),
    ...Amounts,
    previous: z.object(Amounts),
    lastYear: z.object(Amounts),
    periodOnPeriod: z
      .number()
      .nullable()
      .openapi({ description: 'rates: percentage points; counts and means: relative change' }),
    yearOnYear: z.number().nullable(),
    drillDown: z.string().openapi({ description: 'the cases behind the figure' }),
    signals: z.array(z.object({ id: z.string(), name: z.object({ zh: z.string(), en: z.string() }), ...Amounts })),
  })
  .openapi('KpiFigure');

export const KpiFigures = z
  .object({
    region: z.object({ code: z.string(), path: z.string() }),
    period: PeriodView,
    asOf: z.string(),
    figures: z.array(KpiFigure),
  })
  .openapi('KpiFigures');

export const KpiIdParam = z.object({
  id: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
export const DrillDownQuery = KpiQueryFields.extend({
  part: z.enum(['numerator', 'denominator']).default('denominator'),
}).refine(...customNeedsRange);

export const KpiDrillDown = z
  .object({
    id: z.string(),
    part: z.enum(['numerator', 'denominator']),
    period: PeriodView,
    count: z
      .number()
      .int()
      .openapi({ description: 'the items counted: cases, or assignments for figures counted by assignment' }),
    cases: z.array(
      z.object({
        id: z.number().int(),
        seq: z.number().int().nullable(),
        trackingCode: z.string(),
        title: z.string(),
        kind: z.string(),
        status: z.string(),
        regionCode: z.string(),
        receivedAt: z.string(),
      }),
    ),
  })
  .openapi('KpiDrillDown');

export const ExportQuery = KpiQueryFields.extend({ format: z.enum(['ndjson', 'csv']).default('ndjson') }).refine(
  ...customNeedsRange,
);

export const BREAKDOWNS = ['region', 'unit', 'kind', 'channel', 'complexity', 'categoryCode'] as const;
export const BreakdownQuery = KpiQueryFields.extend({
  by: z.enum(BREAKDOWNS).default('region'),
  peerClass: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31)
    .optional()
    .openapi({ description: 'by=region: only the regions of this peer class, ranked among themselves' }),
}).refine(...customNeedsRange);

const PeerClassRef = z.object({ id: z.number().int(), name: z.string(), nameEn: z.string().nullable() });

export const KpiBreakdown = z
  .object({
    id: z.string(),
    by: z.enum(BREAKDOWNS),
    period: PeriodView,
    ranking: z
      .string()
      .openapi({ description: 'how rows are ranked: the Wilson lower bound (95 %) for rates, the value otherwise' }),
    peerClass: PeerClassRef.nullable().openapi({ description: 'the class asked for: rows are its members only' }),
    rows: z.array(
      z.object({
        key: z.string(),
        name: z.string().nullable(),
        ...Amounts,
        score: z.number().nullable(),
        rank: z.number().int().nullable(),
        peerClass: PeerClassRef.nullable().openapi({
          description: "by=region: the region's peer class (of the nearest owner that groups this level)",
        }),
        classRank: z.number().int().nullable().openapi({ description: 'the rank among the rows of the same class' }),
        drillDown: z.string(),
      }),
    ),
  })
  .openapi('KpiBreakdown');

export const WorkbookQuery = KpiQueryFields.extend({
  rank: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .default('satisfaction')
    .openapi({ description: 'the figure ranked by township on the third sheet' }),
}).refine(...customNeedsRange);
