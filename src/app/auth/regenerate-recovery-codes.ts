import type { Ctx } from '../context.js';
import { DomainError } from '../../core/errors.js';
import { accountKeys, passwordThrottleKeys } from '../../core/auth/sign-in.js';
import { systemScope } from '../../storage/db.js';
import { appendAudit } from '../../storage/audit.repo.js';
import { findLogin } from '../../storage/users.repo.js';
import { clearThrottle } from '../../storage/login-throttle.repo.js';
import { findTotp, replaceRecoveryCodes } from '../../storage/two-factor.repo.js';
import { decoyHash, verifyPassword } from './password.js';
import { auditRefusal, reserveOrRefuse, signInAudit, type SignInMeta } from './sign-in-steps.js';
import { newRecoveryCodes } from './totp.js';

/**
 * Ten new recovery codes for the signed-in user (the old ones stop working), shown once. The
 * password is asked again and counted like a sign-in, so a session left open does not hand them out.
 */
export async function regenerateRecoveryCodes(
  ctx: Ctx,
  input: { password: string },
  meta: SignInMeta,
): Promise<{ recoveryCodes: string[] }> {
  const { deps, actor } = ctx;
  const now = deps.clock.now();
  const l = deps.config.login;
  const keys = passwordThrottleKeys(actor.username, meta.address, {
    perPair: l.maxFailures,
    perAccount: l.accountMaxFailures,
    perAddress: l.addressMaxFailures,
  });
  await reserveOrRefuse(deps, keys, now);
  const account = await deps.db.tx(systemScope, (trx) => findLogin(trx, actor.username));
  const user = { id: actor.userId, username: actor.username, scopePath: actor.scopePath };
  if (!(await verifyPassword(input.password, account?.passwordHash ?? decoyHash))) {
    await auditRefusal(deps, user, 'auth.2fa.recovery_regenerated', meta, { reason: 'wrong password' });
    throw new DomainError('InvalidCredentials', 'wrong password');
  }
  const codes = newRecoveryCodes();
  await deps.db.tx(systemScope, async (trx) => {
    if (!(await findTotp(trx, actor.userId))?.confirmed)
      throw new DomainError('Conflict', 'this account has no second factor to make recovery codes for');
    await replaceRecoveryCodes(trx, actor.userId, codes.hashes);
    await clearThrottle(trx, accountKeys(keys));
    await appendAudit(trx, signInAudit(deps, user, 'auth.2fa.recovery_regenerated', 'ok', meta));
  });
  return { recoveryCodes: codes.shown };
}
