import { sql } from 'kysely';
import type { Tx } from './db.js';

/**
 * Queries of the data-key rotation (`civicgrid keys rotate`): rows whose envelopes name another
 * key than the current one, in id order, and their re-encrypted values. Envelopes carry their key
 * id as the third dot-separated part, so "not yet rotated" is visible in the data itself and an
 * interrupted rotation simply finds the rest.
 */
const notUnder = (column: 'phone_enc' | 'id_number_enc' | 'address_enc', keyId: string) =>
  sql<boolean>`(${sql.ref(column)} IS NOT NULL AND split_part(${sql.ref(column)}, '.', 3) <> ${keyId})`;

const partiesNotUnderKey = (keyId: string) =>
  sql<boolean>`(${notUnder('phone_enc', keyId)} OR ${notUnder('id_number_enc', keyId)} OR ${notUnder('address_enc', keyId)})`;

export async function countPartiesNotUnderKey(trx: Tx, keyId: string): Promise<number> {
  const r = await trx
    .selectFrom('case_parties')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(partiesNotUnderKey(keyId))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next batch of party rows to re-encrypt, locked until the batch's transaction ends. */
export async function partiesToRotate(trx: Tx, keyId: string, afterId: number, limit: number) {
  const rows = await trx
    .selectFrom('case_parties')
    .select(['id', 'case_id', 'role', 'name', 'phone_enc', 'id_number_enc', 'address_enc'])
    .where('id', '>', afterId)
    .where(partiesNotUnderKey(keyId))
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    caseId: Number(r.case_id),
    role: r.role,
    name: r.name,
    phoneEnc: r.phone_enc,
    idNumberEnc: r.id_number_enc,
    addressEnc: r.address_enc,
  }));
}

export type RotatedParty = {
  id: number;
  phoneEnc: string | null;
  idNumberEnc: string | null;
  addressEnc: string | null;
  phoneHash: string | null;
  idNumberHash: string | null;
  phoneLast4Hash: string | null;
};

export async function storeRotatedParty(trx: Tx, p: RotatedParty): Promise<void> {
  await trx
    .updateTable('case_parties')
    .set({
      phone_enc: p.phoneEnc,
      id_number_enc: p.idNumberEnc,
      address_enc: p.addressEnc,
      phone_hash: p.phoneHash,
      id_number_hash: p.idNumberHash,
      phone_last4_hash: p.phoneLast4Hash,
    })
    .where('id', '=', p.id)
    .execute();
}

export async function countTotpNotUnderKey(trx: Tx, keyId: string): Promise<number> {
  const r = await trx
    .selectFrom('user_totp')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`split_part(secret_enc, '.', 3) <> ${keyId}`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
