import { describe, expect, it } from 'vitest';
import {
  childCode,
  codesOfPath,
  subtreeRange,
  isRegionCode,
  lineageOf,
  nextChildNumber,
  parentCodeOf,
  pathOf,
} from './codes.js';
import { levelOfCode } from './levels.js';
import { regionNode } from './region-node.js';

describe('region codes', () => {
  it('read the level from the length: 2, 4, 6, 9, 12 digits, then 3 more per grid level', () => {
    expect(
      ['32', '3201', '320114', '320114001', '320114001001', '320114001001001', '320114001001001001'].map(levelOfCode),
    ).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(levelOfCode('320')).toBeUndefined();
    expect(levelOfCode('32a1')).toBeUndefined();
    expect(isRegionCode('')).toBe(false);
  });

  it('derive the parent from the code alone', () => {
    expect(parentCodeOf('32')).toBeNull();
    expect(parentCodeOf('320114001')).toBe('320114');
    expect(parentCodeOf('320114001001002')).toBe('320114001001');
    expect(() => parentCodeOf('3201140')).toThrow(/not a region code/);
  });

  it('build the materialised path with a trailing slash, and read it back', () => {
    expect(pathOf('32')).toBe('32/');
    expect(pathOf('320114001')).toBe('32/3201/320114/320114001/');
    expect(lineageOf('3201')).toEqual(['32', '3201']);
    expect(codesOfPath('32/3201/320114/')).toEqual(['32', '3201', '320114']);
    expect(() => codesOfPath('32/3201')).toThrow(/not a region path/);
  });

  it('code grids as the parent code and three digits, only below villages and grids', () => {
    expect(childCode('320114001001', 7)).toBe('320114001001007');
    expect(childCode('320114001001007', 12)).toBe('320114001001007012');
    expect(() => childCode('320114001', 1)).toThrow(/not below level 4/);
    expect(() => childCode('320114001001', 1000)).toThrow(/outside 1..999/);
  });

  it('number a new child after the highest in use, never refilling a gap', () => {
    expect(nextChildNumber('320114001001', [])).toBe(1);
    expect(nextChildNumber('320114001001', ['320114001001001', '320114001001004'])).toBe(5);
    // After 999 there is no next number: a refusal the caller can see (409), not a defect.
    expect(() => nextChildNumber('320114001001', ['320114001001999'])).toThrow(
      expect.objectContaining({ code: 'Conflict', message: expect.stringMatching(/999/) }),
    );
  });

  it('make nodes whose parent, level and path follow from the code', () => {
    expect(regionNode('320114001', ' 雨花街道 ')).toEqual({
      code: '320114001',
      parentCode: '320114',
      level: 4,
      name: '雨花街道',
      path: '32/3201/320114/320114001/',
    });
    expect(() => regionNode('320114001', '  ')).toThrow(
      expect.objectContaining({ code: 'ValidationFailed', message: expect.stringMatching(/name/) }),
    );
  });

  it('bound a subtree by a byte-wise range that holds its paths and no others', () => {
    const { from, to } = subtreeRange('32/3201/');
    expect([from, to]).toEqual(['32/3201/', '32/32010']);
    const inside = (p: string) => p >= from && p < to;
    expect(['32/3201/', '32/3201/320114/', '32/3201/320199/320199999999/'].every(inside)).toBe(true);
    expect(['32/', '32/3202/', '32/32010/', '32/3200/'].some(inside)).toBe(false);
  });
});
