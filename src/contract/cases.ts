import { z } from '@hono/zod-openapi';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { CardColour, StageName, TimeUnit } from './deadlines.js';
import {
  ACTION_NAMES,
  AGREEMENTS,
  ASSIGNMENT_ROLES,
  ASSIGNMENT_STATES,
  CASE_KINDS,
  CASE_LINK_KINDS,
  CASE_STATUSES,
  CHANNELS,
  COMPLEXITIES,
  EVALUATORS,
  GUIDANCES,
  HANDLING_MODES,
  PARTY_ROLES,
  RATINGS,
  REOPEN_REASONS,
  SEND_BACK_REASONS,
  TRANSFER_SOURCES,
  type ActionName,
} from '../core/case/types.js';
import { CARD_COLOURS } from '../core/deadline/vocabulary.js';

// The words are the core's (src/core/case/types.ts); these only give them their OpenAPI names. A query
// parameter takes a plain z.enum: a registered schema there would be a $ref wrapped in allOf.
export const CaseKind = z.enum(CASE_KINDS).openapi('CaseKind');
export const Channel = z.enum(CHANNELS).openapi('Channel');
export const Complexity = z.enum(COMPLEXITIES).openapi('Complexity');
export const CaseStatus = z.enum(CASE_STATUSES).openapi('CaseStatus');
export const TransferSource = z.enum(TRANSFER_SOURCES).openapi({ description: '诉调 / 公调 / 检调 / 访调 对接' });
export const Rating = z.enum(RATINGS);
const PartyRole = z.enum(PARTY_ROLES);

const MobileOrLandline = z
  .string()
  .trim()
  .regex(/^[\d\s+()-]{5,20}$/, 'a phone number');
const IdNumber = z
  .string()
  .trim()
  .regex(/^(\d{15}|\d{17}[\dXx])$/, 'an 18-character resident ID number');

export const PartyInput = z
  .object({
    role: PartyRole,
    name: z.string().trim().min(1).max(60),
    phone: MobileOrLandline.optional(),
    idNumber: IdNumber.optional(),
    address: z.string().trim().min(1).max(200).optional(),
    email: z.string().trim().max(254).email().optional(),
  })
  .openapi('PartyInput');

export const AttachmentMeta = z.object({
  name: z.string().min(1).max(200),
  contentType: z.string().max(100),
  size: z
    .number()
    .int()
    .min(0)
    .max(100 * 1024 * 1024),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

export const SubmitCaseInput = z
  .object({
    kind: CaseKind,
    channel: Channel,
    transfer: z.object({ source: TransferSource, reference: z.string().trim().min(1).max(100) }).optional(),
    title: z.string().trim().min(2).max(120),
    description: z.string().trim().min(2).max(5000),
    categoryCode: z.string().regex(/^[a-z0-9_]{1,40}$/),
    complexity: Complexity.default('general'),
    regionCode: RegionCode,
    point: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
    address: z.string().trim().max(200).optional(),
    parties: z.array(PartyInput).max(20).default([]),
    attachments: z.array(AttachmentMeta).max(20).default([]),
  })
  .refine((c) => (c.channel === 'transfer') === (c.transfer !== undefined), {
    message: 'a transferred case names its source and reference, and only it',
    path: ['transfer'],
  })
  .openapi('SubmitCaseInput');
export type SubmitCaseInput = z.infer<typeof SubmitCaseInput>;

export const Party = z
  .object({
    id: z.number().int(),
    role: PartyRole,
    name: z.string(),
    phone: z.string().nullable().openapi({ description: 'masked (138****5678) unless revealed' }),
    idNumber: z.string().nullable(),
    address: z.string().nullable(),
    email: z.string().nullable().openapi({ description: 'masked (z***@example.com) unless revealed' }),
    masked: z.boolean(),
  })
  .openapi('Party');
export type Party = z.infer<typeof Party>;

export const UnitBrief = z
  .object({ id: z.number().int(), name: z.string(), level: z.number().int(), typeCode: z.string() })
  .openapi('UnitBrief');

export const CaseSummary = z
  .object({
    id: z.number().int(),
    trackingCode: z.string(),
    kind: CaseKind,
    channel: Channel,
    complexity: Complexity,
    categoryCode: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    title: z.string(),
    status: CaseStatus,
    version: z.number().int(),
    leadUnit: UnitBrief.nullable(),
    receivedAt: z.string(),
    updatedAt: z.string(),
    repeatOf: z.number().int().nullable().openapi({
      description:
        'the earlier case this one repeats (重访), if the caller may read it; the link itself is kept either way',
    }),
    sentBackCount: z.number().int().openapi({ description: 'how often units sent the case back to its centre (退回)' }),
    clusterSize: z.number().int().openapi({
      description: 'cases in the burst of similar cases this one completed (疑似群体性), itself included; 0 when none',
    }),
    dueAt: z.string().nullable().openapi({
      description: 'the earliest deadline among its running stages; null when no clock runs (suspended, resolved, …)',
    }),
    provisional: z.boolean().openapi({
      description:
        'dueAt was counted across a day of a year whose holiday schedule is not entered yet (暂定): it may move when the schedule is entered',
    }),
    card: CardColour.nullable().openapi({ description: 'its most severe active supervision card (督办牌), if any' }),
  })
  .openapi('CaseSummary');
export type CaseSummary = z.infer<typeof CaseSummary>;
export const CasePage = pageOf(CaseSummary, 'CasePage');

export const TimelineEntry = z
  .object({
    version: z.number().int(),
    type: z.string(),
    at: z.string(),
    actor: z.object({
      userId: z.number().int().nullable(),
      name: z.string(),
      unitId: z.number().int().nullable(),
      unitName: z.string().nullable(),
    }),
    fromStatus: CaseStatus.nullable(),
    toStatus: CaseStatus,
    reason: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('TimelineEntry');

export const AssignmentView = z
  .object({
    seq: z.number().int(),
    unit: UnitBrief,
    role: z.enum(ASSIGNMENT_ROLES),
    state: z.enum(ASSIGNMENT_STATES),
    task: z.string().nullable(),
    reply: z.string().nullable(),
    assignedAt: z.string(),
    signedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    stages: z.array(
      z.object({
        stage: StageName,
        startAt: z.string(),
        dueAt: z
          .string()
          .nullable()
          .openapi({ description: 'null while the case is suspended (the clock stands still)' }),
        completedAt: z.string().nullable(),
        provisional: z.boolean().openapi({
          description:
            'the due instant was counted across a day of a year whose holiday schedule is not entered yet (暂定): it may move when the schedule is entered',
        }),
        extensionLeft: z
          .object({ amount: z.number(), unit: TimeUnit })
          .nullable()
          .openapi({ description: "what is left of the policy's maximum extension; null when the stage allows none" }),
        canRequestExtension: z
          .boolean()
          .openapi({ description: "the caller's unit holds this running stage and may ask for more time now" }),
      }),
    ),
    cards: z.array(
      z.object({
        stage: z.string(),
        colour: CardColour,
        issuedAt: z.string(),
        clearedAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('Assignment');

export const CaseDetail = CaseSummary.extend({
  description: z.string(),
  address: z.string().nullable(),
  point: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  transfer: z.object({ source: TransferSource, reference: z.string() }).nullable(),
  attachments: z.array(AttachmentMeta),
  centre: UnitBrief,
  parties: z.array(Party),
  assignments: z.array(AssignmentView),
  timeline: z.array(TimelineEntry),
  outcome: z.record(z.string(), z.unknown()).nullable(),
  counters: z.object({
    sendBacks: z.number().int(),
    redos: z.number().int(),
    transfers: z.number().int(),
    escalations: z.number().int(),
  }),
  links: z
    .array(
      z.object({
        caseId: z.number().int(),
        kind: z.enum(CASE_LINK_KINDS),
        trackingCode: z.string().nullable(),
      }),
    )
    .openapi({ description: 'links to cases the caller may read (repeat visits, cluster members, a merge)' }),
  linksElsewhere: z.number().int().openapi({
    description: 'how many more linked cases lie outside what the caller may read; they are not named',
  }),
  availableActions: z.array(z.enum(ACTION_NAMES)).openapi({ description: 'the actions the caller may take now' }),
}).openapi('CaseDetail');
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseListQuery = PageQuery.extend({
  status: CaseStatus.optional(),
  kind: CaseKind.optional(),
  category: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/)
    .optional()
    .openapi({ description: 'this category and its subcategories' }),
  region: RegionCode.optional().openapi({ description: 'this region and everything below' }),
  unit: z.coerce.number().int().positive().optional().openapi({ description: 'cases with an assignment at this unit' }),
  q: z.string().trim().min(1).max(64).optional(),
  receivedFrom: z.iso.datetime({ offset: true }).optional(),
  receivedTo: z.iso.datetime({ offset: true }).optional(),
  dueBefore: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'cases with a running stage due before this instant' }),
  card: z.enum(CARD_COLOURS).optional().openapi({ description: 'cases with an active card of this colour' }),
  sentBack: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'true: cases sent back at least once; false: never sent back' }),
  sort: z.enum(['received_desc', 'received_asc', 'updated_desc']).default('received_desc'),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const RevealInput = z.object({ reason: z.string().trim().min(4).max(200) }).openapi('RevealInput');

const V = { expectedVersion: z.number().int().positive() };
const note = z.string().trim().max(1000).nullable().optional();
const Outcome = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('mediated'),
    agreement: z.enum(AGREEMENTS),
    summary: z.string().trim().min(1).max(2000),
  }),
  z.object({
    kind: z.literal('not_mediated'),
    guidance: z.enum(GUIDANCES),
    summary: z.string().trim().min(1).max(2000),
  }),
  z.object({ kind: z.literal('answered'), summary: z.string().trim().min(1).max(2000) }),
  z.object({ kind: z.literal('not_accepted'), reason: z.string().trim().min(1).max(2000) }),
]);

/** The body of each action, by the action's name in `POST /api/cases/{id}/actions/{action}`. */
export const ActionBodies = {
  dispatch: z.object({ ...V, unitId: z.number().int().positive(), task: note }),
  redispatch: z.object({ ...V, unitId: z.number().int().positive(), task: note }),
  sign: z.object(V),
  start_handling: z.object({ ...V, mode: z.enum(HANDLING_MODES).exclude(['joint']) }),
  request_joint: z.object({
    ...V,
    leadTask: note,
    coUnits: z
      .array(z.object({ unitId: z.number().int().positive(), task: z.string().trim().min(1).max(1000) }))
      .min(1)
      .max(10),
  }),
  sign_co_task: z.object(V),
  reply_co_task: z.object({ ...V, reply: z.string().trim().min(1).max(2000) }),
  close_co_task: z.object({ ...V, unitId: z.number().int().positive(), note }),
  escalate: z.object({ ...V, task: note }),
  send_back: z.object({
    ...V,
    reasonCode: z.enum(SEND_BACK_REASONS),
    note,
  }),
  transfer: z.object({
    ...V,
    unitId: z.number().int().positive(),
    note: z.string().trim().min(1).max(1000),
    task: note,
  }),
  suspend: z.object({ ...V, reason: z.string().trim().min(1).max(1000) }),
  resume: z.object({ ...V, note }),
  resolve: z.object({ ...V, outcome: Outcome }),
  evaluate: z.object({
    ...V,
    rating: Rating,
    by: z.enum(EVALUATORS),
    note,
  }),
  reopen: z.object({ ...V, reason: z.enum(REOPEN_REASONS), note }),
  close: z.object({ ...V, note }),
  merge: z.object({ ...V, into: z.number().int().positive(), note }),
} as const satisfies Record<ActionName, z.ZodType>;
export type ActionBodies = { [K in ActionName]: z.infer<(typeof ActionBodies)[K]> };
export type CaseActionName = ActionName;
