import { sql } from 'kysely';
import type { Tx } from './db.js';
import { inSubtree } from './like.js';
import type { PartyRole } from '../core/case/types.js';

export type StoredParty = {
  id: number;
  caseId: number;
  role: PartyRole;
  name: string;
  phoneEnc: string | null;
  idNumberEnc: string | null;
  addressEnc: string | null;
  emailEnc: string | null;
};

export type NewParty = Omit<StoredParty, 'id'> & {
  phoneHash: string | null;
  idNumberHash: string | null;
  emailHash: string | null;
  phoneLast4Hash: string | null;
};

/** The encrypted fields and keyed hashes of a party, as columns. */
const sealedColumns = (p: Omit<NewParty, 'caseId' | 'role' | 'name'>) => ({
  phone_enc: p.phoneEnc,
  id_number_enc: p.idNumberEnc,
  address_enc: p.addressEnc,
  email_enc: p.emailEnc,
  phone_hash: p.phoneHash,
  id_number_hash: p.idNumberHash,
  email_hash: p.emailHash,
  phone_last4_hash: p.phoneLast4Hash,
});

export async function insertParties(trx: Tx, regionPath: string, at: Date, parties: NewParty[]): Promise<void> {
  if (parties.length === 0) return;
  await trx
    .insertInto('case_parties')
    .values(
      parties.map((p) => ({
        case_id: p.caseId,
        role: p.role,
        name: p.name,
        ...sealedColumns(p),
        region_path: regionPath,
        created_at: at,
      })),
    )
    .execute();
}

const storedColumns = [
  'id',
  'case_id',
  'role',
  'name',
  'phone_enc',
  'id_number_enc',
  'address_enc',
  'email_enc',
] as const;

const toStored = (r: {
  id: number;
  case_id: number;
  role: StoredParty['role'];
  name: string;
  phone_enc: string | null;
  id_number_enc: string | null;
  address_enc: string | null;
  email_enc: string | null;
}): StoredParty => ({
  id: Number(r.id),
  caseId: Number(r.case_id),
  role: r.role,
  name: r.name,
  phoneEnc: r.phone_enc,
  idNumberEnc: r.id_number_enc,
  addressEnc: r.address_enc,
  emailEnc: r.email_enc,
});

export async function partiesOf(trx: Tx, caseId: number): Promise<StoredParty[]> {
  const rows = await trx
    .selectFrom('case_parties')
    .select(storedColumns)
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map(toStored);
}

/**
 * Key rotation (`civicgrid keys rotate`): a party row is "not yet under" a key when any of its
 * envelopes names another key id (the third dot-separated part), so an interrupted rotation finds
 * exactly the rows it has left.
 */
const notUnderKey = (keyId: string) => {
  const other = (c: 'phone_enc' | 'id_number_enc' | 'address_enc' | 'email_enc') =>
    sql<boolean>`(${sql.ref(c)} IS NOT NULL AND split_part(${sql.ref(c)}, '.', 3) <> ${keyId})`;
  return sql<boolean>`(${other('phone_enc')} OR ${other('id_number_enc')} OR ${other('address_enc')} OR ${other('email_enc')})`;
};

export async function countPartiesNotUnderKey(trx: Tx, keyId: string): Promise<number> {
  const r = await trx
    .selectFrom('case_parties')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(notUnderKey(keyId))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next rows to re-encrypt after `afterId`, locked until the batch's transaction ends. */
export async function partiesNotUnderKey(trx: Tx, keyId: string, afterId: number, limit: number) {
  const rows = await trx
    .selectFrom('case_parties')
    .select(storedColumns)
    .where('id', '>', afterId)
    .where(notUnderKey(keyId))
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .execute();
  return rows.map(toStored);
}

/** A party's fields sealed again under the current key, with its keyed hashes recomputed. */
export async function storeResealedParty(
  trx: Tx,
  id: number,
  p: Omit<NewParty, 'caseId' | 'role' | 'name'>,
): Promise<void> {
  await trx.updateTable('case_parties').set(sealedColumns(p)).where('id', '=', id).execute();
}

/**
 * Earlier cases in a region subtree since a time whose parties share a phone or ID hash:
 * the candidates for a repeat visit (重访). Matching uses only the parties' own contact data.
 */
export async function casesSharingParty(
  trx: Tx,
  hashes: string[],
  underPath: string,
  since: Date,
  excludeCaseId: number,
) {
  if (hashes.length === 0) return [];
  return trx
    .selectFrom('case_parties as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .select(['c.id', 'c.title', 'c.description', 'c.received_at'])
    .where((eb) =>
      eb.or([eb('p.phone_hash', 'in', hashes), eb('p.id_number_hash', 'in', hashes), eb('p.email_hash', 'in', hashes)]),
    )
    .where(inSubtree('c.region_path', underPath))
    .where('c.received_at', '>=', since)
    .where('c.id', '<>', excludeCaseId)
    .distinct()
    .orderBy('c.received_at', 'desc')
    .limit(50)
    .execute();
}
