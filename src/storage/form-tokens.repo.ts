import type { Tx } from './db.js';

/**
 * Records a form token as spent; false when it was spent already. Run in the transaction of the
 * submission it allowed: a concurrent second use waits on the key and then finds it taken, and a
 * submission that rolls back leaves its token unspent. A few expired rows go on each call
 * (SKIP LOCKED: two submissions never wait on each other's clean-up).
 */
export async function spendFormToken(trx: Tx, tokenId: string, expiresAt: Date, now: Date): Promise<boolean> {
  await trx
    .deleteFrom('spent_form_tokens')
    .where(
      'token_id',
      'in',
      trx
        .selectFrom('spent_form_tokens')
        .select('token_id')
        .where('expires_at', '<', now)
        .limit(100)
        .forUpdate()
        .skipLocked(),
    )
    .execute();
  const r = await trx
    .insertInto('spent_form_tokens')
    .values({ token_id: tokenId, expires_at: expiresAt })
    .onConflict((oc) => oc.column('token_id').doNothing())
    .returning('token_id')
    .executeTakeFirst();
  return r !== undefined;
}
