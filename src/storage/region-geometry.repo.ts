import type { Tx } from './db.js';
import { inSubtree } from './like.js';

/**
 * The boundaries stored in a region's subtree: its own (null when it has none) and those of the
 * regions below it (today grids and micro-grids carry them). Only the geometries are read.
 */
export async function boundariesUnder(trx: Tx, regionPath: string): Promise<{ own: unknown; below: unknown[] }> {
  const rows = await trx
    .selectFrom('regions')
    .select(['path', 'geometry'])
    .where(inSubtree('path', regionPath))
    .where('geometry', 'is not', null)
    .execute();
  return {
    own: rows.find((r) => r.path === regionPath)?.geometry ?? null,
    below: rows.filter((r) => r.path !== regionPath).map((r) => r.geometry),
  };
}
