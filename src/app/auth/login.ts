import type { Deps } from '../deps.js';
import { DomainError, isDomainError } from '../../core/errors.js';
import { accountKeys, passwordThrottleKeys, secondFactorRequired, type ThrottleKey } from '../../core/auth/sign-in.js';
import { systemScope } from '../../storage/db.js';
import { appendAudit } from '../../storage/audit.repo.js';
import { findLogin } from '../../storage/users.repo.js';
import { clearThrottle, pruneThrottle, refundAttempt } from '../../storage/login-throttle.repo.js';
import { findTotp } from '../../storage/two-factor.repo.js';
import { decoyHash, verifyPassword } from './password.js';
import {
  auditRefusal,
  openChallenge,
  openSession,
  reserveOrRefuse,
  signInAudit,
  type SignInMeta,
} from './sign-in-steps.js';
import { signInWithCode } from './sign-in-with-code.js';

export type SignInResult =
  | { kind: 'session'; token: string; userId: number }
  | { kind: 'pending'; next: 'code' | 'enrol'; pendingToken: string; expiresAt: Date };

type Account = NonNullable<Awaited<ReturnType<typeof findLogin>>>;

/**
 * The password step of signing in. The attempt is counted before the password is compared
 * (per name and address, per name, per address: see core/auth/sign-in.ts), so parallel guesses
 * cannot outrun the lock; an unknown name, a wrong password and a disabled account answer alike,
 * and a locked name answers alike whether it exists or not. An account that has or needs a second
 * factor gets a pending token for the code or the enrolment instead of a session; with `code`
 * given, the second factor is checked in the same request, which is also how a locked owner gets in.
 */
export async function login(
  deps: Deps,
  input: { username: string; password: string; code?: string },
  meta: SignInMeta,
): Promise<SignInResult> {
  const now = deps.clock.now();
  const l = deps.config.login;
  const keys = passwordThrottleKeys(input.username, meta.address, {
    perPair: l.maxFailures,
    perAccount: l.accountMaxFailures,
    perAddress: l.addressMaxFailures,
  });
  const typed = { id: null, username: input.username };
  try {
    await reserveOrRefuse(deps, keys, now);
  } catch (locked) {
    if (!isDomainError(locked) || locked.code !== 'TooManyAttempts') throw locked;
    const unlocked = input.code ? await unlockWithSecondFactor(deps, { ...input, code: input.code }, keys, meta) : null;
    if (unlocked) return unlocked;
    await auditRefusal(deps, typed, 'auth.login', meta, { reason: 'locked' });
    throw locked;
  }
  const account = await deps.db.tx(systemScope, (trx) => findLogin(trx, input.username));
  // An unknown name spends the same scrypt work as a known one, so timing does not tell them apart.
  const passwordOk = await verifyPassword(input.password, account?.passwordHash ?? decoyHash);
  if (!account || !passwordOk || account.disabled) {
    const reason = !account ? 'unknown user' : account.disabled ? 'disabled' : 'wrong password';
    await auditRefusal(deps, account ?? typed, 'auth.login', meta, { reason });
    throw new DomainError('InvalidCredentials', 'wrong username or password');
  }
  return passwordAccepted(deps, account, keys, input.code, meta);
}

async function passwordAccepted(
  deps: Deps,
  account: Account,
  keys: ThrottleKey[],
  code: string | undefined,
  meta: SignInMeta,
): Promise<SignInResult> {
  const now = deps.clock.now();
  const address = keys.find((k) => k.key.startsWith('address:'))!.key;
  const totp = await deps.db.tx(systemScope, (trx) => findTotp(trx, account.id));
  if (totp?.confirmed && code) {
    const r = await signInWithCode(deps, account, code, meta, { clear: accountKeys(keys) });
    if (!r) throw new DomainError('InvalidCredentials', 'wrong code');
    return { kind: 'session', token: r.token, userId: account.id };
  }
  const next = totp?.confirmed
    ? ('code' as const)
    : secondFactorRequired(account.roles, deps.config.twoFactorRoles)
      ? ('enrol' as const)
      : null;
  const result = await deps.db.tx(systemScope, async (trx): Promise<SignInResult> => {
    await clearThrottle(trx, accountKeys(keys));
    await refundAttempt(trx, address);
    await pruneThrottle(trx, new Date(now.getTime() - deps.config.login.lockMs), now);
    const pending = next ? { secondFactor: next === 'code' ? 'code required' : 'enrolment required' } : {};
    await appendAudit(trx, signInAudit(deps, account, 'auth.login', 'ok', meta, pending));
    if (next) return { kind: 'pending', next, ...(await openChallenge(trx, account.id, next, now)) };
    return { kind: 'session', token: await openSession(trx, account.id, now), userId: account.id };
  });
  return result;
}

/**
 * A locked name whose owner proves both factors gets in and clears the account's counters (an
 * attacker can lock the password step, not the owner). Whatever fails here — the password, the
 * code, the code counter — the caller answers with the original lock, so this path tells nothing.
 */
async function unlockWithSecondFactor(
  deps: Deps,
  input: { username: string; password: string; code: string },
  keys: ThrottleKey[],
  meta: SignInMeta,
): Promise<SignInResult | null> {
  const account = await deps.db.tx(systemScope, (trx) => findLogin(trx, input.username));
  const passwordOk = await verifyPassword(input.password, account?.passwordHash ?? decoyHash);
  if (!account || !passwordOk || account.disabled) return null;
  const totp = await deps.db.tx(systemScope, (trx) => findTotp(trx, account.id));
  if (!totp?.confirmed) return null;
  try {
    const r = await signInWithCode(deps, account, input.code, meta, {
      clear: accountKeys(keys),
      details: { unlocked: true },
    });
    return r && { kind: 'session', token: r.token, userId: account.id };
  } catch (e) {
    if (isDomainError(e) && e.code === 'TooManyAttempts') return null;
    throw e;
  }
}
