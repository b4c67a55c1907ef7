import { sql } from 'kysely';
import type { Tx } from './db.js';
import { inSubtree, likeEscape } from './like.js';
import { subtreeRange } from '../core/region/codes.js';
import type { Region } from '../contract/regions.js';

/** Reads and single-node edits of the region tree for the API; bulk imports live in regions.repo.ts. */

type Row = {
  code: string;
  parent_code: string | null;
  level: number;
  name: string;
  path: string;
  has_children?: boolean;
  geometry?: unknown;
};

const toRegion = (r: Row): Region => ({
  code: r.code,
  parentCode: r.parent_code,
  level: Number(r.level),
  name: r.name,
  path: r.path,
  ...(r.has_children !== undefined ? { hasChildren: r.has_children } : {}),
  ...(r.geometry ? { geometry: r.geometry } : {}),
});

const hasChildren = sql<boolean>`EXISTS (SELECT 1 FROM regions c WHERE c.parent_code = r.code)`.as('has_children');

export async function findRegion(trx: Tx, code: string): Promise<Region | undefined> {
  const r = await trx
    .selectFrom('regions as r')
    .select(['r.code', 'r.parent_code', 'r.level', 'r.name', 'r.path', 'r.geometry', hasChildren])
    .where('r.code', '=', code)
    .executeTakeFirst();
  return r && toRegion(r);
}

/** Direct children, by code, paged: a county's townships, a village's grids. */
export async function childrenOf(trx: Tx, code: string, page: number, pageSize: number) {
  const base = trx.selectFrom('regions as r').where('r.parent_code', '=', code);
  const [rows, count] = await Promise.all([
    base
      .select(['r.code', 'r.parent_code', 'r.level', 'r.name', 'r.path', hasChildren])
      .orderBy('r.code')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toRegion), total: Number(count.n) };
}

/**
 * Regions under a path whose name contains the text or whose code starts with it. Names are
 * matched on levels up to the village unless a level is asked for: grid names repeat in every village.
 */
export async function searchUnder(
  trx: Tx,
  scopePath: string,
  text: string | undefined,
  level: number | undefined,
  page: number,
  pageSize: number,
) {
  let q = trx.selectFrom('regions as r');
  if (scopePath) {
    // A range, not LIKE: under row-level security only leakproof operators can drive the index.
    const { from, to } = subtreeRange(scopePath);
    q = q.where('r.path', '>=', from).where('r.path', '<', to);
  }
  if (level) q = q.where('r.level', '=', level);
  else if (text && !/^\d+$/.test(text)) q = q.where('r.level', '<=', 5);
  if (text) {
    q = /^\d+$/.test(text) ? q.where('r.code', 'like', `${text}%`) : q.where('r.name', 'like', `%${likeEscape(text)}%`);
  }
  const [rows, count] = await Promise.all([
    q
      .select(['r.code', 'r.parent_code', 'r.level', 'r.name', 'r.path', hasChildren])
      .orderBy('r.level')
      .orderBy('r.code')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toRegion), total: Number(count.n) };
}

export async function insertRegionNode(
  trx: Tx,
  r: { code: string; parentCode: string; level: number; name: string; path: string; geometry: unknown | null },
): Promise<void> {
  await trx
    .insertInto('regions')
    .values({
      code: r.code,
      parent_code: r.parentCode,
      level: r.level,
      name: r.name,
      path: r.path,
      geometry: r.geometry === null ? null : JSON.stringify(r.geometry),
    })
    .execute();
}

export async function updateRegionNode(
  trx: Tx,
  code: string,
  patch: { name?: string; geometry?: unknown | null },
): Promise<void> {
  const set: { name?: string; geometry?: string | null } = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.geometry !== undefined) set.geometry = patch.geometry === null ? null : JSON.stringify(patch.geometry);
  if (Object.keys(set).length) await trx.updateTable('regions').set(set).where('code', '=', code).execute();
}

/** What still points at a region; a region with dependents cannot be deleted. */
export async function regionDependents(
  trx: Tx,
  code: string,
): Promise<{ children: number; units: number; users: number }> {
  const r = await sql<{ children: number; units: number; users: number }>`
    SELECT (SELECT count(*) FROM regions WHERE parent_code = ${code})::int AS children,
           (SELECT count(*) FROM units WHERE region_code = ${code})::int AS units,
           (SELECT count(*) FROM users WHERE grid_code = ${code})::int AS users`.execute(trx);
  return r.rows[0]!;
}

export async function deleteRegionNode(trx: Tx, code: string): Promise<void> {
  await trx.deleteFrom('regions').where('code', '=', code).execute();
}

/** The highest child code in use under a parent, for the next stable code. */
export async function lastChildCode(trx: Tx, parentCode: string): Promise<string | undefined> {
  const r = await trx
    .selectFrom('regions')
    .select('code')
    .where('parent_code', '=', parentCode)
    .orderBy('code', 'desc')
    .executeTakeFirst();
  return r?.code;
}

/** A region without its boundary: what use cases need to place a case, a unit, a key or a grid worker. */
export type RegionRef = { code: string; parentCode: string | null; level: number; name: string; path: string };

const refColumns = ['code', 'parent_code', 'level', 'name', 'path'] as const;
const toRef = (r: {
  code: string;
  parent_code: string | null;
  level: number;
  name: string;
  path: string;
}): RegionRef => ({
  code: r.code,
  parentCode: r.parent_code,
  level: Number(r.level),
  name: r.name,
  path: r.path,
});

/** One region by code; undefined when absent or outside the transaction's scope. */
export async function regionByCode(trx: Tx, code: string): Promise<RegionRef | undefined> {
  const r = await trx.selectFrom('regions').select(refColumns).where('code', '=', code).executeTakeFirst();
  return r && toRef(r);
}

/** The regions with the given codes, province first (a path's nodes, a breadcrumb). */
export async function regionsByCodes(trx: Tx, codes: readonly string[]): Promise<RegionRef[]> {
  if (codes.length === 0) return [];
  const rows = await trx
    .selectFrom('regions')
    .select(refColumns)
    .where('code', 'in', [...codes])
    .orderBy('level')
    .execute();
  return rows.map(toRef);
}

/** The regions of some levels in the subtree at a path, in tree order. */
export async function regionsUnder(trx: Tx, path: string, levels: readonly number[]): Promise<RegionRef[]> {
  if (levels.length === 0) return [];
  const rows = await trx
    .selectFrom('regions')
    .select(refColumns)
    .where(inSubtree('path', path))
    .where('level', 'in', [...levels])
    .orderBy('path')
    .execute();
  return rows.map(toRef);
}

/**
 * The names of some regions by code, whatever the transaction's scope (civicgrid_region_name, migration
 * 0006): a configuration row inherited from above names the region that set it. Names only.
 */
export async function regionNames(trx: Tx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const r = await sql<{
    code: string;
    name: string | null;
  }>`SELECT c AS code, civicgrid_region_name(c) AS name FROM unnest(${[...new Set(codes)]}::text[]) AS c`.execute(trx);
  return new Map(r.rows.filter((x) => x.name !== null).map((x) => [x.code, x.name!]));
}
