import type { Tx } from './db.js';
import type { UnitRef } from '../core/case/index.js';

/** A unit as the case machine knows it (level = the level of the unit's region), with its name and type. */
export type UnitInfo = UnitRef & { name: string; typeCode: string; regionCode: string };

const enabledUnits = (trx: Tx) =>
  trx
    .selectFrom('units as u')
    .innerJoin('regions as r', 'r.code', 'u.region_code')
    .select(['u.id', 'u.name', 'u.type_code', 'u.region_code', 'u.region_path', 'r.level'])
    .where('u.disabled', '=', false);

type Row = Awaited<ReturnType<ReturnType<typeof enabledUnits>['executeTakeFirstOrThrow']>>;

const toInfo = (r: Row): UnitInfo => ({
  unitId: Number(r.id),
  unitLevel: Number(r.level),
  regionPath: r.region_path,
  name: r.name,
  typeCode: r.type_code,
  regionCode: r.region_code,
});

/** Enabled units by id; a disabled or invisible one is simply absent. */
export async function unitRefs(trx: Tx, ids: readonly number[]): Promise<Map<number, UnitInfo>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await enabledUnits(trx).where('u.id', 'in', unique).execute();
  return new Map(rows.map((r) => [Number(r.id), toInfo(r)]));
}

/** The enabled service centres at the given regions, oldest first. */
export async function serviceCentresAt(trx: Tx, regionCodes: readonly string[]): Promise<UnitInfo[]> {
  if (regionCodes.length === 0) return [];
  const rows = await enabledUnits(trx)
    .where('u.type_code', '=', 'service_centre')
    .where('u.region_code', 'in', [...regionCodes])
    .orderBy('u.id')
    .execute();
  return rows.map(toInfo);
}
