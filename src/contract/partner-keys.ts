import { z } from '@hono/zod-openapi';
import { RegionCode } from './common.js';
import { TransferSource } from './cases.js';
import { PARTNER_CHANNELS } from '../core/case/types.js';

export const PartnerChannel = z.enum(PARTNER_CHANNELS);

export const IssuePartnerKeyInput = z
  .object({
    name: z.string().trim().min(2).max(100),
    channel: PartnerChannel,
    transferSource: TransferSource.optional(),
    regionCode: RegionCode.openapi({
      description: 'the jurisdiction: requests may only be filed at or below this region',
    }),
  })
  .refine((k) => (k.channel === 'transfer') === (k.transferSource !== undefined), {
    message: 'a transfer key names its source (court, police…), and only it',
    path: ['transferSource'],
  })
  .openapi('IssuePartnerKeyInput');
export type IssuePartnerKeyInput = z.infer<typeof IssuePartnerKeyInput>;

export const PartnerKeyView = z
  .object({
    id: z.number().int(),
    name: z.string(),
    keyPrefix: z.string(),
    channel: PartnerChannel,
    transferSource: TransferSource.nullable(),
    regionCode: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('PartnerKey');
export type PartnerKeyView = z.infer<typeof PartnerKeyView>;

export const IssuedPartnerKey = PartnerKeyView.extend({
  key: z.string().openapi({ description: 'shown once; only its SHA-256 is stored' }),
}).openapi('IssuedPartnerKey');
