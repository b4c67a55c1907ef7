import type { Tx } from './db.js';

export type PartnerKey = {
  id: number;
  name: string;
  keyPrefix: string;
  channel: 'hotline' | 'transfer' | 'online';
  transferSource: 'court' | 'police' | 'procuratorate' | 'petition_bureau' | null;
  regionCode: string;
  regionPath: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

const columns = [
  'id',
  'name',
  'key_prefix',
  'channel',
  'transfer_source',
  'region_code',
  'region_path',
  'created_at',
  'revoked_at',
  'last_used_at',
] as const;
type Row = {
  id: number;
  name: string;
  key_prefix: string;
  channel: PartnerKey['channel'];
  transfer_source: PartnerKey['transferSource'];
  region_code: string;
  region_path: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
};
const toKey = (r: Row): PartnerKey => ({
  id: Number(r.id),
  name: r.name,
  keyPrefix: r.key_prefix,
  channel: r.channel,
  transferSource: r.transfer_source,
  regionCode: r.region_code,
  regionPath: r.region_path,
  createdAt: new Date(r.created_at),
  revokedAt: r.revoked_at && new Date(r.revoked_at),
  lastUsedAt: r.last_used_at && new Date(r.last_used_at),
});

export async function insertPartnerKey(
  trx: Tx,
  k: Omit<PartnerKey, 'id' | 'revokedAt' | 'lastUsedAt'> & { keyHash: string; createdBy: number | null },
): Promise<PartnerKey> {
  const r = await trx
    .insertInto('partner_keys')
    .values({
      name: k.name,
      key_hash: k.keyHash,
      key_prefix: k.keyPrefix,
      channel: k.channel,
      transfer_source: k.transferSource,
      region_code: k.regionCode,
      region_path: k.regionPath,
      created_by: k.createdBy,
      created_at: k.createdAt,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toKey(r as Row);
}

export async function listPartnerKeys(trx: Tx): Promise<PartnerKey[]> {
  const rows = await trx.selectFrom('partner_keys').select(columns).orderBy('id').execute();
  return rows.map((r) => toKey(r as Row));
}

/** Marks a key revoked; false when it does not exist (or lies outside the caller's scope). */
export async function revokePartnerKey(trx: Tx, id: number, at: Date): Promise<PartnerKey | undefined> {
  const r = await trx
    .updateTable('partner_keys')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirst();
  return r && toKey(r as Row);
}

/** The live key with this hash, noting its use; undefined when unknown or revoked. */
export async function usePartnerKey(trx: Tx, keyHash: string, at: Date): Promise<PartnerKey | undefined> {
  const r = await trx
    .updateTable('partner_keys')
    .set({ last_used_at: at })
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .returning(columns)
    .executeTakeFirst();
  return r && toKey(r as Row);
}
