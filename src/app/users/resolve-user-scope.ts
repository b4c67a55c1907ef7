import type { Tx } from '../../storage/db.js';
import type { Role } from '../../contract/common.js';
import type { UnitWithPath } from '../../storage/units.repo.js';
import { regionByCode } from '../../storage/region-tree.repo.js';
import { DomainError, notFound } from '../../core/errors.js';
// Levels 6 and 7 are grids and micro-grids (see DESIGN.md, Region).
const GRID_LEVEL = 6;

/**
 * A user's jurisdiction: their unit's region subtree, or for a grid worker the grid they
 * serve, which must lie under that unit's region.
 */
export async function resolveUserScope(
  trx: Tx,
  unit: UnitWithPath,
  roles: Role[],
  gridCode: string | null,
): Promise<string> {
  if (roles.includes('gridworker') && !gridCode) {
    throw new DomainError('ValidationFailed', 'a grid worker needs the grid they serve', { field: 'gridCode' });
  }
  if (!gridCode) return unit.regionPath;
  const grid = await regionByCode(trx, gridCode);
  if (!grid) throw notFound('region', gridCode);
  if (grid.level < GRID_LEVEL || !grid.path.startsWith(unit.regionPath)) {
    throw new DomainError('ValidationFailed', "the grid must be a grid or micro-grid under the unit's region", {
      field: 'gridCode',
    });
  }
  return grid.path;
}
