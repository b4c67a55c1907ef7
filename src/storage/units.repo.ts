import type { Tx } from './db.js';
import { inSubtree, likeEscape } from './like.js';
import type { Unit, UnitType } from '../contract/units.js';

function unitQuery(trx: Tx) {
  return trx
    .selectFrom('units as u')
    .innerJoin('regions as r', 'r.code', 'u.region_code')
    .select([
      'u.id',
      'u.type_code',
      'u.region_code',
      'u.region_path',
      'u.name',
      'u.phone',
      'u.disabled',
      'r.name as region_name',
      'r.level as region_level',
    ]);
}

type UnitRow = Awaited<ReturnType<ReturnType<typeof unitQuery>['executeTakeFirstOrThrow']>>;

export type UnitWithPath = Unit & { regionPath: string };

const toUnit = (r: UnitRow): UnitWithPath => ({
  id: Number(r.id),
  typeCode: r.type_code,
  regionCode: r.region_code,
  regionPath: r.region_path,
  name: r.name,
  phone: r.phone,
  disabled: r.disabled,
  regionName: r.region_name,
  regionLevel: Number(r.region_level),
});

export async function getUnit(trx: Tx, id: number): Promise<UnitWithPath | undefined> {
  const r = await unitQuery(trx).where('u.id', '=', id).executeTakeFirst();
  return r && toUnit(r);
}

export type UnitFilter = { regionPath?: string; type?: string; q?: string };

/** Units under a region path (or everywhere the transaction's scope allows), paged. */
export async function listUnits(trx: Tx, f: UnitFilter, page: number, pageSize: number) {
  let q = unitQuery(trx);
  if (f.regionPath) q = q.where(inSubtree('u.region_path', f.regionPath));
  if (f.type) q = q.where('u.type_code', '=', f.type);
  if (f.q) q = q.where('u.name', 'like', `%${likeEscape(f.q)}%`);
  const [rows, count] = await Promise.all([
    q
      .orderBy('u.region_path')
      .orderBy('u.type_code')
      .orderBy('u.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toUnit), total: Number(count.n) };
}

export async function insertUnit(
  trx: Tx,
  u: { typeCode: string; regionCode: string; regionPath: string; name: string; phone: string | null; at: Date },
): Promise<number> {
  const r = await trx
    .insertInto('units')
    .values({
      type_code: u.typeCode,
      region_code: u.regionCode,
      region_path: u.regionPath,
      name: u.name,
      phone: u.phone,
      created_at: u.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateUnit(
  trx: Tx,
  id: number,
  patch: { name?: string; phone?: string | null; disabled?: boolean },
): Promise<boolean> {
  const r = await trx.updateTable('units').set(patch).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Finds a unit of a type at an exact region (e.g. the service centre of a township). */
export async function findUnitAt(trx: Tx, regionCode: string, typeCode: string): Promise<UnitWithPath | undefined> {
  const r = await unitQuery(trx)
    .where('u.region_code', '=', regionCode)
    .where('u.type_code', '=', typeCode)
    .where('u.disabled', '=', false)
    .orderBy('u.id')
    .executeTakeFirst();
  return r && toUnit(r);
}

export async function listUnitTypes(trx: Tx): Promise<UnitType[]> {
  const rows = await trx.selectFrom('unit_types').selectAll().orderBy('sort').orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    isServiceCentre: r.is_service_centre,
  }));
}

export async function upsertUnitTypes(trx: Tx, types: (UnitType & { sort: number })[]): Promise<void> {
  if (types.length === 0) return;
  await trx
    .insertInto('unit_types')
    .values(
      types.map((t) => ({
        code: t.code,
        name_zh: t.nameZh,
        name_en: t.nameEn,
        is_service_centre: t.isServiceCentre,
        sort: t.sort,
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name_zh: eb.ref('excluded.name_zh'),
        name_en: eb.ref('excluded.name_en'),
        sort: eb.ref('excluded.sort'),
      })),
    )
    .execute();
}

/** The id of a unit of a type with a name at an exact region, if one exists (names are unique there). */
export async function unitNamed(
  trx: Tx,
  regionCode: string,
  typeCode: string,
  name: string,
): Promise<number | undefined> {
  const r = await trx
    .selectFrom('units')
    .select('id')
    .where('region_code', '=', regionCode)
    .where('type_code', '=', typeCode)
    .where('name', '=', name)
    .executeTakeFirst();
  return r ? Number(r.id) : undefined;
}

/** The enabled units in the subtree at a region path, oldest first: where each sits and of what type. */
export async function enabledUnitsUnder(
  trx: Tx,
  path: string,
): Promise<{ id: number; regionCode: string; typeCode: string }[]> {
  const rows = await trx
    .selectFrom('units')
    .select(['id', 'region_code', 'type_code'])
    .where(inSubtree('region_path', path))
    .where('disabled', '=', false)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), regionCode: r.region_code, typeCode: r.type_code }));
}
