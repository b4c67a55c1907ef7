import type { Deps } from '../deps.js';
import type { Tx } from '../../storage/db.js';
import { systemScope } from '../../storage/db.js';
import { codeThrottleKey } from '../../core/auth/sign-in.js';
import { appendAudit } from '../../storage/audit.repo.js';
import { clearThrottle } from '../../storage/login-throttle.repo.js';
import {
  auditRefusal,
  checkSecondFactor,
  openSession,
  reserveOrRefuse,
  signInAudit,
  type SignInMeta,
} from './sign-in-steps.js';

/**
 * The second factor after a correct password: reserves a guess on the name's code counter
 * (throws TooManyAttempts when spent), then spends the code, clears the given counters, runs
 * `also` and opens the session in one transaction. Null when the code is wrong (audited).
 */
export async function signInWithCode(
  deps: Deps,
  user: { id: number; username: string; scopePath: string },
  code: string,
  meta: SignInMeta,
  opts: { clear?: string[]; also?: (trx: Tx) => Promise<void>; details?: Record<string, unknown> } = {},
): Promise<{ token: string } | null> {
  const now = deps.clock.now();
  const codeKey = codeThrottleKey(user.username, deps.config.login.maxFailures);
  await reserveOrRefuse(deps, [codeKey], now);
  const token = await deps.db.tx(systemScope, async (trx) => {
    const check = await checkSecondFactor(deps, trx, user.id, code, now);
    if (!check.ok) return null;
    await clearThrottle(trx, [...(opts.clear ?? []), codeKey.key]);
    await opts.also?.(trx);
    const action = check.method === 'recovery' ? 'auth.2fa.recovery_used' : 'auth.2fa.verified';
    const left = check.method === 'recovery' ? { recoveryCodesLeft: check.recoveryLeft } : {};
    await appendAudit(trx, signInAudit(deps, user, action, 'ok', meta, { ...left, ...opts.details }));
    await appendAudit(trx, signInAudit(deps, user, 'auth.login', 'ok', meta, { secondFactor: check.method }));
    return openSession(trx, user.id, now);
  });
  if (!token) {
    await auditRefusal(deps, user, 'auth.2fa.failed', meta, { ...opts.details });
    return null;
  }
  return { token };
}
