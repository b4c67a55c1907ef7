import { describe, expect, it } from 'vitest';
import { resolveGridCodes } from './grid-codes.js';
import type { GridFeature } from './grid-features.js';
import type { GridGeometry } from '../../contract/regions.js';

const geometry: GridGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [118.7, 31.9],
      [118.71, 31.9],
      [118.71, 31.91],
      [118.7, 31.9],
    ],
  ],
};
const v = '320114001001';
const f = (index: number, gridName: string, gridCode?: string, villageCode = v): GridFeature => ({
  index,
  villageCode,
  gridName,
  geometry,
  ...(gridCode ? { gridCode } : {}),
});

describe('codes for imported grids', () => {
  it('keep the code of a same-named grid, honour explicit codes, and number new grids after the highest', () => {
    const existing = [
      { code: `${v}001`, parentCode: v, name: '第1网格' },
      { code: `${v}002`, parentCode: v, name: '第2网格' },
    ];
    const { nodes, errors } = resolveGridCodes(
      [f(0, '第2网格'), f(1, '东片'), f(2, '西片', `${v}007`), f(3, '北片'), f(4, '南片', undefined, '320114001002')],
      existing,
    );
    expect(errors).toEqual([]);
    expect(nodes.map((n) => [n.code, n.name, n.level, n.parentCode])).toEqual([
      [`${v}002`, '第2网格', 6, v],
      [`${v}008`, '东片', 6, v],
      [`${v}007`, '西片', 6, v],
      [`${v}009`, '北片', 6, v],
      ['320114001002001', '南片', 6, '320114001002'],
    ]);
    expect(nodes[0]!.geometry).toEqual(geometry);
  });

  it('give the same codes when the same file comes again', () => {
    const first = resolveGridCodes([f(0, '东片'), f(1, '西片')], []).nodes;
    const again = resolveGridCodes(
      [f(0, '东片'), f(1, '西片')],
      first.map((n) => ({ code: n.code, parentCode: n.parentCode!, name: n.name })),
    ).nodes;
    expect(again.map((n) => n.code)).toEqual(first.map((n) => n.code));
  });

  it('refuse two features that would be the same grid', () => {
    const existing = [{ code: `${v}001`, parentCode: v, name: '第1网格' }];
    const { errors } = resolveGridCodes([f(0, '第1网格'), f(1, '别名', `${v}001`)], existing);
    expect(errors.map((e) => e.message)).toEqual([
      `feature 1 ("别名"): would be grid ${v}001, which feature 0 already is`,
    ]);
  });
});
