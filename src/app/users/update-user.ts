import type { Ctx } from '../context.js';
import { writeAs } from '../context.js';
import type { UpdateUserInput, User } from '../../contract/users.js';
import { DomainError, notFound } from '../../core/errors.js';
import { dutyBreach, rolesConflict } from '../../core/auth/permissions.js';
import { getUnit } from '../../storage/units.repo.js';
import { getUser, updateUserRow, type UserPatch } from '../../storage/users.repo.js';
import { deleteUserSessions } from '../../storage/sessions.repo.js';
import { covers } from '../../core/auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { resolveUserScope } from './resolve-user-scope.js';

/**
 * Changes an account. Disabling it, changing its password, roles, unit or grid ends its
 * sessions, so the change takes effect at once rather than at the next login. The three
 * administrators' accounts are not changed here, and no account is made one of them (三员分立).
 */
export async function updateUser(ctx: Ctx, id: number, input: UpdateUserInput): Promise<User> {
  if (input.roles) {
    const conflict = rolesConflict(input.roles);
    if (conflict) throw new DomainError('ValidationFailed', conflict, { field: 'roles' });
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return writeAs(ctx, 'user.write', 'user.update', `user:${id}`, async (trx) => {
    const current = await getUser(trx, id);
    if (!current || !covers(ctx.actor, current.scopePath)) throw notFound('user', id);
    const breach = dutyBreach(ctx.actor.operator === true, current.roles, input.roles ?? current.roles);
    if (breach) throw new DomainError('SeparationOfDuties', breach, { roles: current.roles });
    if (id === ctx.actor.userId && (input.disabled || input.roles)) {
      throw new DomainError('Conflict', 'you cannot disable yourself or change your own roles');
    }
    const patch: UserPatch = {};
    if (input.displayName !== undefined) patch.display_name = input.displayName;
    if (input.disabled !== undefined) patch.disabled = input.disabled;
    if (passwordHash) patch.password_hash = passwordHash;
    if (input.roles || input.unitId !== undefined || input.gridCode !== undefined) {
      const unit = await getUnit(trx, input.unitId ?? current.unitId);
      if (!unit || !covers(ctx.actor, unit.regionPath)) throw notFound('unit', input.unitId ?? current.unitId);
      const roles = input.roles ?? current.roles;
      const gridCode = input.gridCode !== undefined ? input.gridCode : current.gridCode;
      Object.assign(patch, {
        unit_id: unit.id,
        roles,
        grid_code: gridCode,
        scope_path: await resolveUserScope(trx, unit, roles, gridCode),
      });
    }
    await updateUserRow(trx, id, patch);
    const endsSessions = input.disabled === true || passwordHash || patch.scope_path !== undefined;
    const ended = endsSessions ? await deleteUserSessions(trx, id) : 0;
    const user = await getUser(trx, id);
    if (!user) throw notFound('user', id);
    const { scopePath: _, ...shown } = user;
    const changed = Object.keys(input)
      .filter((k) => k !== 'password')
      .concat(passwordHash ? ['password'] : []);
    return { value: shown, details: { changed, sessionsEnded: ended }, regionPath: user.scopePath };
  });
}
