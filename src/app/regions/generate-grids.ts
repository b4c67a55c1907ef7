import type { Deps } from '../deps.js';
import { DomainError } from '../../core/errors.js';
import { pathOf } from '../../core/region/codes.js';
import { levelOfCode } from '../../core/region/levels.js';
import { checkGridPlan, gridPlanTotals, gridsOfVillage, type GridPlan } from '../../core/region/grid-plan.js';
import type { RegionNode } from '../../core/region/region-node.js';
import { systemScope } from '../../storage/db.js';
import { villageCodesUnder } from '../../storage/regions.repo.js';
import { newTally, writeInBatches, type ImportTally, type OnProgress } from './write-batches.js';

/** Where to generate (every village below this region) and how many grids and micro-grids. */
export type GenerateGridsInput = { under: string } & GridPlan;

/**
 * Gives every village below a region N grids (第1网格…) and every grid M micro-grids (第1微网格…),
 * coded village + 3 digits and grid + 3 digits. Idempotent: the same plan twice changes nothing.
 * A smaller plan later does not remove grids: they may already carry units, workers and cases.
 */
export async function generateGrids(
  deps: Pick<Deps, 'db'>,
  input: GenerateGridsInput,
  onProgress?: OnProgress,
  tally: ImportTally = newTally(),
): Promise<ImportTally> {
  const plan = checkGridPlan({ gridsPerVillage: input.gridsPerVillage, microGridsPerGrid: input.microGridsPerGrid });
  const level = levelOfCode(input.under);
  if (!level || level > 5)
    throw new DomainError(
      'ValidationFailed',
      `grids are generated below a province, city, county, township or village, not '${input.under}'`,
    );
  const villages = await deps.db.tx(systemScope, (trx) => villageCodesUnder(trx, pathOf(input.under)));
  const totals = gridPlanTotals(villages.length, plan);
  tally[6].total += totals.grids;
  tally[7].total += totals.microGrids;
  await writeInBatches(deps.db, gridsOfVillages(villages, plan), tally, onProgress);
  return tally;
}

// A generator, so that a province's 550 k grid nodes never sit in memory at once: only a batch does.
function* gridsOfVillages(villages: string[], plan: GridPlan): Generator<RegionNode> {
  for (const v of villages) yield* gridsOfVillage(v, plan);
}
