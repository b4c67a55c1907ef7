import { type Ctx, writeAs } from '../context.js';
import { covers } from '../../core/auth/actor.js';
import { forbidden, notFound } from '../../core/errors.js';
import { secondFactorResetNeedsOperator } from '../../core/auth/sign-in.js';
import { getUser, userIdByName } from '../../storage/users.repo.js';
import { deleteSecondFactor } from '../../storage/two-factor.repo.js';
import { deleteUserSessions } from '../../storage/sessions.repo.js';

/**
 * Removes an account's second factor (a lost phone): the next sign-in enrols again, and its
 * sessions end. The security officer resets ordinary accounts in their jurisdiction; the three
 * administrators' second factor only the operator at the server resets (`civicgrid 2fa reset`),
 * so no one of them can take another's account through this door.
 */
export async function resetTwoFactor(ctx: Ctx, who: number | string): Promise<void> {
  await writeAs(ctx, 'user.write', 'auth.2fa.reset', `user:${who}`, async (trx) => {
    const userId = typeof who === 'number' ? who : await userIdByName(trx, who);
    const user = userId === undefined ? undefined : await getUser(trx, userId);
    if (!user || !covers(ctx.actor, user.scopePath)) throw notFound('user', who);
    if (ctx.actor.operator !== true && secondFactorResetNeedsOperator(user.roles))
      throw forbidden('auth.2fa.reset of an administrator');
    const removed = await deleteSecondFactor(trx, user.id);
    const sessionsEnded = await deleteUserSessions(trx, user.id);
    return {
      value: undefined,
      target: `user:${user.username}`,
      details: { removed, sessionsEnded, atServer: ctx.actor.operator === true },
      regionPath: user.scopePath,
    };
  });
}
