import type { Ctx } from '../context.js';
import { readAs, writeAs } from '../context.js';
import type { CreateRegionInput, Region, UpdateRegionInput } from '../../contract/regions.js';
import { covers } from '../../core/auth/actor.js';
import { DomainError, notFound } from '../../core/errors.js';
import {
  childrenOf,
  deleteRegionNode,
  findRegion,
  insertRegionNode,
  lastChildCode,
  regionDependents,
  searchUnder,
  updateRegionNode,
} from '../../storage/region-tree.repo.js';
import type { Tx } from '../../storage/db.js';
import { childCode, nextChildNumber } from '../../core/region/codes.js';

type Paging = { page: number; pageSize: number };

/** A region of the caller's jurisdiction, found by code; NotFound for anything outside it. */
async function regionInScope(ctx: Ctx, trx: Tx, code: string): Promise<Region> {
  const r = await findRegion(trx, code);
  if (!r || !covers(ctx.actor, r.path)) throw notFound('region', code);
  return r;
}

export async function getRegion(ctx: Ctx, code: string): Promise<Region> {
  return readAs(ctx, 'region.read', `region:${code}`, (trx) => regionInScope(ctx, trx, code));
}

/** Children of a region, for the lazily loaded tree (a province has 570 k nodes). */
export async function listRegionChildren(ctx: Ctx, code: string, p: Paging) {
  return readAs(ctx, 'region.read', `region:${code}`, async (trx) => {
    await regionInScope(ctx, trx, code);
    return { ...(await childrenOf(trx, code, p.page, p.pageSize)), ...p };
  });
}

/** Search by name or code prefix inside the caller's jurisdiction. */
export async function searchRegions(ctx: Ctx, q: Paging & { q?: string; level?: number }) {
  return readAs(ctx, 'region.read', 'regions', async (trx) => ({
    ...(await searchUnder(trx, ctx.actor.scopePath, q.q, q.level, q.page, q.pageSize)),
    page: q.page,
    pageSize: q.pageSize,
  }));
}

/**
 * Adds a grid under a village or a micro-grid under a grid (the administrative levels above
 * come from the national division codes and are imported, not typed in).
 */
export async function createRegion(ctx: Ctx, input: CreateRegionInput): Promise<Region> {
  return writeAs(ctx, 'region.write', 'region.create', `region:${input.parentCode}`, async (trx) => {
    const parent = await regionInScope(ctx, trx, input.parentCode);
    if (parent.level !== 5 && parent.level !== 6) {
      throw new DomainError('ValidationFailed', 'grids are added under a village, micro-grids under a grid', {
        field: 'parentCode',
      });
    }
    const last = await lastChildCode(trx, parent.code);
    const code = input.code ?? childCode(parent.code, nextChildNumber(parent.code, last ? [last] : []));
    if (!code.startsWith(parent.code) || code.length !== parent.code.length + 3) {
      throw new DomainError('ValidationFailed', `a child code is the parent's code and three more digits`, {
        field: 'code',
      });
    }
    if (await findRegion(trx, code)) throw new DomainError('AlreadyExists', `region ${code} exists`, { field: 'code' });
    await insertRegionNode(trx, {
      code,
      parentCode: parent.code,
      level: parent.level + 1,
      name: input.name,
      path: `${parent.path}${code}/`,
      geometry: input.geometry ?? null,
    });
    return {
      value: (await findRegion(trx, code))!,
      target: `region:${code}`,
      details: { name: input.name },
      regionPath: `${parent.path}${code}/`,
    };
  });
}

/** Renames a region or redraws a grid's boundary. */
export async function updateRegion(ctx: Ctx, code: string, input: UpdateRegionInput): Promise<Region> {
  return writeAs(ctx, 'region.write', 'region.update', `region:${code}`, async (trx) => {
    const r = await regionInScope(ctx, trx, code);
    if (input.geometry !== undefined && r.level < 6)
      throw new DomainError('ValidationFailed', 'only grids and micro-grids carry a boundary', { field: 'geometry' });
    await updateRegionNode(trx, code, input);
    return { value: (await findRegion(trx, code))!, details: { changed: Object.keys(input) }, regionPath: r.path };
  });
}

/** Removes a grid or micro-grid that nothing depends on. */
export async function deleteRegion(ctx: Ctx, code: string): Promise<void> {
  return writeAs(ctx, 'region.write', 'region.delete', `region:${code}`, async (trx) => {
    const r = await regionInScope(ctx, trx, code);
    if (r.level < 6) throw new DomainError('Conflict', 'administrative regions are kept; only grids can be removed');
    const deps = await regionDependents(trx, code);
    if (deps.children + deps.units + deps.users > 0)
      throw new DomainError('Conflict', 'the region still has children, units or grid workers', deps);
    await deleteRegionNode(trx, code);
    return { value: undefined, details: { name: r.name }, regionPath: r.path };
  });
}
