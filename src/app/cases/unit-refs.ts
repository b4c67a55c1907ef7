import type { Tx } from '../../storage/db.js';
import type { UnitRef } from '../../core/case/index.js';
import { DomainError } from '../../core/errors.js';

export type UnitInfo = UnitRef & { name: string; typeCode: string; regionCode: string };

/** Units by id as the case machine knows them (level = the level of the unit's region). */
export async function unitRefs(trx: Tx, ids: number[]): Promise<Map<number, UnitInfo>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await trx
    .selectFrom('units as u')
    .innerJoin('regions as r', 'r.code', 'u.region_code')
    .select(['u.id', 'u.name', 'u.type_code', 'u.region_code', 'u.region_path', 'r.level'])
    .where('u.id', 'in', unique)
    .where('u.disabled', '=', false)
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        unitId: Number(r.id),
        unitLevel: Number(r.level),
        regionPath: r.region_path,
        name: r.name,
        typeCode: r.type_code,
        regionCode: r.region_code,
      },
    ]),
  );
}

/** One unit, or a ValidationFailed naming the field that pointed at it. */
export async function unitRef(trx: Tx, id: number, field = 'unitId'): Promise<UnitInfo> {
  const u = (await unitRefs(trx, [id])).get(id);
  if (!u) throw new DomainError('ValidationFailed', `unit ${id} does not exist or is not visible to you`, { field });
  return u;
}

/**
 * The service centre nearest above a region path at or below a level: for the receiving centre
 * and for escalation (the parent level's centre). Walks up the path until one exists.
 */
export async function serviceCentreOnPath(
  trx: Tx,
  regionPath: string,
  atOrAboveLevel: number,
): Promise<UnitInfo | undefined> {
  const codes = regionPath.split('/').filter(Boolean).slice(0, Math.max(1, atOrAboveLevel));
  if (codes.length === 0) return undefined;
  const rows = await trx
    .selectFrom('units as u')
    .innerJoin('regions as r', 'r.code', 'u.region_code')
    .select(['u.id', 'u.name', 'u.type_code', 'u.region_code', 'u.region_path', 'r.level'])
    .where('u.type_code', '=', 'service_centre')
    .where('u.disabled', '=', false)
    .where('u.region_code', 'in', codes)
    .orderBy('r.level', 'desc')
    .orderBy('u.id')
    .limit(1)
    .execute();
  const r = rows[0];
  return (
    r && {
      unitId: Number(r.id),
      unitLevel: Number(r.level),
      regionPath: r.region_path,
      name: r.name,
      typeCode: r.type_code,
      regionCode: r.region_code,
    }
  );
}

/** Only what the case machine stores of a unit (names stay in the units table). */
export const toRef = (u: UnitRef): UnitRef => ({ unitId: u.unitId, unitLevel: u.unitLevel, regionPath: u.regionPath });
