import type { Tx } from '../src/storage/db.js';
import { searchUnder } from '../src/storage/region-tree.repo.js';
import { levels, type RegionLevel } from '../src/core/region/levels.js';

/**
 * Counts through the region search the API runs (GET /api/regions): its total is the number of
 * matching nodes under a path, so tests and benchmarks read the tree as the API does.
 */

/** Nodes in the subtree at a path, the node itself included (the whole tree for ''). */
export async function subtreeSize(trx: Tx, path: string): Promise<number> {
  return (await searchUnder(trx, path, undefined, undefined, 1, 1)).total;
}

/** Nodes per level in the subtree at a path (the whole tree for ''). */
export async function levelCounts(trx: Tx, path = ''): Promise<Record<RegionLevel, number>> {
  const out = {} as Record<RegionLevel, number>;
  for (const l of levels) out[l.level] = (await searchUnder(trx, path, undefined, l.level, 1, 1)).total;
  return out;
}
