import type { Deps } from '../deps.js';
import { DomainError } from '../../core/errors.js';
import { systemScope } from '../../storage/db.js';
import { appendAudit } from '../../storage/audit.repo.js';
import { findLogin, recordLoginFailure } from '../../storage/users.repo.js';
import { insertSession } from '../../storage/sessions.repo.js';
import { decoyHash, verifyPassword } from './password.js';
import { hashToken, newSessionToken } from './session-token.js';

type Outcome = { ok: true; token: string; userId: number } | { ok: false; error: DomainError };

/**
 * Checks a username and password and opens a server-side session. After `maxFailures`
 * wrong passwords the account is locked for `lockMs`; an unknown name, a wrong password
 * and a disabled account answer alike, so the answer does not reveal which accounts exist.
 */
export async function login(
  deps: Deps,
  input: { username: string; password: string },
  requestId: string | null,
): Promise<{ token: string; userId: number }> {
  const now = deps.clock.now();
  const row = await deps.db.tx(systemScope, (trx) => findLogin(trx, input.username));
  if (row?.locked_until && new Date(row.locked_until) > now) {
    const retryAfter = Math.ceil((new Date(row.locked_until).getTime() - now.getTime()) / 1000);
    await audit(deps, row, input.username, 'denied', requestId, { reason: 'locked' });
    throw new DomainError('TooManyAttempts', 'too many failed logins; try again later', {
      retryAfterSeconds: retryAfter,
    });
  }
  // Verify even for unknown users, so response time does not reveal which names exist.
  const passwordOk = await verifyPassword(input.password, row?.password_hash ?? decoyHash);
  const outcome: Outcome = await deps.db.tx(systemScope, async (trx): Promise<Outcome> => {
    const invalid = new DomainError('InvalidCredentials', 'wrong username or password');
    if (!row) {
      await appendAudit(trx, entry(deps, null, input.username, 'denied', requestId, { reason: 'unknown user' }));
      return { ok: false, error: invalid };
    }
    if (!passwordOk || row.disabled) {
      const failures = passwordOk ? row.failed_logins : row.failed_logins + 1;
      const lock =
        failures >= deps.config.login.maxFailures ? new Date(now.getTime() + deps.config.login.lockMs) : null;
      await recordLoginFailure(trx, row.id, lock ? 0 : failures, lock);
      await appendAudit(
        trx,
        entry(deps, row, row.username, 'denied', requestId, {
          reason: row.disabled ? 'disabled' : 'wrong password',
          locked: lock !== null,
        }),
      );
      return { ok: false, error: invalid };
    }
    const token = newSessionToken();
    await insertSession(trx, hashToken(token), row.id, now);
    await recordLoginFailure(trx, row.id, 0, null);
    await appendAudit(trx, entry(deps, row, row.username, 'ok', requestId, {}));
    return { ok: true, token, userId: row.id };
  });
  if (!outcome.ok) throw outcome.error;
  return { token: outcome.token, userId: outcome.userId };
}

/** The account a login names (null: no such account): the record is its jurisdiction's. */
type Account = { id: number; scope_path: string } | null;

function entry(
  deps: Deps,
  account: Account,
  name: string,
  outcome: 'ok' | 'denied',
  requestId: string | null,
  details: Record<string, unknown>,
) {
  return {
    at: deps.clock.now(),
    actorId: account?.id ?? null,
    actorName: name.slice(0, 64),
    action: 'auth.login',
    target: `user:${name.slice(0, 64)}`,
    outcome,
    requestId,
    details,
    regionPath: account?.scope_path ?? null,
  };
}

async function audit(
  deps: Deps,
  account: Account,
  name: string,
  outcome: 'ok' | 'denied',
  requestId: string | null,
  details: Record<string, unknown>,
) {
  await deps.db.tx(systemScope, (trx) => appendAudit(trx, entry(deps, account, name, outcome, requestId, details)));
}
