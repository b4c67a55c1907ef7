import type { Tx } from './db.js';

export async function insertSession(trx: Tx, tokenHash: string, userId: number, at: Date): Promise<void> {
  await trx
    .insertInto('sessions')
    .values({ token_hash: tokenHash, user_id: userId, created_at: at, last_seen_at: at })
    .execute();
}

/** The session with its user's standing; the caller decides about idle expiry. */
export async function findSession(trx: Tx, tokenHash: string) {
  return trx
    .selectFrom('sessions as x')
    .innerJoin('users as s', 's.id', 'x.user_id')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .innerJoin('regions as r', 'r.code', 'u.region_code')
    .select([
      'x.user_id',
      'x.last_seen_at',
      's.username',
      's.display_name',
      's.roles',
      's.disabled',
      's.scope_path',
      's.unit_id',
      'u.region_code as unit_region_code',
      'r.level as unit_level',
    ])
    .where('x.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(trx: Tx, tokenHash: string, at: Date): Promise<void> {
  await trx.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(trx: Tx, tokenHash: string): Promise<void> {
  await trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user (disable, password change, role change). */
export async function deleteUserSessions(trx: Tx, userId: number): Promise<number> {
  const r = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
