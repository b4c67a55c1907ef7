import { z } from '@hono/zod-openapi';
import { RegionCode, patchOf } from './common.js';

/** Peer classes (一类/二类/三类地区): administrator-defined groups of regions at one level, for fair rankings. */
const Name = z.string().trim().min(1).max(60);
const Members = z
  .array(RegionCode)
  .max(1000)
  .refine((codes) => new Set(codes).size === codes.length, 'a region is named twice')
  .openapi({ description: 'the member regions, all of the class level and inside the owning region' });

export const CreatePeerClassInput = z
  .object({
    regionCode: RegionCode.optional().openapi({ description: 'the owning region (default: your jurisdiction)' }),
    level: z.number().int().min(2).max(7).openapi({ description: 'the level of the member regions (4: townships)' }),
    name: Name,
    nameEn: Name.nullable().optional(),
    members: Members.default([]),
  })
  .openapi('CreatePeerClassInput');
export type CreatePeerClassInput = z.infer<typeof CreatePeerClassInput>;

export const UpdatePeerClassInput = patchOf(
  z.object({ name: Name.optional(), nameEn: Name.nullable().optional(), members: Members.optional() }),
).openapi('UpdatePeerClassInput');
export type UpdatePeerClassInput = z.infer<typeof UpdatePeerClassInput>;

export const PeerClassQuery = z.object({
  region: RegionCode.optional().openapi({ description: 'classes owned in this subtree (default: your jurisdiction)' }),
  level: z.coerce.number().int().min(2).max(7).optional(),
});

export const PeerClass = z
  .object({
    id: z.number().int(),
    ownerCode: z.string(),
    level: z.number().int(),
    name: z.string(),
    nameEn: z.string().nullable(),
    updatedAt: z.string(),
    members: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .openapi('PeerClass');
export type PeerClass = z.infer<typeof PeerClass>;
