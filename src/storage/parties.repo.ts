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

export async function insertParties(trx: Tx, regionPath: string, at: Date, parties: NewParty[]): Promise<void> {
  if (parties.length === 0) return;
  await trx
    .insertInto('case_parties')
    .values(
      parties.map((p) => ({
        case_id: p.caseId,
        role: p.role,
        name: p.name,
        phone_enc: p.phoneEnc,
        id_number_enc: p.idNumberEnc,
        address_enc: p.addressEnc,
        email_enc: p.emailEnc,
        phone_hash: p.phoneHash,
        id_number_hash: p.idNumberHash,
        email_hash: p.emailHash,
        phone_last4_hash: p.phoneLast4Hash,
        region_path: regionPath,
        created_at: at,
      })),
    )
    .execute();
}

export async function partiesOf(trx: Tx, caseId: number): Promise<StoredParty[]> {
  const rows = await trx
    .selectFrom('case_parties')
    .select(['id', 'case_id', 'role', 'name', 'phone_enc', 'id_number_enc', 'address_enc', 'email_enc'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    caseId: Number(r.case_id),
    role: r.role,
    name: r.name,
    phoneEnc: r.phone_enc,
    idNumberEnc: r.id_number_enc,
    addressEnc: r.address_enc,
    emailEnc: r.email_enc,
  }));
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
