import { z } from '@hono/zod-openapi';
import { ConfigOrigin, RegionCode } from './common.js';
import { CASE_KINDS, COMPLEXITIES } from '../core/case/types.js';
import { BACKLOG_COLOURS } from '../core/deadline/backlog.js';
import { CALENDAR_SOURCES, DAY_KINDS } from '../core/deadline/calendar.js';
import { CARD_COLOURS } from '../core/deadline/cards.js';
import { STAGE_NAMES, TIME_UNITS, type TimeUnit as CoreTimeUnit } from '../core/deadline/policy.js';
import { EXTENSION_STATUSES } from '../core/deadline/stage-clock.js';
import {
  MAX_BACKLOG_DAYS,
  MAX_CARD_WORKING_DAYS,
  MAX_DIFFICULT_RAISE,
  MAX_DURATION_AMOUNT,
  MAX_RED_OVERDUE_FRACTION,
  MAX_YELLOW_OVERDUE_MS,
} from '../core/deadline/bounds.js';

/** Time limits and supervision: calendar, policies, card rules, cards, extension requests, backlog. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
export const StageName = z.enum(STAGE_NAMES).openapi('StageName');
export const TimeUnit = z.enum(TIME_UNITS).openapi('TimeUnit');
export const CardColour = z.enum(CARD_COLOURS).openapi('CardColour');
const ExtensionStatus = z.enum(EXTENSION_STATUSES);

export const CalendarDayView = z
  .object({
    date: IsoDate,
    weekday: z.number().int().min(0).max(6),
    working: z.boolean(),
    name: z.string().nullable(),
    source: z.enum(CALENDAR_SOURCES).nullable(),
  })
  .openapi('CalendarDayView');
export const CalendarYear = z
  .object({
    year: z.number().int(),
    months: z.array(
      z.object({
        month: z.number().int().min(1).max(12),
        workingDays: z.number().int(),
        days: z.array(CalendarDayView),
      }),
    ),
  })
  .openapi('CalendarYear');
export type CalendarYear = z.infer<typeof CalendarYear>;
export const CalendarStatus = z
  .object({
    today: z.string().openapi({ description: "the server's CST date" }),
    missingYear: z.number().int().nullable().openapi({
      description:
        'a year whose holiday schedule is not entered and should be: this year, or next year from 1 October (CST); null when none',
    }),
  })
  .openapi('CalendarStatus');
export type CalendarStatus = z.infer<typeof CalendarStatus>;
export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const CalendarOverride = z
  .object({ date: IsoDate, kind: z.enum(DAY_KINDS), name: z.string().max(40).nullable().optional() })
  .openapi('CalendarOverride');
export const PutCalendarYearInput = z
  .object({ days: z.array(CalendarOverride).max(366) })
  .superRefine((v, ctx) => {
    // A date named twice would be two rows of one key in one upsert, which the database refuses.
    const seen = new Set<string>();
    for (const d of v.days) {
      if (seen.has(d.date)) ctx.addIssue({ code: 'custom', message: `${d.date} is named twice`, path: ['days'] });
      seen.add(d.date);
    }
  })
  .openapi('PutCalendarYearInput');
export type PutCalendarYearInput = z.infer<typeof PutCalendarYearInput>;
export const PutCalendarDayInput = z
  .object({
    kind: z
      .enum([...DAY_KINDS, 'default'])
      .openapi({ description: "'default' removes the override (Monday–Friday rule)" }),
    name: z.string().max(40).nullable().optional(),
  })
  .openapi('PutCalendarDayInput');
export type PutCalendarDayInput = z.infer<typeof PutCalendarDayInput>;
export const DateParam = z.object({ date: IsoDate.openapi({ param: { name: 'date', in: 'path' } }) });

// Every configurable duration is bounded (core/deadline/bounds.ts; the SQL CHECKs of migration 0012 agree).
// Whole days are the core's check (validatePolicyTable), whose refusal names the row for the form.
const amountIn = (d: { amount: number; unit: CoreTimeUnit }, ctx: z.RefinementCtx, path: (string | number)[]) => {
  if (d.amount > MAX_DURATION_AMOUNT[d.unit])
    ctx.addIssue({ code: 'custom', path, message: `a limit in ${d.unit} is at most ${MAX_DURATION_AMOUNT[d.unit]}` });
};
const Duration = z
  .object({ amount: z.number().positive().max(MAX_DURATION_AMOUNT.hour), unit: TimeUnit })
  .superRefine((d, ctx) => amountIn(d, ctx, ['amount']));
const policyFields = {
  amount: z.number().positive().max(MAX_DURATION_AMOUNT.hour),
  unit: TimeUnit,
  kind: z.enum([...CASE_KINDS, '*']),
  complexity: z.enum([...COMPLEXITIES, '*']),
  stage: StageName,
  maxExtension: Duration.optional(),
  rollToWorkingDay: z.boolean().optional(),
  source: z.string().max(200).optional(),
};
export const DeadlinePolicy = z
  .object(policyFields)
  .superRefine((p, ctx) => amountIn(p, ctx, ['amount']))
  .openapi('DeadlinePolicy');
export type DeadlinePolicy = z.infer<typeof DeadlinePolicy>;
/** The rows of the caller's own jurisdiction, replacing them all (an empty list: inherit everything). */
export const PolicyTable = z.object({ policies: z.array(DeadlinePolicy).max(500) }).openapi('PolicyTable');
export type PolicyTable = z.infer<typeof PolicyTable>;
export const PolicyRow = z.object({ ...policyFields, ...ConfigOrigin }).openapi('DeadlinePolicyRow');
export type PolicyRow = z.infer<typeof PolicyRow>;
/** The rows that apply to the caller: their own, then each jurisdiction's above (inherited), nearest first. */
export const PolicyList = z.object({ policies: z.array(PolicyRow) }).openapi('DeadlinePolicyList');
export type PolicyList = z.infer<typeof PolicyList>;

export const CardRules = z
  .object({
    cards: z.object({
      blue: z.object({
        passedFraction: z.number().min(0).max(1).nullable(),
        workingDaysLeft: z.number().min(0).max(MAX_CARD_WORKING_DAYS).nullable(),
      }),
      yellow: z.object({
        overdueMs: z
          .number()
          .int()
          .min(0)
          .max(MAX_YELLOW_OVERDUE_MS)
          .openapi({ description: 'grace after the deadline, at most 30 days' }),
      }),
      red: z.object({
        overdueFraction: z.number().min(0).max(MAX_RED_OVERDUE_FRACTION).nullable(),
        overdueWorkingDays: z.number().min(0).max(MAX_CARD_WORKING_DAYS).nullable(),
      }),
    }),
    backlog: z.object({
      greenFromDays: z.number().int().min(0).max(MAX_BACKLOG_DAYS),
      yellowFromDays: z.number().int().min(0).max(MAX_BACKLOG_DAYS),
      redFromDays: z.number().int().min(0).max(MAX_BACKLOG_DAYS),
      difficultRaise: z.number().int().min(0).max(MAX_DIFFICULT_RAISE),
    }),
  })
  .openapi('CardRules');
export type CardRules = z.infer<typeof CardRules>;
export const CardRuleRow = CardRules.extend(ConfigOrigin).openapi('CardRuleRow');
export type CardRuleRow = z.infer<typeof CardRuleRow>;
/** The card rules that apply to the caller, nearest first: the first is in force, the rest inherited. */
export const CardRuleList = z.object({ items: z.array(CardRuleRow) }).openapi('CardRuleList');
export type CardRuleList = z.infer<typeof CardRuleList>;

/**
 * What a supervising leader reads to know what is late and where: the case's tracking code and
 * title, the handling unit's name and the case's own region. A name is null when the caller's
 * region scope hides that unit or region (a case seen because the caller's unit holds it).
 */
const CaseLabel = {
  trackingCode: z.string(),
  caseTitle: z.string(),
  unitName: z.string().nullable().openapi({ description: 'the handling unit' }),
  regionName: z.string().nullable().openapi({ description: "the case's region" }),
};

export const Card = z
  .object({
    id: z.number().int(),
    caseId: z.number().int(),
    seq: z.number().int(),
    stage: StageName,
    colour: CardColour,
    issuedAt: z.string(),
    dueAt: z.string(),
    unitId: z.number().int(),
    supervisorLevel: z.number().int(),
    supervisorRegionCode: z.string(),
    clearedAt: z.string().nullable(),
    provisional: z.boolean().openapi({
      description:
        "the stage's deadline was counted across a day of a year whose holiday schedule is not entered yet (暂定): it may move when the schedule is entered",
    }),
    ...CaseLabel,
  })
  .openapi('Card');
export type Card = z.infer<typeof Card>;
export const CardQuery = z.object({
  colour: CardColour.optional(),
  region: RegionCode.optional().openapi({ description: "cards on this region's supervision board and below" }),
  active: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'true: not cleared (default); false: cleared only' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const CardList = z
  .object({
    items: z.array(Card),
    counts: z.object({ blue: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
  })
  .openapi('CardList');

export const ExtensionRequest = z
  .object({
    id: z.number().int(),
    caseId: z.number().int(),
    seq: z.number().int(),
    stage: StageName,
    unitId: z.number().int(),
    requestedBy: z.number().int(),
    requestedAt: z.string(),
    amount: z.number(),
    unit: TimeUnit,
    reason: z.string(),
    status: ExtensionStatus,
    decidedBy: z.number().int().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    dueBefore: z.string().nullable(),
    dueAfter: z.string().nullable(),
  })
  .openapi('ExtensionRequest');
export type ExtensionRequest = z.infer<typeof ExtensionRequest>;
/** A request as the lists show it: with the case and the requesting unit named. */
export const ListedExtensionRequest = ExtensionRequest.extend(CaseLabel).openapi('ListedExtensionRequest');
export type ListedExtensionRequest = z.infer<typeof ListedExtensionRequest>;
export const CreateExtensionInput = z
  .object({
    stage: StageName.default('handle'),
    amount: z
      .number()
      .int()
      .positive()
      .max(365)
      .openapi({ description: "in the unit of the policy's maximum extension" }),
    reason: z.string().trim().min(2).max(500),
  })
  .openapi('CreateExtensionInput');
export type CreateExtensionInput = z.infer<typeof CreateExtensionInput>;
export const ExtensionDecisionInput = z
  .object({ decision: z.enum(['approve', 'refuse']), note: z.string().max(500).nullable().optional() })
  .openapi('ExtensionDecisionInput');
export type ExtensionDecisionInput = z.infer<typeof ExtensionDecisionInput>;
export const ExtensionQuery = z.object({
  status: ExtensionStatus.optional(),
  caseId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const BacklogItem = z
  .object({
    caseId: z.number().int(),
    trackingCode: z.string(),
    title: z.string(),
    status: z.string(),
    receivedAt: z.string(),
    ageDays: z.number().int(),
    difficult: z.boolean(),
    colour: z.enum(BACKLOG_COLOURS),
  })
  .openapi('BacklogItem');
export const BacklogBoard = z
  .object({
    items: z.array(BacklogItem),
    counts: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
  })
  .openapi('BacklogBoard');
export const BacklogQuery = z.object({
  region: RegionCode.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
