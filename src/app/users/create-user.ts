import type { Ctx } from '../context.js';
import { writeAs } from '../context.js';
import type { CreateUserInput, User } from '../../contract/users.js';
import { DomainError, notFound } from '../../core/errors.js';
import { getUnit } from '../../storage/units.repo.js';
import { getUser, insertUser, usernameTaken } from '../../storage/users.repo.js';
import { covers } from '../../core/auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { resolveUserScope } from './resolve-user-scope.js';
import { dutyBreach, rolesConflict } from '../../core/auth/permissions.js';

/**
 * Creates an account in a unit of the caller's jurisdiction (security officer only). Accounts of
 * the three administrators are made by the operator at the server (`civicgrid user add`) alone.
 */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<User> {
  const conflict = rolesConflict(input.roles);
  if (conflict) throw new DomainError('ValidationFailed', conflict, { field: 'roles' });
  const passwordHash = await hashPassword(input.password);
  return writeAs(ctx, 'user.write', 'user.create', `user:${input.username}`, async (trx) => {
    const breach = dutyBreach(ctx.actor.operator === true, null, input.roles);
    if (breach) throw new DomainError('SeparationOfDuties', breach, { roles: input.roles });
    const unit = await getUnit(trx, input.unitId);
    if (!unit || !covers(ctx.actor, unit.regionPath)) throw notFound('unit', input.unitId);
    if (await usernameTaken(trx, input.username))
      throw new DomainError('AlreadyExists', `username ${input.username} is taken`, { field: 'username' });
    const scopePath = await resolveUserScope(trx, unit, input.roles, input.gridCode ?? null);
    const id = await insertUser(trx, {
      username: input.username,
      displayName: input.displayName,
      unitId: unit.id,
      gridCode: input.gridCode ?? null,
      scopePath,
      roles: input.roles,
      passwordHash,
      at: ctx.deps.clock.now(),
    });
    const user = await getUser(trx, id);
    if (!user) throw notFound('user', id);
    const { scopePath: _, ...shown } = user;
    return {
      value: shown,
      target: `user:${id}`,
      details: { username: input.username, unitId: unit.id, roles: input.roles },
      regionPath: scopePath,
    };
  });
}
