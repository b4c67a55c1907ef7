import type { Deps } from '../deps.js';
import { DomainError } from '../../core/errors.js';
import { systemScope } from '../../storage/db.js';
import { deleteChallenge, findChallenge } from '../../storage/two-factor.repo.js';
import { hashToken } from './session-token.js';
import type { SignInMeta } from './sign-in-steps.js';
import { signInWithCode } from './sign-in-with-code.js';

/** The pending sign-in of this token and purpose, or Unauthenticated (expired, spent, or another step's). */
export async function pendingSignIn(deps: Deps, pendingToken: string, purpose: 'code' | 'enrol') {
  const c = await deps.db.tx(systemScope, (trx) => findChallenge(trx, hashToken(pendingToken), deps.clock.now()));
  if (!c || c.purpose !== purpose || c.disabled)
    throw new DomainError('Unauthenticated', 'this sign-in has expired; enter your user name and password again');
  return { id: c.userId, username: c.username, scopePath: c.scopePath, roles: c.roles, expiresAt: c.expiresAt };
}

/**
 * The second step of signing in: a code from the authenticator app or a recovery code for the
 * pending token the password step gave. Success spends the token and opens the session.
 */
export async function verifySignInCode(
  deps: Deps,
  input: { pendingToken: string; code: string },
  meta: SignInMeta,
): Promise<{ token: string; userId: number }> {
  const user = await pendingSignIn(deps, input.pendingToken, 'code');
  const r = await signInWithCode(deps, user, input.code, meta, {
    also: async (trx) => {
      // Spent in the same transaction as the session: one pending token, one session.
      if (!(await deleteChallenge(trx, hashToken(input.pendingToken))))
        throw new DomainError('Unauthenticated', 'this sign-in has already been completed');
    },
  });
  if (!r) throw new DomainError('InvalidCredentials', 'wrong code');
  return { token: r.token, userId: user.id };
}
