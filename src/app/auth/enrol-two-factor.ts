import type { Deps } from '../deps.js';
import { DomainError } from '../../core/errors.js';
import { codeThrottleKey } from '../../core/auth/sign-in.js';
import { systemScope } from '../../storage/db.js';
import { appendAudit } from '../../storage/audit.repo.js';
import { clearThrottle } from '../../storage/login-throttle.repo.js';
import { deleteChallenge, putPendingTotp, replaceRecoveryCodes } from '../../storage/two-factor.repo.js';
import { hashToken } from './session-token.js';
import { enrolmentPicture, newRecoveryCodes, newTotpSecret } from './totp.js';
import {
  auditRefusal,
  checkSecondFactor,
  openSession,
  reserveOrRefuse,
  signInAudit,
  type SignInMeta,
} from './sign-in-steps.js';
import { pendingSignIn } from './verify-sign-in-code.js';

/**
 * Enrolment, step one, for an account the password step sent here: a fresh secret (encrypted at
 * rest), shown as a QR code and as text. Asking again replaces a secret not yet confirmed.
 */
export async function startEnrolment(deps: Deps, input: { pendingToken: string }, meta: SignInMeta) {
  const user = await pendingSignIn(deps, input.pendingToken, 'enrol');
  const secret = newTotpSecret();
  await deps.db.tx(systemScope, async (trx) => {
    if (!(await putPendingTotp(trx, user.id, deps.crypto.encrypt(secret), deps.clock.now())))
      throw new DomainError('Conflict', 'this account already has a second factor');
    await appendAudit(trx, signInAudit(deps, user, 'auth.2fa.enrolment_started', 'ok', meta));
  });
  return { ...(await enrolmentPicture(user.username, secret)), username: user.username, expiresAt: user.expiresAt };
}

/**
 * Enrolment, step two: the first code from the app confirms the secret. Ten recovery codes are
 * made and returned this once (only their hashes are kept), and the full session opens.
 */
export async function confirmEnrolment(deps: Deps, input: { pendingToken: string; code: string }, meta: SignInMeta) {
  const user = await pendingSignIn(deps, input.pendingToken, 'enrol');
  const now = deps.clock.now();
  const codeKey = codeThrottleKey(user.username, deps.config.login.maxFailures);
  await reserveOrRefuse(deps, [codeKey], now);
  const recovery = newRecoveryCodes();
  const token = await deps.db.tx(systemScope, async (trx) => {
    if (!(await checkSecondFactor(deps, trx, user.id, input.code, now, { enrolling: true })).ok) return null;
    if (!(await deleteChallenge(trx, hashToken(input.pendingToken))))
      throw new DomainError('Unauthenticated', 'this sign-in has already been completed');
    await replaceRecoveryCodes(trx, user.id, recovery.hashes);
    await clearThrottle(trx, [codeKey.key]);
    await appendAudit(trx, signInAudit(deps, user, 'auth.2fa.enrolled', 'ok', meta, { recoveryCodes: 10 }));
    await appendAudit(trx, signInAudit(deps, user, 'auth.login', 'ok', meta, { secondFactor: 'enrolled' }));
    return openSession(trx, user.id, now);
  });
  if (!token) {
    await auditRefusal(deps, user, 'auth.2fa.failed', meta, { step: 'enrolment' });
    throw new DomainError('InvalidCredentials', 'wrong code');
  }
  return { token, userId: user.id, recoveryCodes: recovery.shown };
}
