import { z } from '@hono/zod-openapi';
import { CaseKind, CaseStatus, Rating } from './cases.js';
import { RegionCode } from './common.js';

/** Shapes of the public portal (/api/public): residents without an account. */

const Phone = z
  .string()
  .trim()
  .regex(/^[\d\s+()-]{7,20}$/, 'a phone number')
  .refine((p) => p.replace(/\D/g, '').length >= 7, 'a phone number');
const TrackingCodeText = z.string().trim().min(16).max(32);
const Last4 = z.string().regex(/^\d{4}$/, 'the last four digits of your phone');

export const FormToken = z.object({ token: z.string(), minSubmitSeconds: z.number() }).openapi('PublicFormToken');

export const PublicSubmitInput = z
  .object({
    formToken: z.string().min(10).max(200),
    /** Honeypot: a field people never see; a filled one is a script's. */
    website: z.string().max(200).optional(),
    kind: CaseKind,
    categoryCode: z.string().regex(/^[a-z0-9_]{1,40}$/),
    regionCode: RegionCode,
    title: z.string().trim().min(2).max(120).optional(),
    description: z.string().trim().min(5).max(5000),
    point: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
    address: z.string().trim().max(200).optional(),
    contact: z.object({ name: z.string().trim().min(1).max(60), phone: Phone }),
  })
  .openapi('PublicSubmitInput');
export type PublicSubmitInput = z.infer<typeof PublicSubmitInput>;

export const PublicSubmitted = z.object({ trackingCode: z.string() }).openapi('PublicSubmitted');

export const TrackInput = z.object({ code: TrackingCodeText, phoneLast4: Last4 }).openapi('PublicTrackInput');
export type TrackInput = z.infer<typeof TrackInput>;

export const UrgeInput = TrackInput.extend({ note: z.string().trim().max(200).optional() }).openapi('PublicUrgeInput');
export type UrgeInput = z.infer<typeof UrgeInput>;

export const PublicEvaluateInput = TrackInput.extend({
  rating: Rating,
  comment: z.string().trim().max(500).optional(),
}).openapi('PublicEvaluateInput');
export type PublicEvaluateInput = z.infer<typeof PublicEvaluateInput>;

const Words = z.object({ zh: z.string(), en: z.string() });

export const PublicCaseView = z
  .object({
    trackingCode: z.string(),
    kind: CaseKind,
    categoryName: Words,
    status: CaseStatus,
    statusText: Words,
    receivedAt: z.string(),
    unit: z.object({ name: z.string(), level: z.number().int(), levelName: Words }).nullable(),
    deadline: z
      .string()
      .nullable()
      .openapi({ description: 'when the current stage is due (ISO 8601); null when no clock runs' }),
    deadlineProvisional: z.boolean().openapi({
      description: 'the deadline runs into a year whose holiday schedule is not published yet (暂定): it may move',
    }),
    timeline: z.array(z.object({ type: z.string(), text: Words, at: z.string(), unitName: z.string().nullable() })),
    outcome: z.object({ kind: z.string(), text: Words, summary: z.string() }).nullable(),
    urges: z.object({ total: z.number().int(), today: z.boolean() }),
    canUrge: z.boolean(),
    canEvaluate: z.boolean(),
    evaluation: z.object({ rating: z.string(), at: z.string() }).nullable(),
  })
  .openapi('PublicCaseView');
export type PublicCaseView = z.infer<typeof PublicCaseView>;

export const UrgeView = z.object({
  at: z.string(),
  urgedOn: z.string(),
  unitName: z.string().nullable(),
  note: z.string().nullable(),
});
export const CaseUrges = z.object({ total: z.number().int(), items: z.array(UrgeView) }).openapi('CaseUrges');
export type CaseUrges = z.infer<typeof CaseUrges>;

export const PublicRegion = z
  .object({ code: z.string(), name: z.string(), level: z.number().int(), hasChildren: z.boolean() })
  .openapi('PublicRegion');
export const PublicCategory = z
  .object({ code: z.string(), parentCode: z.string().nullable(), nameZh: z.string(), nameEn: z.string() })
  .openapi('PublicCategory');
