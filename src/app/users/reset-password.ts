import type { Ctx } from '../context.js';
import { writeAs } from '../context.js';
import type { ResetPasswordInput, User } from '../../contract/users.js';
import { forbidden, notFound } from '../../core/errors.js';
import { getUser, updateUserRow, userIdByName } from '../../storage/users.repo.js';
import { deleteUserSessions } from '../../storage/sessions.repo.js';
import { clearNameThrottle } from '../../storage/login-throttle.repo.js';
import { hashPassword } from '../auth/password.js';

/**
 * Sets a new password on an account and unlocks it, ending its sessions: the operator's way, at the
 * server's command line (`civicgrid user reset-password`), to reset the administrator's, the security
 * officer's and the auditor's accounts, which no one may change over the API (三员分立).
 */
export async function resetPassword(ctx: Ctx, input: ResetPasswordInput): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return writeAs(ctx, 'user.write', 'user.reset-password', `user:${input.username}`, async (trx) => {
    if (ctx.actor.operator !== true) throw forbidden('user.reset-password: only at the server');
    const id = await userIdByName(trx, input.username);
    if (id === undefined) throw notFound('user', input.username);
    await updateUserRow(trx, id, { password_hash: passwordHash });
    await clearNameThrottle(trx, input.username);
    const ended = await deleteUserSessions(trx, id);
    const user = await getUser(trx, id);
    if (!user) throw notFound('user', id);
    const { scopePath, ...shown } = user;
    return { value: shown, target: `user:${id}`, details: { sessionsEnded: ended }, regionPath: scopePath };
  });
}
