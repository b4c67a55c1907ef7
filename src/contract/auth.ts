import { z } from '@hono/zod-openapi';
import { Role } from './common.js';

export const LoginInput = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .openapi('LoginInput');
export type LoginInput = z.infer<typeof LoginInput>;

export const RegionRef = z.object({ code: z.string(), name: z.string(), level: z.number().int() }).openapi('RegionRef');
export type RegionRef = z.infer<typeof RegionRef>;

/** The signed-in user as the UI needs it: who, which unit, which jurisdiction. */
export const Me = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(Role),
    unit: z.object({ id: z.number().int(), name: z.string(), typeCode: z.string(), regionCode: z.string() }),
    jurisdiction: RegionRef.extend({ path: z.string(), breadcrumb: z.array(RegionRef) }),
  })
  .openapi('Me');
export type Me = z.infer<typeof Me>;
