import { z } from '@hono/zod-openapi';
import { PageQuery, RegionCode, Role, pageOf, patchOf } from './common.js';

export const User = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    unitId: z.number().int(),
    unitName: z.string(),
    gridCode: z.string().nullable(),
    roles: z.array(Role),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('User');
export type User = z.infer<typeof User>;
export const UserPage = pageOf(User, 'UserPage');

export const UserListQuery = PageQuery.extend({
  unit: z.coerce.number().int().positive().optional(),
  role: Role.optional(),
  q: z.string().max(64).optional(),
  region: RegionCode.optional(),
});

const Password = z.string().min(10, 'at least 10 characters').max(256);

const Username = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'lower-case letters, digits, dot, dash, underscore');

export const CreateUserInput = z
  .object({
    username: Username,
    displayName: z.string().min(1).max(100),
    unitId: z.number().int().positive(),
    gridCode: RegionCode.nullable().optional().openapi({ description: "a grid worker's grid: their jurisdiction" }),
    roles: z.array(Role).min(1),
    password: Password,
  })
  .openapi('CreateUserInput');
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = patchOf(
  z.object({
    displayName: z.string().min(1).max(100).optional(),
    unitId: z.number().int().positive().optional(),
    gridCode: RegionCode.nullable().optional(),
    roles: z.array(Role).min(1).optional(),
    disabled: z.boolean().optional(),
    password: Password.optional(),
  }),
).openapi('UpdateUserInput');
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

/** `civicgrid user reset-password`: the operator's reset of any account, the three administrators' included. */
export const ResetPasswordInput = z.object({ username: Username, password: Password });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;
