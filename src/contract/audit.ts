import { z } from '@hono/zod-openapi';
import { PageQuery, pageOf } from './common.js';
import { AUDIT_OUTCOMES } from '../core/audit.js';

const AuditOutcome = z.enum(AUDIT_OUTCOMES);

export const AuditRecord = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.number().int().nullable(),
    actorName: z.string(),
    action: z.string(),
    target: z.string(),
    outcome: AuditOutcome,
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    regionPath: z.string().nullable().openapi({
      description: "the region path of the record's target; null for the system's own work (read at the root only)",
    }),
    hash: z.string(),
  })
  .openapi('AuditRecord');
export type AuditRecord = z.infer<typeof AuditRecord>;
export const AuditPage = pageOf(AuditRecord, 'AuditPage');

export const AuditQuery = PageQuery.extend({
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  outcome: AuditOutcome.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const AuditVerification = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    firstBrokenId: z.number().int().nullable(),
    reason: z.string().nullable(),
  })
  .openapi('AuditVerification');
export type AuditVerification = z.infer<typeof AuditVerification>;
