import { z } from '@hono/zod-openapi';
import { DIRECTIONS } from '../core/assessment/scheme.js';
import { WARNING_REASONS } from '../core/assessment/warnings.js';
import { PERIOD_KINDS } from '../core/kpi/period.js';
import { CalendarDate } from './kpi.js';
import { RegionCode, patchOf } from './common.js';

/** Assessment schemes (考核方案) behind the safety index (平安指数), their stored scores and imported figures. */
const Finite = z.number().refine(Number.isFinite, 'a finite number');
const Text = (max: number) => z.string().trim().min(1).max(max);
export const IndicatorCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'an indicator code is 2–40 lower-case letters, digits or _');

const IndicatorSource = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('kpi'), kpi: z.string().regex(/^[a-z_]{2,40}$/) }),
    z.object({ kind: z.literal('import'), indicator: IndicatorCode }),
  ])
  .openapi({ description: 'a KPI of the catalogue, or a figure imported per region and period (surveys: later)' });

const ScoringRule = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('minmax') }),
    z.object({ kind: z.literal('target'), target: Finite, worst: Finite }),
  ])
  .openapi({
    description: 'minmax: 0 for the worst peer, 100 for the best; target: 100 at the target or better, 0 at worst',
  });

export const SchemeComponent = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  name: Text(60),
  nameEn: Text(60).nullable().optional(),
  source: IndicatorSource,
  weight: z.number().gt(0).max(100).openapi({ description: 'percent; the weights of a scheme sum to 100' }),
  direction: z.enum(DIRECTIONS),
  rule: ScoringRule,
});

export const SchemeDefinition = z
  .object({
    components: z.array(SchemeComponent).min(1).max(30),
    warning: z
      .object({
        below: z.number().min(0).max(100).nullable().default(null),
        drop: z.number().gt(0).max(100).nullable().default(null),
      })
      .default({ below: null, drop: null })
      .openapi({ description: 'warn below this index, or after a fall of more than this many points' }),
  })
  .openapi('SchemeDefinition');

export const CreateSchemeInput = z
  .object({
    regionCode: RegionCode.optional().openapi({ description: 'the owning region (default: your jurisdiction)' }),
    year: z.number().int().min(2000).max(2100),
    name: Text(80),
    definition: SchemeDefinition,
  })
  .openapi('CreateSchemeInput');
export type CreateSchemeInput = z.infer<typeof CreateSchemeInput>;

export const UpdateSchemeInput = patchOf(
  z.object({ name: Text(80).optional(), definition: SchemeDefinition.optional() }),
).openapi('UpdateSchemeInput');
export type UpdateSchemeInput = z.infer<typeof UpdateSchemeInput>;

export const SchemeQuery = z.object({
  region: RegionCode.optional().openapi({ description: 'schemes owned in this subtree (default: your jurisdiction)' }),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const VersionQuery = z.object({
  version: z.coerce.number().int().min(1).max(100_000).optional().openapi({ description: 'default: the latest' }),
});

const VersionView = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  usedAt: z.string().nullable().openapi({ description: 'when scores were first stored from it; then it is frozen' }),
});

export const Scheme = z
  .object({
    id: z.number().int(),
    ownerCode: z.string(),
    year: z.number().int(),
    name: z.string(),
    version: z.number().int().openapi({ description: 'the version shown in definition' }),
    definition: SchemeDefinition,
    versions: z.array(VersionView),
  })
  .openapi('Scheme');
export type Scheme = z.infer<typeof Scheme>;

const PeriodFields = {
  period: z.enum(PERIOD_KINDS).default('month'),
  date: CalendarDate.optional().openapi({ description: 'a day inside the period (default: today, CST)' }),
};
export const RunSchemeInput = z
  .object({
    ...PeriodFields,
    version: z.number().int().min(1).max(100_000).optional().openapi({ description: 'default: the latest' }),
  })
  .openapi('RunSchemeInput');
export type RunSchemeInput = z.infer<typeof RunSchemeInput>;

export const ScoresQuery = z.object({
  ...PeriodFields,
  version: z.coerce.number().int().min(1).max(100_000).optional(),
  recompute: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .openapi({ description: 'compute from the figures now, even where scores of the period are stored' }),
});
export type ScoresQuery = z.infer<typeof ScoresQuery>;

const ComponentScoreView = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  source: IndicatorSource,
  raw: z.object({
    value: z.number().nullable(),
    numerator: z.number().optional(),
    denominator: z.number().optional(),
  }),
  score: z.number().nullable(),
  weight: z.number(),
  direction: z.enum(DIRECTIONS),
  rule: ScoringRule,
});

export const WarningView = z.object({
  regionCode: z.string(),
  reason: z.enum(WARNING_REASONS),
  index: z.number(),
  previous: z.number().nullable(),
  limit: z.number(),
});

export const SchemeScores = z
  .object({
    scheme: z.object({ id: z.number().int(), name: z.string(), year: z.number().int(), ownerCode: z.string() }),
    version: z.number().int(),
    period: z.object({ kind: z.string(), from: z.string(), to: z.string() }),
    stored: z.boolean().openapi({ description: 'true: the scores as stored by the run; false: computed now' }),
    computedAt: z.string(),
    rows: z.array(
      z.object({
        regionCode: z.string(),
        name: z.string().nullable(),
        index: z.number().nullable(),
        coverage: z.number().openapi({ description: 'percent of the weight whose indicators had a value' }),
        rank: z.number().int().nullable(),
        components: z.array(ComponentScoreView),
      }),
    ),
    warnings: z.array(WarningView),
  })
  .openapi('SchemeScores');
export type SchemeScores = z.infer<typeof SchemeScores>;

export const ImportIndicatorsInput = z
  .object({
    csv: z.string().max(900_000).openapi({ description: 'indicator,region,period,date,value — one figure a line' }),
    source: Text(80).default('import').openapi({ description: 'the system the figures come from' }),
  })
  .openapi('ImportIndicatorsInput');
export type ImportIndicatorsInput = z.infer<typeof ImportIndicatorsInput>;

export const ImportReport = z
  .object({
    imported: z.number().int(),
    rejected: z.number().int(),
    rows: z.array(
      z.object({ line: z.number().int(), status: z.enum(['imported', 'rejected']), message: z.string().nullable() }),
    ),
  })
  .openapi('ImportReport');
export type ImportReport = z.infer<typeof ImportReport>;
