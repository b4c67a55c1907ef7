import type { Deps } from '../../deps.js';
import { DomainError } from '../../../core/errors.js';
import { systemScope } from '../../../storage/db.js';
import { regionByCode, regionsUnder } from '../../../storage/region-tree.repo.js';
import { enabledUnitsUnder } from '../../../storage/units.repo.js';

/** A place a case can be located: a village (community) or one of its grids, with the names texts use. */
export type Place = {
  code: string;
  path: string;
  level: number;
  village: string;
  villageName: string;
  town: string;
  townName: string;
};

/** The part of the region tree the simulation works in, and the units there by region and type. */
export type SimWorld = {
  countyCode: string;
  places: Place[];
  /** Unit id by `${regionCode}:${typeCode}`. */
  units: Map<string, number>;
  unitAt(regionCode: string, typeCode: string): number | undefined;
};

/**
 * Loads the villages and grids under the region (a county or anything below it) and the units of its
 * county. Refuses a region above county level or one whose county has no service centre.
 */
export async function loadWorld(deps: Deps, regionCode: string): Promise<SimWorld> {
  return deps.db.tx(systemScope, async (trx) => {
    const root = await regionByCode(trx, regionCode);
    if (!root) throw new DomainError('NotFound', `region ${regionCode} does not exist; import it first`);
    if (root.level < 3)
      throw new DomainError('ValidationFailed', 'generate cases for a county or a region below it', {
        field: 'region',
      });
    const countyCode = root.path.split('/')[2]!;
    const countyPath = `${root.path.split('/').slice(0, 3).join('/')}/`;
    const rows = await regionsUnder(trx, countyPath, [4, 5, 6]);
    // Texts say 定坊社区, not 定坊社区居委会: the committee's suffix is dropped from place names.
    const names = new Map(rows.map((r) => [r.code, r.name.replace(/(居民委员会|村民委员会|居委会|村委会)$/, '')]));
    const places = rows
      .filter((r) => (r.level === 5 || r.level === 6) && r.path.startsWith(root.path))
      .map((r) => {
        const [, , , town, village] = r.path.split('/') as string[];
        return {
          code: r.code,
          path: r.path,
          level: r.level,
          village: village!,
          villageName: names.get(village!) ?? '',
          town: town!,
          townName: names.get(town!) ?? '',
        };
      })
      .sort((a, b) => a.code.localeCompare(b.code));
    if (places.length === 0)
      throw new DomainError('Unprocessable', `region ${regionCode} has no villages or grids to place cases in`);
    const units = new Map<string, number>();
    for (const u of await enabledUnitsUnder(trx, countyPath))
      if (!units.has(`${u.regionCode}:${u.typeCode}`)) units.set(`${u.regionCode}:${u.typeCode}`, u.id);
    if (!units.has(`${countyCode}:service_centre`))
      throw new DomainError(
        'Unprocessable',
        `county ${countyCode} has no service centre; seed or create its units first`,
      );
    return { countyCode, places, units, unitAt: (code, type) => units.get(`${code}:${type}`) };
  });
}
