import type { Deps } from '../deps.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Role } from '../../contract/common.js';
import { DomainError } from '../../core/errors.js';
import { systemScope } from '../../storage/db.js';
import { deleteSession, findSession, touchSession } from '../../storage/sessions.repo.js';
import { hashToken } from './session-token.js';

// Writing last_seen on every request would turn every read into a write; a minute is precise enough.
const touchEveryMs = 60_000;

/** Turns a session cookie into the acting user, ending sessions that idled out or whose account is disabled. */
export async function authenticate(deps: Deps, token: string | undefined): Promise<Actor> {
  if (!token) throw new DomainError('Unauthenticated', 'sign in first');
  const now = deps.clock.now();
  const tokenHash = hashToken(token);
  return deps.db
    .tx(systemScope, async (trx) => {
      const s = await findSession(trx, tokenHash);
      if (!s) throw new DomainError('Unauthenticated', 'session expired; sign in again');
      const idle = now.getTime() - new Date(s.last_seen_at).getTime();
      if (s.disabled || idle > deps.config.sessionIdleMs) {
        await deleteSession(trx, tokenHash);
        return null;
      }
      if (idle > touchEveryMs) await touchSession(trx, tokenHash, now);
      return {
        userId: Number(s.user_id),
        username: s.username,
        displayName: s.display_name,
        unitId: Number(s.unit_id),
        unitLevel: Number(s.unit_level),
        unitRegionCode: s.unit_region_code,
        roles: s.roles as Role[],
        scopePath: s.scope_path,
      } satisfies Actor;
    })
    .then((actor) => {
      if (!actor) throw new DomainError('Unauthenticated', 'session expired; sign in again');
      return actor;
    });
}
