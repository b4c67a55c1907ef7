import type { Deps } from '../deps.js';
import { covers } from '../../core/auth/actor.js';
import { DomainError, notFound } from '../../core/errors.js';
import { systemScope } from '../../storage/db.js';
import type { PartnerKey } from '../../storage/partner-keys.repo.js';
import { regionByCode } from '../../storage/region-tree.repo.js';

/**
 * The region subtree a GET names with `jurisdiction_id` (a region code), as POST reads it: unknown
 * → 404, outside the presented key's jurisdiction → 403. Undefined when none is named (then the
 * whole published list, or the key's whole jurisdiction for nothing narrower).
 */
export async function jurisdictionPath(
  deps: Deps,
  jurisdictionId: string | undefined,
  key: PartnerKey | undefined,
): Promise<string | undefined> {
  const code = jurisdictionId?.trim();
  if (!code) return undefined;
  const region = /^\d{2,15}$/.test(code) ? await deps.db.tx(systemScope, (trx) => regionByCode(trx, code)) : undefined;
  if (!region) throw notFound('jurisdiction_id', code);
  if (key && !covers({ scopePath: key.regionPath }, region.path))
    throw new DomainError('Forbidden', "jurisdiction_id lies outside this key's jurisdiction");
  return region.path;
}
