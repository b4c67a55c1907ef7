import type { Ctx } from '../context.js';
import { readAs, writeAs } from '../context.js';
import type { CreateUnitInput, Unit, UnitType, UpdateUnitInput } from '../../contract/units.js';
import { DomainError, notFound } from '../../core/errors.js';
import {
  getUnit,
  insertUnit,
  listUnitTypes,
  listUnits as listUnitRows,
  unitNamed,
  updateUnit as updateUnitRow,
  type UnitWithPath,
} from '../../storage/units.repo.js';
import { covers } from '../../core/auth/actor.js';
import { regionPathOf } from '../regions/region-path-of.js';

const shown = ({ regionPath: _, ...u }: UnitWithPath): Unit => u;

type Query = { page: number; pageSize: number; region?: string; type?: string; q?: string };

/** Units in the caller's jurisdiction (or under one region of it), filtered and paged. */
export async function listUnits(ctx: Ctx, query: Query) {
  return readAs(ctx, 'unit.read', 'units', async (trx) => {
    // Filter by jurisdiction here; row-level security repeats the same rule underneath.
    const regionPath = query.region ? await regionPathOf(trx, query.region) : ctx.actor.scopePath;
    if (!covers(ctx.actor, regionPath)) throw notFound('region', query.region ?? '');
    const r = await listUnitRows(trx, { regionPath, type: query.type, q: query.q }, query.page, query.pageSize);
    return { items: r.items.map(shown), total: r.total, page: query.page, pageSize: query.pageSize };
  });
}

/** One unit of the caller's jurisdiction; NotFound for any other. */
export async function getUnitById(ctx: Ctx, id: number): Promise<Unit> {
  return readAs(ctx, 'unit.read', `unit:${id}`, async (trx) => {
    const u = await getUnit(trx, id);
    if (!u || !covers(ctx.actor, u.regionPath)) throw notFound('unit', id);
    return shown(u);
  });
}

/** The kinds of unit (service centres, mediation committees, 司法所 …). */
export async function getUnitTypes(ctx: Ctx): Promise<UnitType[]> {
  return readAs(ctx, 'unit.read', 'unit-types', (trx) => listUnitTypes(trx));
}

/** Creates a unit at a region of the caller's jurisdiction. */
export async function createUnit(ctx: Ctx, input: CreateUnitInput): Promise<Unit> {
  return writeAs(ctx, 'unit.write', 'unit.create', `region:${input.regionCode}`, async (trx) => {
    const regionPath = await regionPathOf(trx, input.regionCode);
    if (!covers(ctx.actor, regionPath)) throw notFound('region', input.regionCode);
    const types = await listUnitTypes(trx);
    if (!types.some((t) => t.code === input.typeCode)) {
      throw new DomainError('ValidationFailed', `unknown unit type ${input.typeCode}`, { field: 'typeCode' });
    }
    const clash = await unitNamed(trx, input.regionCode, input.typeCode, input.name);
    if (clash !== undefined)
      throw new DomainError('AlreadyExists', 'a unit of this type and name exists at this region', { id: clash });
    const id = await insertUnit(trx, { ...input, phone: input.phone ?? null, regionPath, at: ctx.deps.clock.now() });
    const unit = await getUnit(trx, id);
    if (!unit) throw notFound('unit', id);
    return {
      value: shown(unit),
      target: `unit:${id}`,
      details: { name: input.name, typeCode: input.typeCode },
      regionPath,
    };
  });
}

/** Renames, re-phones or disables a unit of the caller's jurisdiction. */
export async function updateUnit(ctx: Ctx, id: number, input: UpdateUnitInput): Promise<Unit> {
  return writeAs(ctx, 'unit.write', 'unit.update', `unit:${id}`, async (trx) => {
    const before = await getUnit(trx, id);
    if (!before || !covers(ctx.actor, before.regionPath)) throw notFound('unit', id);
    await updateUnitRow(trx, id, input);
    const unit = await getUnit(trx, id);
    if (!unit) throw notFound('unit', id);
    return { value: shown(unit), details: { changed: Object.keys(input) }, regionPath: before.regionPath };
  });
}
