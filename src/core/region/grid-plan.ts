import { DomainError } from '../errors.js';
import { childCode } from './codes.js';
import { regionNode, type RegionNode } from './region-node.js';

/** How many grids each village gets and how many micro-grids each grid gets. */
export type GridPlan = { gridsPerVillage: number; microGridsPerGrid: number };

/** The plan, or a ValidationFailed: 1..999 grids (three code digits) and 0..999 micro-grids. */
export function checkGridPlan(plan: GridPlan): GridPlan {
  const { gridsPerVillage: n, microGridsPerGrid: m } = plan;
  if (!Number.isInteger(n) || n < 1 || n > 999)
    throw new DomainError('ValidationFailed', `grids per village must be 1..999, not ${n}`);
  if (!Number.isInteger(m) || m < 0 || m > 999)
    throw new DomainError('ValidationFailed', `micro-grids per grid must be 0..999, not ${m}`);
  return plan;
}

/** 第1网格 … : grid names are numbered within their village. */
export const gridName = (n: number) => `第${n}网格`;

/** 第1微网格 … : micro-grid names are numbered within their grid. */
export const microGridName = (n: number) => `第${n}微网格`;

/**
 * The grids and micro-grids of one village, parents before children (so a batch that ends
 * anywhere never holds a child whose parent is still to come). Codes and names depend only on
 * the village code and the numbers, so generating twice gives the same nodes.
 */
export function* gridsOfVillage(villageCode: string, plan: GridPlan): Generator<RegionNode> {
  for (let g = 1; g <= plan.gridsPerVillage; g++) {
    const grid = childCode(villageCode, g);
    yield regionNode(grid, gridName(g));
    for (let m = 1; m <= plan.microGridsPerGrid; m++) yield regionNode(childCode(grid, m), microGridName(m));
  }
}

/** How many nodes a plan adds below the given number of villages, per level. */
export function gridPlanTotals(villages: number, plan: GridPlan): { grids: number; microGrids: number } {
  const grids = villages * plan.gridsPerVillage;
  return { grids, microGrids: grids * plan.microGridsPerGrid };
}
