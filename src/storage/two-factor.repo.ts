import { sql } from 'kysely';
import type { Tx } from './db.js';

export type StoredTotp = { secretEnc: string; confirmed: boolean; lastTimeStep: number | null };

export async function findTotp(trx: Tx, userId: number): Promise<StoredTotp | undefined> {
  const r = await trx
    .selectFrom('user_totp')
    .select(['secret_enc', 'confirmed_at', 'last_time_step'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return (
    r && {
      secretEnc: r.secret_enc,
      confirmed: r.confirmed_at !== null,
      lastTimeStep: r.last_time_step === null ? null : Number(r.last_time_step),
    }
  );
}

/** Starts (or restarts) an enrolment: a new unconfirmed secret. A confirmed secret is never replaced here. */
export async function putPendingTotp(trx: Tx, userId: number, secretEnc: string, at: Date): Promise<boolean> {
  const r = await trx
    .insertInto('user_totp')
    .values({ user_id: userId, secret_enc: secretEnc, confirmed_at: null, last_time_step: null, created_at: at })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ secret_enc: secretEnc, created_at: at, last_time_step: null })
        .where('user_totp.confirmed_at', 'is', null),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Spends a time step: succeeds only when it is later than the last accepted one, in one
 * statement, so two requests with the same code cannot both pass. Confirms a pending enrolment.
 */
export async function acceptTimeStep(trx: Tx, userId: number, timeStep: number, at: Date): Promise<boolean> {
  const r = await trx
    .updateTable('user_totp')
    .set((eb) => ({
      last_time_step: timeStep,
      confirmed_at: eb.fn.coalesce('confirmed_at', eb.val(at)),
    }))
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_time_step', 'is', null), eb('last_time_step', '<', timeStep)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Replaces the user's recovery codes (their SHA-256 hashes). */
export async function replaceRecoveryCodes(trx: Tx, userId: number, hashes: string[]): Promise<void> {
  await trx.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
  await trx
    .insertInto('user_recovery_codes')
    .values(hashes.map((h) => ({ user_id: userId, code_hash: h, used_at: null })))
    .execute();
}

/** Spends a recovery code once (the update is the check); answers how many stay unused, or null if none was spent. */
export async function spendRecoveryCode(trx: Tx, userId: number, hash: string, at: Date): Promise<number | null> {
  const r = await trx
    .updateTable('user_recovery_codes')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return null;
  const left = await trx
    .selectFrom('user_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(left.n);
}

/** Removes a user's second factor entirely (a reset): secret, recovery codes and open challenges. */
export async function deleteSecondFactor(trx: Tx, userId: number): Promise<boolean> {
  await trx.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
  await trx.deleteFrom('login_challenges').where('user_id', '=', userId).execute();
  const r = await trx.deleteFrom('user_totp').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export type Challenge = { userId: number; purpose: 'code' | 'enrol'; expiresAt: Date };

export async function insertChallenge(trx: Tx, tokenHash: string, c: Challenge & { createdAt: Date }): Promise<void> {
  // A user's expired challenges go when a new one is made, so the table stays small.
  await trx
    .deleteFrom('login_challenges')
    .where('user_id', '=', c.userId)
    .where('expires_at', '<=', c.createdAt)
    .execute();
  await trx
    .insertInto('login_challenges')
    .values({
      token_hash: tokenHash,
      user_id: c.userId,
      purpose: c.purpose,
      created_at: c.createdAt,
      expires_at: c.expiresAt,
    })
    .execute();
}

/** The challenge with its user's name, roles and standing, if it has not expired. */
export async function findChallenge(trx: Tx, tokenHash: string, now: Date) {
  const r = await trx
    .selectFrom('login_challenges as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.user_id', 'c.purpose', 'c.expires_at', 'u.username', 'u.roles', 'u.disabled', 'u.scope_path'])
    .where('c.token_hash', '=', tokenHash)
    .where('c.expires_at', '>', now)
    .executeTakeFirst();
  return (
    r && {
      userId: Number(r.user_id),
      purpose: r.purpose,
      expiresAt: new Date(r.expires_at),
      username: r.username,
      scopePath: r.scope_path,
      roles: r.roles,
      disabled: r.disabled,
    }
  );
}

export async function deleteChallenge(trx: Tx, tokenHash: string): Promise<boolean> {
  const r = await trx.deleteFrom('login_challenges').where('token_hash', '=', tokenHash).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Rows whose secret is not under the given key id, in id order after `afterUserId` (key rotation). */
export async function totpSecretsNotUnder(trx: Tx, keyId: string, afterUserId: number, limit: number) {
  const rows = await trx
    .selectFrom('user_totp')
    .select(['user_id', 'secret_enc'])
    .where('user_id', '>', afterUserId)
    .where(sql<boolean>`split_part(secret_enc, '.', 3) <> ${keyId}`)
    .orderBy('user_id')
    .limit(limit)
    .forUpdate()
    .execute();
  return rows.map((r) => ({ userId: Number(r.user_id), secretEnc: r.secret_enc }));
}

export async function setTotpSecret(trx: Tx, userId: number, secretEnc: string): Promise<void> {
  await trx.updateTable('user_totp').set({ secret_enc: secretEnc }).where('user_id', '=', userId).execute();
}

export async function countTotpNotUnderKey(trx: Tx, keyId: string): Promise<number> {
  const r = await trx
    .selectFrom('user_totp')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`split_part(secret_enc, '.', 3) <> ${keyId}`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
