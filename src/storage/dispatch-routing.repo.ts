import type { Tx } from './db.js';
import { regionByCode, regionsByCodes } from './region-tree.repo.js';
import { codesOfPath } from '../core/region/codes.js';
import type { RegionLevel } from '../core/region/levels.js';
import type { Label, PathRegion, PathUnit } from '../core/dispatch/types.js';

/**
 * The regions from the province down to the given one, as the transaction's scope lets it see them.
 * Undefined when the region itself is not visible (or does not exist).
 */
export async function regionsOnPath(trx: Tx, regionCode: string): Promise<PathRegion[] | undefined> {
  const own = await regionByCode(trx, regionCode);
  if (!own) return undefined;
  const rows = await regionsByCodes(trx, codesOfPath(own.path));
  return rows.map((r) => ({ code: r.code, level: r.level as RegionLevel, name: r.name }));
}

/** The enabled units sitting at any of the given regions (the case's path), by id. */
export async function unitsAtRegions(trx: Tx, regionCodes: readonly string[]): Promise<PathUnit[]> {
  if (regionCodes.length === 0) return [];
  const rows = await trx
    .selectFrom('units as u')
    .innerJoin('regions as r', 'r.code', 'u.region_code')
    .select([
      'u.id',
      'u.type_code',
      'u.name',
      'u.region_code',
      'u.region_path',
      'r.name as region_name',
      'r.level as region_level',
    ])
    .where('u.region_code', 'in', [...regionCodes])
    .where('u.disabled', '=', false)
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    typeCode: r.type_code,
    name: r.name,
    regionCode: r.region_code,
    regionName: r.region_name,
    regionLevel: Number(r.region_level) as RegionLevel,
    regionPath: r.region_path,
  }));
}

/** Unit type names by code, for explanations. */
export async function unitTypeLabels(trx: Tx): Promise<Record<string, Label>> {
  const rows = await trx.selectFrom('unit_types').select(['code', 'name_zh', 'name_en']).execute();
  return Object.fromEntries(rows.map((r) => [r.code, { zh: r.name_zh, en: r.name_en }]));
}
