import { createHash, randomBytes } from 'node:crypto';
import type { Ctx } from '../context.js';
import { readAs, writeAs } from '../context.js';
import type { Deps } from '../deps.js';
import type { IssuePartnerKeyInput, PartnerKeyView } from '../../contract/partner-keys.js';
import { covers } from '../../core/auth/actor.js';
import { notFound } from '../../core/errors.js';
import { systemScope } from '../../storage/db.js';
import { regionByCode } from '../../storage/region-tree.repo.js';
import {
  insertPartnerKey,
  listPartnerKeys as listKeys,
  revokePartnerKey as revoke,
  usePartnerKey,
  type PartnerKey,
} from '../../storage/partner-keys.repo.js';

/** SHA-256 of a presented key: what the table stores and looks up. */
export const hashPartnerKey = (key: string) => createHash('sha256').update(key).digest('hex');

const view = (k: PartnerKey): PartnerKeyView => ({
  id: k.id,
  name: k.name,
  keyPrefix: k.keyPrefix,
  channel: k.channel,
  transferSource: k.transferSource,
  regionCode: k.regionCode,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt?.toISOString() ?? null,
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
});

/** Issues a key bound to a channel and a jurisdiction; the key (32 random bytes) is returned once and stored hashed. */
export async function issuePartnerKey(
  ctx: Ctx,
  input: IssuePartnerKeyInput,
): Promise<PartnerKeyView & { key: string }> {
  const key = `cgk_${randomBytes(32).toString('base64url')}`;
  return writeAs(ctx, 'partner_key.manage', 'partner_key.issue', `region:${input.regionCode}`, async (trx) => {
    const region = await regionByCode(trx, input.regionCode);
    if (!region || !covers(ctx.actor, region.path)) throw notFound('region', input.regionCode);
    const k = await insertPartnerKey(trx, {
      name: input.name,
      keyHash: hashPartnerKey(key),
      keyPrefix: key.slice(0, 10),
      channel: input.channel,
      transferSource: input.transferSource ?? null,
      regionCode: region.code,
      regionPath: region.path,
      createdAt: ctx.deps.clock.now(),
      createdBy: ctx.actor.userId > 0 ? ctx.actor.userId : null,
    });
    return {
      value: { ...view(k), key },
      target: `partner_key:${k.id}`,
      details: { name: k.name, channel: k.channel, regionCode: k.regionCode },
      regionPath: region.path,
    };
  });
}

/** Revokes a key at once: the next call with it answers 403. */
export async function revokePartnerKey(ctx: Ctx, id: number): Promise<PartnerKeyView> {
  return writeAs(ctx, 'partner_key.manage', 'partner_key.revoke', `partner_key:${id}`, async (trx) => {
    const k = await revoke(trx, id, ctx.deps.clock.now());
    if (!k) throw notFound('partner key', id);
    return { value: view(k), regionPath: k.regionPath };
  });
}

/** The keys in the administrator's jurisdiction (never the keys themselves: only their prefixes). */
export async function listPartnerKeys(ctx: Ctx): Promise<PartnerKeyView[]> {
  return readAs(ctx, 'partner_key.manage', 'partner_keys', async (trx) => (await listKeys(trx)).map(view));
}

/** The live key a partner presented, or undefined; its use is noted. */
export async function authenticatePartner(deps: Deps, key: string): Promise<PartnerKey | undefined> {
  if (!/^cgk_[A-Za-z0-9_-]{20,100}$/.test(key)) return undefined;
  return deps.db.tx(systemScope, (trx) => usePartnerKey(trx, hashPartnerKey(key), deps.clock.now()));
}
