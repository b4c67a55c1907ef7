import type { Deps } from '../deps.js';
import { DomainError, notFound } from '../../core/errors.js';
import { systemScope } from '../../storage/db.js';
import { regionByCode } from '../../storage/region-tree.repo.js';
import { centresAlong } from '../cases/centres.js';
import type { UnitInfo } from '../../storage/unit-refs.repo.js';

/**
 * The region a resident or partner named and the county centre that receives its cases (the
 * county is the final stop that dispatches; DESIGN.md). Regions above county level are refused:
 * a case must be placed precisely enough to be routed.
 */
export async function countyCentreFor(
  deps: Deps,
  regionCode: string,
): Promise<{ regionPath: string; centre: UnitInfo }> {
  const region = await deps.db.tx(systemScope, (trx) => regionByCode(trx, regionCode));
  if (!region) throw notFound('region', regionCode);
  if (region.level < 3)
    throw new DomainError('ValidationFailed', 'choose a county, township or village', { field: 'regionCode' });
  const centre = (await centresAlong(deps.db, region.path)).get(3);
  if (!centre) throw new DomainError('Unprocessable', 'no county service centre serves this region yet');
  return { regionPath: region.path, centre };
}
