import type { Deps } from '../deps.js';
import { DomainError } from '../../core/errors.js';
import { boxOf, CHINA_EXTENT, inBox, inGeometry, type Point } from '../../core/region/geo.js';
import { systemScope } from '../../storage/db.js';
import { boundariesUnder } from '../../storage/region-geometry.repo.js';
import type { PartnerKey } from '../../storage/partner-keys.repo.js';

/**
 * Refuses (400) a reported point outside a partner key's jurisdiction, judged by the best data
 * stored: the jurisdiction's own boundary; else the box around the boundaries stored below it (its
 * grids, which need not tile it, so gaps between them count as inside); else China's extent.
 * Routing by the point (to its grid) is not done here.
 */
export async function ensurePointInJurisdiction(deps: Deps, key: PartnerKey, point: Point): Promise<void> {
  const { own, below } = await deps.db.tx(systemScope, (trx) => boundariesUnder(trx, key.regionPath));
  const box = boxOf(below);
  const inside = own ? inGeometry(point, own) : inBox(point, box ?? CHINA_EXTENT);
  if (!inside)
    throw new DomainError('ValidationFailed', "lat and long lie outside this key's jurisdiction", {
      field: 'lat',
      judgedBy: own ? 'boundary' : box ? 'grid boundaries' : 'national extent',
    });
}
