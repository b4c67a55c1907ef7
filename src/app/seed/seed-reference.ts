import { systemScope, type Db, type Tx } from '../../storage/db.js';
import { upsertUnitTypes } from '../../storage/units.repo.js';
import { upsertCategory } from '../../storage/categories.repo.js';
import { unitTypes } from '../../storage/seed/unit-types.js';
import { categoryRows } from '../../storage/seed/categories.js';
import { seedDefaultDispatchRules } from '../../storage/seed/dispatch-rules.js';
import { seedDeadlineReference } from '../deadlines/seed-deadline-reference.js';

/** Reference data every installation needs: unit types, the category tree, the default dispatch rules. Safe to run again. */
export async function seedReference(trx: Tx): Promise<void> {
  await upsertUnitTypes(
    trx,
    unitTypes.map((t) => ({ ...t })),
  );
  for (const c of categoryRows()) await upsertCategory(trx, c);
  await seedDefaultDispatchRules(trx);
  await seedDeadlineReference(trx);
}

/** Loads or refreshes the reference data in a transaction of its own (`civicgrid seed`, a first start). */
export async function refreshReference(deps: { db: Db }): Promise<void> {
  await deps.db.tx(systemScope, (trx) => seedReference(trx));
}
