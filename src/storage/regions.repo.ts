import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db, Tx } from './db.js';
import type { Schema } from './schema.js';
import { isRegionLevel, levels, type RegionLevel } from '../core/region/levels.js';
import { subtreeRange } from '../core/region/codes.js';
import type { RegionNode } from '../core/region/region-node.js';

/**
 * The region tree's bulk imports (province, grid plans, GeoJSON) and the reads they need; the API's
 * reads and single-node edits live in region-tree.repo.ts.
 */

/** Rows written per level by one upsert: new rows and rows whose name, boundary or place changed. */
export type LevelCounts = Record<RegionLevel, { inserted: number; updated: number }>;

/** A zero count for every level. */
export const emptyLevelCounts = (): LevelCounts =>
  Object.fromEntries(levels.map((l) => [l.level, { inserted: 0, updated: 0 }])) as LevelCounts;

/**
 * Inserts new nodes and updates changed ones in one statement, returning what changed per level.
 *
 * Idempotency: ON CONFLICT updates a row only when a column actually differs (IS DISTINCT FROM),
 * and only updated or inserted rows come back from RETURNING, so a re-import reports 0 and leaves
 * the rows (and their MVCC versions) untouched. A node without geometry keeps the boundary it has,
 * so re-importing the division does not erase polygons imported from GeoJSON.
 *
 * Batching: the rows travel as six arrays through unnest(), so a batch of thousands of rows is one
 * short statement with six parameters on both engines (no 65,535-parameter ceiling, no giant SQL
 * text to parse). Parents must come before or with their children (the parent_code FK).
 */
export async function upsertRegions(trx: Tx, nodes: readonly RegionNode[]): Promise<LevelCounts> {
  const counts = emptyLevelCounts();
  if (nodes.length === 0) return counts;
  const col = <T>(f: (n: RegionNode) => T) => nodes.map(f);
  const r = await sql<{ level: number; inserted: number; updated: number }>`
    WITH up AS (
      INSERT INTO regions (code, parent_code, level, name, path, geometry)
      SELECT t.code, t.parent_code, t.level, t.name, t.path, t.geometry::jsonb
      FROM unnest(${col((n) => n.code)}::text[], ${col((n) => n.parentCode)}::text[], ${col((n) => n.level)}::int2[],
                  ${col((n) => n.name)}::text[], ${col((n) => n.path)}::text[],
                  ${col((n) => (n.geometry === undefined ? null : JSON.stringify(n.geometry)))}::text[])
        AS t(code, parent_code, level, name, path, geometry)
      ON CONFLICT (code) DO UPDATE SET
        parent_code = EXCLUDED.parent_code, level = EXCLUDED.level, name = EXCLUDED.name, path = EXCLUDED.path,
        geometry = coalesce(EXCLUDED.geometry, regions.geometry)
      WHERE (regions.parent_code, regions.level, regions.name, regions.path)
              IS DISTINCT FROM (EXCLUDED.parent_code, EXCLUDED.level, EXCLUDED.name, EXCLUDED.path)
         OR (EXCLUDED.geometry IS NOT NULL AND regions.geometry IS DISTINCT FROM EXCLUDED.geometry)
      RETURNING level, (xmax = 0) AS inserted
    )
    SELECT level, count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
    FROM up GROUP BY level`.execute(trx);
  for (const row of r.rows) {
    const level = Number(row.level);
    if (isRegionLevel(level)) counts[level] = { inserted: Number(row.inserted), updated: Number(row.updated) };
  }
  return counts;
}

/** Rows of the subtree at a path: an index range on path that works under RLS (see subtreeRange). */
const inSubtree = (path: string) => (eb: ExpressionBuilder<Schema, 'regions'>) => {
  const { from, to } = subtreeRange(path);
  return eb.and([eb('path', '>=', from), eb('path', '<', to)]);
};

/** Every village code under a path, in code order (a province has ~22 k; the whole country 620 k). */
export async function villageCodesUnder(trx: Tx, path: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('regions')
    .select('code')
    .where(inSubtree(path))
    .where('level', '=', 5)
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

/** The children (code and name) of the given parents, for matching imported grids to existing ones. */
export async function childrenOfMany(
  trx: Tx,
  parentCodes: readonly string[],
): Promise<{ code: string; parentCode: string; name: string }[]> {
  if (parentCodes.length === 0) return [];
  const rows = await trx
    .selectFrom('regions')
    .select(['code', 'parent_code', 'name'])
    .where(sql<SqlBool>`parent_code = ANY(${[...parentCodes]}::text[])`)
    .execute();
  return rows.map((r) => ({ code: r.code, parentCode: r.parent_code!, name: r.name }));
}

/** Which of the given codes exist (and are visible in the transaction's scope). */
export async function existingCodes(trx: Tx, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await trx
    .selectFrom('regions')
    .select('code')
    .where(sql<SqlBool>`code = ANY(${[...codes]}::text[])`)
    .execute();
  return new Set(rows.map((r) => r.code));
}

/** Refreshes the planner's statistics of the region tree; ANALYZE needs the table's owner. */
export async function analyzeRegions(db: Db): Promise<void> {
  await db.asOwner('ANALYZE regions');
}
