import { childCode, nextChildNumber } from './codes.js';
import type { FeatureError, GridFeature } from './grid-features.js';
import { regionNode, type RegionNode } from './region-node.js';

/** A grid that already exists below one of the villages of an import. */
export type ExistingGrid = { code: string; parentCode: string; name: string };

/**
 * Gives each imported grid its code, so that importing the same file twice touches the same rows:
 * an explicit `gridCode` wins; otherwise a grid of the same village with the same name keeps its
 * code (a generated 第1网格 receives its boundary); otherwise the grid gets the number after the
 * highest one in use in its village, counting codes that the file itself claims.
 */
export function resolveGridCodes(
  features: readonly GridFeature[],
  existing: readonly ExistingGrid[],
): { nodes: RegionNode[]; errors: FeatureError[] } {
  const byVillage = new Map<string, ExistingGrid[]>();
  for (const g of [...existing].sort((a, b) => a.code.localeCompare(b.code))) {
    byVillage.set(g.parentCode, [...(byVillage.get(g.parentCode) ?? []), g]);
  }
  const taken = new Map<string, string[]>(); // village → codes in use or claimed, for numbering
  const take = (village: string, code: string) =>
    taken.set(village, [...(taken.get(village) ?? byVillage.get(village)?.map((g) => g.code) ?? []), code]);
  for (const f of features) if (f.gridCode) take(f.villageCode, f.gridCode);

  const nodes: RegionNode[] = [];
  const errors: FeatureError[] = [];
  const claimedBy = new Map<string, number>();
  for (const f of features) {
    let code = f.gridCode ?? byVillage.get(f.villageCode)?.find((g) => g.name === f.gridName)?.code;
    if (!code) {
      const used = taken.get(f.villageCode) ?? byVillage.get(f.villageCode)?.map((g) => g.code) ?? [];
      code = childCode(f.villageCode, nextChildNumber(f.villageCode, used));
      take(f.villageCode, code);
    }
    const first = claimedBy.get(code);
    if (first !== undefined) {
      errors.push({
        index: f.index,
        message: `feature ${f.index} ("${f.gridName}"): would be grid ${code}, which feature ${first} already is`,
      });
      continue;
    }
    claimedBy.set(code, f.index);
    nodes.push(regionNode(code, f.gridName, f.geometry));
  }
  return { nodes, errors };
}
