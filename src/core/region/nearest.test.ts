import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layersAt, nearestFirst } from './nearest.js';

const row = (regionPath: string, id: number) => ({ regionPath, id });

describe('the nearest jurisdiction first', () => {
  const rows = [row('', 1), row('32/', 2), row('32/3201/', 3), row('32/3202/', 4), row('', 5), row('32/3201/', 6)];

  it.each([
    ['a county of the first city', '32/3201/320114/', [3, 6, 2, 1, 5]],
    ['the other city', '32/3202/', [4, 2, 1, 5]],
    ['the top', '', [1, 5]],
    ['another province', '33/', [1, 5]],
  ])('orders the rows that apply in %s', (_, path, ids) => {
    expect(nearestFirst(rows, path).map((r) => r.id)).toEqual(ids);
  });

  it('groups them by jurisdiction', () => {
    expect(layersAt(rows, '32/3201/320114/').map((l) => l.map((r) => r.id))).toEqual([[3, 6], [2], [1, 5]]);
  });

  it('only ever takes rows on the path, each nearer one before every farther one', () => {
    const seg = fc.constantFrom('32/', '3201/', '3202/', '320114/');
    const path = fc.array(seg, { maxLength: 3 }).map((s) => s.join(''));
    fc.assert(
      fc.property(fc.array(path, { maxLength: 12 }), path, (paths, at) => {
        const got = nearestFirst(
          paths.map((p, i) => row(p, i)),
          at,
        );
        expect(got.every((r) => at.startsWith(r.regionPath))).toBe(true);
        for (let i = 1; i < got.length; i++)
          expect(got[i - 1]!.regionPath.length).toBeGreaterThanOrEqual(got[i]!.regionPath.length);
        expect(got.length).toBe(paths.filter((p) => at.startsWith(p)).length);
      }),
    );
  });
});
