import type { Db } from '../../storage/db.js';
import { systemScope } from '../../storage/db.js';
import { serviceCentresAt, unitRefs, type UnitInfo } from '../../storage/unit-refs.repo.js';

/**
 * The service centres along a case's region path, by level. Routing is the system's work: a grid
 * worker's report still goes to the county centre, which lies outside the worker's own jurisdiction,
 * so the organisation chart is read with the system's scope (unit names are not personal data).
 */
export async function centresAlong(db: Db, regionPath: string): Promise<Map<number, UnitInfo>> {
  const codes = regionPath.split('/').filter(Boolean);
  const centres = await db.tx(systemScope, (trx) => serviceCentresAt(trx, codes));
  const byLevel = new Map<number, UnitInfo>();
  for (const u of centres) if (!byLevel.has(u.unitLevel)) byLevel.set(u.unitLevel, u);
  return byLevel;
}

/** Units by id, read with the system's scope (see centresAlong for why). */
export function unitsById(db: Db, ids: number[]): Promise<Map<number, UnitInfo>> {
  return db.tx(systemScope, (trx) => unitRefs(trx, ids));
}
