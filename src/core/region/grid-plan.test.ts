import { describe, expect, it } from 'vitest';
import { checkGridPlan, gridPlanTotals, gridsOfVillage } from './grid-plan.js';

describe('grid generation', () => {
  const village = '320114001001';

  it('yields N grids and M micro-grids each, parents first, with stable codes and names', () => {
    const nodes = [...gridsOfVillage(village, { gridsPerVillage: 2, microGridsPerGrid: 2 })];
    expect(nodes.map((n) => [n.code, n.name, n.level])).toEqual([
      ['320114001001001', '第1网格', 6],
      ['320114001001001001', '第1微网格', 7],
      ['320114001001001002', '第2微网格', 7],
      ['320114001001002', '第2网格', 6],
      ['320114001001002001', '第1微网格', 7],
      ['320114001001002002', '第2微网格', 7],
    ]);
    expect(nodes[1]!.path).toBe('32/3201/320114/320114001/320114001001/320114001001001/320114001001001001/');
    expect([...gridsOfVillage(village, { gridsPerVillage: 2, microGridsPerGrid: 2 })]).toEqual(nodes);
  });

  it('counts what a plan adds', () => {
    expect(gridPlanTotals(21_958, { gridsPerVillage: 5, microGridsPerGrid: 4 })).toEqual({
      grids: 109_790,
      microGrids: 439_160,
    });
  });

  it('refuses plans that do not fit three code digits', () => {
    expect(() => checkGridPlan({ gridsPerVillage: 0, microGridsPerGrid: 0 })).toThrow(
      expect.objectContaining({ code: 'ValidationFailed', message: expect.stringMatching(/grids per village/) }),
    );
    expect(() => checkGridPlan({ gridsPerVillage: 5, microGridsPerGrid: 1000 })).toThrow(/micro-grids per grid/);
    expect(checkGridPlan({ gridsPerVillage: 5, microGridsPerGrid: 0 })).toEqual({
      gridsPerVillage: 5,
      microGridsPerGrid: 0,
    });
  });
});
