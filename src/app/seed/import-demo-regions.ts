import type { Deps } from '../deps.js';
import { importProvince } from '../regions/import-province.js';

/** The demo county's branch of the division tree, with three grids per village and two micro-grids per grid. */
export async function importDemoRegions(deps: Pick<Deps, 'db' | 'log'>, countyCode: string): Promise<void> {
  await importProvince(deps, {
    province: countyCode.slice(0, 2),
    county: countyCode,
    grids: { gridsPerVillage: 3, microGridsPerGrid: 2 },
  });
}
